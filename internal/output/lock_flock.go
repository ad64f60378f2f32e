//go:build unix && !solaris && !aix

package output

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// flockLock is flock(2) on a file that stays in the output root. The file
// is never removed: removing it would let a later build lock a new file
// while an earlier one still holds the old. The kernel drops the lock
// when the process ends, however it ends, so a crash leaves nothing stale.
type flockLock struct{ f *os.File }

// lockOutlivesCrash: the kernel drops the lock of a killed process.
const lockOutlivesCrash = false

func (t *tree) openLock() (locker, error) {
	if fi, err := t.root.Lstat(LockName); err == nil {
		if err := t.regular(LockName, fi); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	f, err := t.root.OpenFile(LockName, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	return &flockLock{f: f}, nil
}

func (l *flockLock) try() (bool, error) {
	err := syscall.Flock(int(l.f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, syscall.EWOULDBLOCK), errors.Is(err, syscall.EAGAIN), errors.Is(err, syscall.EINTR):
		return false, nil
	}
	return false, err
}

// release closes the file, which drops the lock.
func (l *flockLock) release() { l.f.Close() }

func (l *flockLock) staleHint() string { return "" }
