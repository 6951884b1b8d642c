package runtime

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/evanw/esbuild/pkg/api"
)

// transformCache is a directory of transformed files (Options.TransformCache); "" is
// no cache. Each entry is one file named by the key: a first line holding the code's
// length and the SHA-256 of what follows, then the code, then the source map.
type transformCache string

// transformCacheFormat changes whenever what esTransform makes of esbuild's output
// changes, so that no entry of an older dkscript is read.
const transformCacheFormat = "dkscript-transform 2"

// Entries are pruned when the first write of a process finds more than
// transformCacheMax of them: the least recently written go, down to transformCacheKeep.
const (
	transformCacheMax  = 1000
	transformCacheKeep = 800
)

// buildIdentity names this program's build: its module versions and VCS revision, and
// the executable's size and time, so that an entry written by another build (whose
// transform may differ) is never read.
var buildIdentity = sync.OnceValue(func() string {
	var b strings.Builder
	b.WriteString(transformCacheFormat)
	if bi, ok := debug.ReadBuildInfo(); ok {
		b.WriteString("\n" + bi.Main.Path + "@" + bi.Main.Version)
		for _, s := range bi.Settings {
			if strings.HasPrefix(s.Key, "vcs.") {
				b.WriteString("\n" + s.Key + "=" + s.Value)
			}
		}
		for _, d := range bi.Deps {
			if d.Path == "github.com/evanw/esbuild" {
				b.WriteString("\n" + d.Path + "@" + d.Version)
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			fmt.Fprintf(&b, "\n%d %d", fi.Size(), fi.ModTime().UnixNano())
		}
	}
	return b.String()
})

// key names the entry of src transformed as esTransform is asked to; "" with no cache.
func (c transformCache) key(name, src string, loader api.Loader, format api.Format, extraLines int) string {
	if c == "" {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%d %d %d\n%s\n", buildIdentity(), loader, format, extraLines, path.Base(name))
	h.Write([]byte(src))
	return hex.EncodeToString(h.Sum(nil))
}

// get returns the entry named key; ok is false when there is none or it cannot be read
// whole.
func (c transformCache) get(key string) (code string, mapJSON []byte, ok bool) {
	if key == "" || !c.trusted() {
		return "", nil, false
	}
	b, err := os.ReadFile(filepath.Join(string(c), key))
	if err != nil {
		return "", nil, false
	}
	head, rest, found := strings.Cut(string(b), "\n")
	length, sum, _ := strings.Cut(head, " ")
	n, err := strconv.Atoi(length)
	if !found || err != nil || n < 0 || n > len(rest) || sum != entrySum(rest) {
		return "", nil, false // cut short, damaged, or not an entry
	}
	return rest[:n], []byte(rest[n:]), true
}

// entrySum is the checksum an entry's first line holds of the rest.
func entrySum(rest string) string {
	h := sha256.Sum256([]byte(rest))
	return hex.EncodeToString(h[:])
}

// put writes the entry named key, atomically (a reader sees all of it or none). A
// failure to write is no error: the cache only saves time.
func (c transformCache) put(key, code string, mapJSON []byte) {
	if key == "" || !c.trusted() {
		return
	}
	dir := string(c)
	if _, seen := preparedCaches.LoadOrStore(dir, true); !seen {
		// The first write of the process to this cache makes the directory and prunes
		// it; later writes find it made.
		if !c.makeDir() {
			preparedCaches.Delete(dir)
			return
		}
		c.prune()
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if errors.Is(err, os.ErrNotExist) && c.makeDir() { // removed since: make it again
		f, err = os.CreateTemp(dir, ".tmp-*")
	}
	if err != nil {
		return
	}
	rest := code + string(mapJSON)
	_, err = fmt.Fprintf(f, "%d %s\n%s", len(code), entrySum(rest), rest)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(dir, key))
	}
	if err != nil {
		os.Remove(f.Name())
	}
}

// preparedCaches holds the cache directories this process has made and pruned.
var preparedCaches sync.Map

// makeDir makes the cache directory (mode 0700) and looks at it again: one made by
// someone else since trusted last looked is not used.
func (c transformCache) makeDir() bool {
	if os.MkdirAll(string(c), 0o700) != nil {
		return false
	}
	trustedCaches.Delete(string(c))
	return c.trusted()
}

// trustedCaches holds, for each cache directory this process has looked at, whether
// it may be used.
var trustedCaches sync.Map

// trusted reports whether the cache directory may be read and written: code read from
// it is run, so it must be a directory (not a symbolic link) of this process's user that
// no one else can write, or not exist yet (put makes it, mode 0700). A directory that
// fails is not used at all. It is looked at once per process.
func (c transformCache) trusted() bool {
	if v, ok := trustedCaches.Load(string(c)); ok {
		return v.(bool)
	}
	fi, err := os.Lstat(string(c))
	ok := errors.Is(err, os.ErrNotExist) ||
		err == nil && fi.IsDir() && fi.Mode().Perm()&0o022 == 0 && ownedByUser(fi)
	trustedCaches.Store(string(c), ok)
	return ok
}

// prune removes the least recently written entries when there are more than
// transformCacheMax, keeping transformCacheKeep. It runs at the first write of each
// process, so a cache grows past transformCacheMax only by what one run writes.
func (c transformCache) prune() {
	entries, err := os.ReadDir(string(c))
	if err != nil || len(entries) <= transformCacheMax {
		return
	}
	type aged struct {
		name string
		at   time.Time
	}
	var files []aged
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
			files = append(files, aged{e.Name(), info.ModTime()})
		}
	}
	slices.SortFunc(files, func(a, b aged) int { return a.at.Compare(b.at) })
	for _, f := range files[:max(0, len(files)-transformCacheKeep)] {
		os.Remove(filepath.Join(string(c), f.name))
	}
}
