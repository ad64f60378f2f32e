package output

import (
	"fmt"
	"io"
	"time"
)

// DefaultLockWait bounds how long a build waits for another build of the
// same output directory before it gives up.
const DefaultLockWait = 2 * time.Minute

// locker is the platform's advisory lock on the output directory.
type locker interface {
	try() (bool, error) // take the lock if it is free
	release()
	staleHint() string // what to do if the lock is held by no one
}

// BusyError says another build held the output directory's lock for the
// whole wait.
type BusyError struct {
	Dir, Lock string
	Waited    time.Duration
	Hint      string
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("another physarch build of %s held its lock (%s) for more than %s; nothing was written: try again once that build has finished%s",
		e.Dir, e.Lock, e.Waited, e.Hint)
}

// lock takes the output directory's lock for the whole write, so two
// builds into one directory run one after the other. It polls (with a
// growing pause) rather than blocking, so the wait is bounded on every
// platform; the user hears once that the build is waiting.
func (t *tree) lock(wait time.Duration, log io.Writer) (func(), error) {
	if wait <= 0 {
		wait = DefaultLockWait
	}
	l, err := t.openLock()
	if err != nil {
		return nil, fmt.Errorf("locking %s: %w", t.show(LockName), err)
	}
	deadline := time.Now().Add(wait)
	pause := time.Millisecond
	told := false
	for {
		ok, err := l.try()
		if err != nil {
			l.release()
			return nil, fmt.Errorf("locking %s: %w", t.show(LockName), err)
		}
		if ok {
			return l.release, nil
		}
		left := time.Until(deadline)
		if left <= 0 {
			l.release()
			return nil, &BusyError{Dir: t.dir, Lock: t.show(LockName), Waited: wait, Hint: l.staleHint()}
		}
		if !told && log != nil {
			fmt.Fprintf(log, "physarch: waiting for another build of %s to finish (at most %s)\n", t.dir, wait)
			told = true
		}
		time.Sleep(min(pause, left))
		pause = min(2*pause, 50*time.Millisecond)
	}
}
