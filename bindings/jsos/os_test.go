package jsos

import "testing"

// TestNodeNames pins the names Node gives the platforms and architectures.
func TestNodeNames(t *testing.T) {
	for _, c := range [][3]string{{"linux", "linux", "Linux"}, {"windows", "win32", "Windows_NT"}, {"darwin", "darwin", "Darwin"}} {
		if p, ty := platform(c[0]), osType(c[0]); p != c[1] || ty != c[2] {
			t.Errorf("%s: platform %q type %q, want %q %q", c[0], p, ty, c[1], c[2])
		}
	}
	if arch("amd64") != "x64" || arch("arm64") != "arm64" || arch("386") != "ia32" {
		t.Error("arch names differ from Node's")
	}
	if eol("windows") != "\r\n" || eol("linux") != "\n" {
		t.Error("EOL differs from Node's")
	}
}
