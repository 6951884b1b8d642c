package main

import (
	"errors"
	"testing"
)

func TestCheckListenAddr(t *testing.T) {
	for _, tc := range []struct {
		addr     string
		anywhere bool
		ok       bool
	}{
		{"127.0.0.1:8089", false, true},
		{"127.0.0.2:0", false, true},
		{"[::1]:0", false, true},
		{"localhost:8089", false, true},
		{"LOCALHOST:8089", false, true},
		{"0.0.0.0:8089", false, false},
		{":8089", false, false},
		{"[::]:8089", false, false},
		{"192.168.1.10:8089", false, false},
		{"example.org:8089", false, false},
		{"127.0.0.1", false, false}, // no port: not an address to listen on
		{"0.0.0.0:8089", true, true},
		{":8089", true, true},
	} {
		err := checkListenAddr("mock", tc.addr, tc.anywhere)
		if (err == nil) != tc.ok {
			t.Errorf("checkListenAddr(%q, %v) = %v, want ok %v", tc.addr, tc.anywhere, err, tc.ok)
		}
		var ue *usageError
		if err != nil && !errors.As(err, &ue) {
			t.Errorf("%q: %T is not a usage error", tc.addr, err)
		}
	}
}
