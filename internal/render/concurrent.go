package render

import (
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
)

// Concurrently runs independent renderers at once and returns their files
// in the order of the renderers (not of completion), so the output does
// not depend on scheduling; the errors of all that failed are joined. A
// job that panics fails with a *Panic instead of killing the process: a
// panic in a goroutine cannot be recovered by its caller.
func Concurrently(jobs ...func() ([]File, error)) ([]File, error) {
	out := make([][]File, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, job := range jobs {
		wg.Go(func() {
			defer Recover(&errs[i])
			out[i], errs[i] = job()
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var files []File
	for _, f := range out {
		files = append(files, f...)
	}
	return files, nil
}

// Panic is a panic recovered in a goroutine, carried to the caller as an
// error. It is a bug in physarch, not in the input: the command line
// reports it as an internal error, with Stack (where it happened) on
// request.
type Panic struct {
	Value any
	Stack []byte
}

func (p *Panic) Error() string { return fmt.Sprintf("panic: %v", p.Value) }

// Recover, deferred at the top of a goroutine, turns a panic into a
// *Panic in *err. A *Panic raised again by a goroutine's waiter (one that
// cannot return an error) keeps the stack of where it first happened.
func Recover(err *error) {
	v := recover()
	if v == nil {
		return
	}
	if p, ok := v.(*Panic); ok {
		*err = p
		return
	}
	*err = &Panic{Value: v, Stack: debug.Stack()}
}
