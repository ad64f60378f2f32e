//go:build !(unix || windows) || solaris || aix

package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// exclLockName is the fallback lock where neither flock(2) nor Windows
// share modes are available (Plan 9, WebAssembly, Solaris, AIX): the
// file exists while a build runs. A build that crashed leaves it behind,
// which is why the busy error says how to clear it.
const exclLockName = LockName + ".held"

type exclLock struct {
	t *tree
	f *os.File
}

// lockOutlivesCrash: a killed build leaves the file, and so the lock.
const lockOutlivesCrash = true

func (t *tree) openLock() (locker, error) { return &exclLock{t: t}, nil }

func (l *exclLock) try() (bool, error) {
	f, err := l.t.root.OpenFile(exclLockName, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	fmt.Fprintf(f, "%d\n", os.Getpid())
	l.f = f
	return true, nil
}

func (l *exclLock) release() {
	if l.f != nil {
		l.f.Close()
		l.t.root.Remove(exclLockName)
		l.f = nil
	}
}

func (l *exclLock) staleHint() string {
	return fmt.Sprintf(" (if no build is running, one was interrupted: delete %s)", l.t.show(exclLockName))
}
