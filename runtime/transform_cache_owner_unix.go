//go:build unix

package runtime

import (
	"os"
	"syscall"
)

// ownedByUser reports whether fi belongs to this process's user.
func ownedByUser(fi os.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Getuid()
}
