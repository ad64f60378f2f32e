package render

import (
	"errors"
	"strings"
	"testing"
)

func bump(m map[string]int) { m["x"]++ }

// TestConcurrentlyRecoversAPanickingJob: the panic of one job is its error
// (with the stack of where it happened); the others still run, and the
// process survives (before: a panic in a goroutine ended it).
func TestConcurrentlyRecoversAPanickingJob(t *testing.T) {
	ran := make([]bool, 3)
	ok := func(i int) func() ([]File, error) {
		return func() ([]File, error) { ran[i] = true; return []File{{Path: "f"}}, nil }
	}
	files, err := Concurrently(ok(0), func() ([]File, error) {
		bump(nil) // a nil map write: a runtime panic
		return nil, nil
	}, ok(2))
	var p *Panic
	if !errors.As(err, &p) || files != nil {
		t.Fatalf("want a *Panic and no files, got %v, %v", err, files)
	}
	if !strings.Contains(p.Error(), "assignment to entry in nil map") || !strings.Contains(string(p.Stack), "concurrent_test.go") {
		t.Errorf("panic %q, stack:\n%s", p.Error(), p.Stack)
	}
	if !ran[0] || !ran[2] {
		t.Error("the other jobs did not run")
	}
}

// TestRecoverKeepsTheFirstStack: a *Panic raised again by a waiter keeps
// the stack of the goroutine where it happened.
func TestRecoverKeepsTheFirstStack(t *testing.T) {
	first := &Panic{Value: "boom", Stack: []byte("where it happened")}
	_, err := Concurrently(func() ([]File, error) { panic(first) })
	var p *Panic
	if !errors.As(err, &p) || p != first {
		t.Errorf("got %v", err)
	}
}
