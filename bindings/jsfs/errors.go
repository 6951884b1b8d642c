package jsfs

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"

	"github.com/dop251/goja"
)

// errnoNames maps the errors a file operation commonly meets to Node's code and
// description, so messages read like Node's: "ENOENT: no such file or directory, open 'x.csv'".
var errnoNames = []struct {
	target error
	code   string
	desc   string
}{
	// The specific errnos come first: errors.Is matches ENOTEMPTY to fs.ErrExist and
	// EPERM to fs.ErrPermission.
	{syscall.ENOTDIR, "ENOTDIR", "not a directory"},
	{syscall.EISDIR, "EISDIR", "illegal operation on a directory"},
	{syscall.ENOTEMPTY, "ENOTEMPTY", "directory not empty"},
	{syscall.EPERM, "EPERM", "operation not permitted"},
	{fs.ErrNotExist, "ENOENT", "no such file or directory"},
	{fs.ErrExist, "EEXIST", "file already exists"},
	{fs.ErrPermission, "EACCES", "permission denied"},
	{syscall.EMFILE, "EMFILE", "too many open files"},
	{syscall.ENOSPC, "ENOSPC", "no space left on device"},
	{syscall.EROFS, "EROFS", "read-only file system"},
	{syscall.ENAMETOOLONG, "ENAMETOOLONG", "name too long"},
	{syscall.ELOOP, "ELOOP", "too many symbolic links encountered"},
	{syscall.EXDEV, "EXDEV", "cross-device link not permitted"},
	{fs.ErrClosed, "EBADF", "bad file descriptor"},
}

// Code returns Node's error code for a file error (ENOENT, EEXIST, EACCES, ...) and its
// description, or "EIO" and the error's own text when the error is of no known kind.
func Code(err error) (code, desc string) {
	for _, e := range errnoNames {
		if errors.Is(err, e.target) {
			return e.code, e.desc
		}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return "EIO", pe.Err.Error()
	}
	return "EIO", err.Error()
}

// NodeError builds the JavaScript Error a Node fs function would throw for err met while
// doing syscall ("open", "mkdir", ...) on path, the path as the script gave it:
// message "ENOENT: no such file or directory, open 'x.csv'" and properties code, syscall
// and path.
func NodeError(vm *goja.Runtime, err error, syscall, path string) *goja.Object {
	code, desc := Code(err)
	msg := fmt.Sprintf("%s: %s, %s '%s'", code, desc, syscall, path)
	e := newError(vm, msg)
	_ = e.Set("code", code)
	_ = e.Set("syscall", syscall)
	_ = e.Set("path", path)
	return e
}

// newError returns a plain JavaScript Error with message msg (not a GoError, so it
// prints as "Error: msg").
func newError(vm *goja.Runtime, msg string) *goja.Object {
	ctor, ok := goja.AssertConstructor(vm.Get("Error"))
	if !ok {
		return vm.NewGoError(errors.New(msg))
	}
	e, err := ctor(nil, vm.ToValue(msg))
	if err != nil {
		return vm.NewGoError(errors.New(msg))
	}
	return e
}

// CodedError builds a JavaScript Error with message msg and property code.
func CodedError(vm *goja.Runtime, code, msg string) *goja.Object {
	e := newError(vm, msg)
	_ = e.Set("code", code)
	return e
}

// errIsDir is what unlinkSync reports for a directory, as Node does.
var errIsDir error = syscall.EISDIR
