//go:build windows

package output

import (
	"errors"
	"path/filepath"
	"syscall"
)

// errSharingViolation is ERROR_SHARING_VIOLATION, which the syscall
// package does not name.
const errSharingViolation = syscall.Errno(32)

// shareLock is the lock file opened with no sharing at all: while one
// build has it open, another's open fails. Windows closes the handle
// when the process ends, however it ends, so a crash leaves nothing
// stale. The file stays, as on Unix.
type shareLock struct {
	path string
	h    syscall.Handle
	held bool
}

// lockOutlivesCrash: Windows closes a killed process's handles.
const lockOutlivesCrash = false

func (t *tree) openLock() (locker, error) {
	// A link is refused as everywhere; other Lstat errors are left to the
	// open below, which does not follow links either.
	if fi, err := t.root.Lstat(LockName); err == nil {
		if err := t.regular(LockName, fi); err != nil {
			return nil, err
		}
	}
	return &shareLock{path: filepath.Join(t.root.Name(), LockName)}, nil
}

func (l *shareLock) try() (bool, error) {
	p, err := syscall.UTF16PtrFromString(l.path)
	if err != nil {
		return false, err
	}
	h, err := syscall.CreateFile(p, syscall.GENERIC_READ|syscall.GENERIC_WRITE, 0, nil,
		syscall.OPEN_ALWAYS, syscall.FILE_ATTRIBUTE_NORMAL|syscall.FILE_FLAG_OPEN_REPARSE_POINT, 0)
	if errors.Is(err, errSharingViolation) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	l.h, l.held = h, true
	return true, nil
}

func (l *shareLock) release() {
	if l.held {
		syscall.CloseHandle(l.h)
		l.held = false
	}
}

func (l *shareLock) staleHint() string { return "" }
