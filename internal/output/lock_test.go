package output

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// logBuffer is an io.Writer safe for a goroutine, which also signals its
// first write.
type logBuffer struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	first chan struct{}
	once  sync.Once
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.first != nil {
		l.once.Do(func() { close(l.first) })
	}
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func (l *logBuffer) contains(s string) bool { return strings.Contains(l.String(), s) }

// holdLock takes dir's lock as another build would, until release.
func holdLock(t *testing.T, dir string) (release func()) {
	t.Helper()
	other, err := openTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := other.lock(time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	return func() { unlock(); other.close() }
}

// TestBuildWaitsForAnotherBuild: while another build holds the lock, a
// build says on its log that it waits, and goes on once the lock is free.
func TestBuildWaitsForAnotherBuild(t *testing.T) {
	dir := t.TempDir()
	release := holdLock(t, dir)
	log := &logBuffer{first: make(chan struct{})}
	done := make(chan error)
	go func() {
		_, err := Write(dir, files("v1"), Options{Log: log})
		done <- err
	}()
	<-log.first // it is waiting
	if !log.contains("waiting for another build of " + dir) {
		t.Errorf("log %q", log.String())
	}
	if _, err := os.Stat(dir + "/two.md"); !os.IsNotExist(err) {
		t.Error("the waiting build wrote before it had the lock")
	}
	release()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := consistent(t, dir); err != nil {
		t.Error(err)
	}
}

// TestBuildGivesUpOnABusyDirectory: the wait is bounded, and the error
// says what is going on and that nothing was written.
func TestBuildGivesUpOnABusyDirectory(t *testing.T) {
	dir := t.TempDir()
	release := holdLock(t, dir)
	defer release()
	var log logBuffer
	_, err := Write(dir, files("v1"), Options{Log: &log, LockWait: 30 * time.Millisecond})
	var busy *BusyError
	if !errors.As(err, &busy) {
		t.Fatalf("want a BusyError, got %v", err)
	}
	for _, want := range []string{"another physarch build of " + dir, LockName, "nothing was written", "try again"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if !log.contains("waiting") {
		t.Errorf("the user was not told it waits: %q", log.String())
	}
	if got := onDisk(t, dir); len(got) != 0 {
		t.Errorf("a build that never had the lock wrote %v", got)
	}
}

// TestConcurrentBuildPairs runs 200 pairs of builds, each pair two
// processes writing different contents into one directory at the same
// moment. Each pair must end with both builds successful and the manifest
// equal to the files, which are wholly one side's. Without the lock the
// manifest disagreed with the files 3 times in 140 runs.
func TestConcurrentBuildPairs(t *testing.T) {
	pairs := 200
	if testing.Short() {
		pairs = 20
	}
	base := t.TempDir()
	sem := make(chan struct{}, 8)
	var mu sync.Mutex
	var failures []string
	waited := 0
	var wg sync.WaitGroup
	for i := range pairs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			dir := fmt.Sprintf("%s/pair%03d", base, i)
			msg, w := racePair(t, dir)
			mu.Lock()
			defer mu.Unlock()
			waited += w
			if msg != "" {
				failures = append(failures, fmt.Sprintf("pair %d: %s", i, msg))
			}
		})
	}
	wg.Wait()
	t.Logf("%d pairs; in %d the second build waited for the first", pairs, waited)
	if len(failures) > 0 {
		t.Errorf("%d of %d pairs failed:\n%s", len(failures), pairs, strings.Join(failures, "\n"))
	}
}

// racePair starts both sides of one pair and judges the result; it
// returns what went wrong ("" for nothing) and whether a side waited.
func racePair(t *testing.T, dir string) (string, int) {
	var errs [2]bytes.Buffer
	var procs []*procRun
	for i, side := range []string{"A", "B"} {
		cmd := helper(t, helperEnv+"=race", "DIR="+dir, "SIDE="+side)
		cmd.Stderr = &errs[i]
		stdin, err := cmd.StdinPipe()
		if err != nil {
			return err.Error(), 0
		}
		if err := cmd.Start(); err != nil {
			return err.Error(), 0
		}
		procs = append(procs, &procRun{cmd: cmd, stdin: stdin})
	}
	for _, p := range procs {
		p.stdin.Close()
	}
	var msgs []string
	waited := 0
	for i, p := range procs {
		if err := p.cmd.Wait(); err != nil {
			msgs = append(msgs, fmt.Sprintf("build %d failed: %v: %s", i, err, errs[i].String()))
		}
		if strings.Contains(errs[i].String(), "waiting for another build") {
			waited = 1
		}
	}
	if len(msgs) > 0 {
		return strings.Join(msgs, "; "), waited
	}
	if _, err := os.Stat(dir + "/" + ManifestName); err != nil {
		return "no manifest", waited
	}
	if err := consistent(t, dir); err != nil {
		return err.Error(), waited
	}
	if got := onDisk(t, dir); !equalContent(got, raceSet("A")) && !equalContent(got, raceSet("B")) {
		return fmt.Sprintf("the files mix both builds: %v", got), waited
	}
	return "", waited
}
