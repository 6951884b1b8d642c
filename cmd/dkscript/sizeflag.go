package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// sizeFlag is a number of bytes given as a whole number with an optional unit: KiB,
// MiB, GiB (K, M, G and KB, MB, GB mean the same powers of 1024), e.g. "64MiB"; it
// remembers whether it was given.
type sizeFlag struct {
	n   int64
	set bool
}

func (f *sizeFlag) String() string {
	if f == nil || !f.set {
		return ""
	}
	return strconv.FormatInt(f.n, 10)
}

func (f *sizeFlag) Set(s string) error {
	n, err := parseSize(s)
	if err != nil {
		return err
	}
	f.n, f.set = n, true
	return nil
}

// sizeUnits are the units parseSize knows, in bytes.
var sizeUnits = map[string]int64{
	"": 1, "b": 1,
	"k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10,
	"m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20,
	"g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30,
}

// parseSize parses "67108864", "64MiB", "512k" or "1G" (case-insensitive) into bytes.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	unit, ok := sizeUnits[strings.ToLower(strings.TrimSpace(t[i:]))]
	n, err := strconv.ParseInt(t[:i], 10, 64)
	if i == 0 || !ok || err != nil || n > math.MaxInt64/unit {
		return 0, fmt.Errorf("want a size such as 64MiB, 512KiB or a number of bytes")
	}
	return n * unit, nil
}
