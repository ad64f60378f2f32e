package output

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestKilledBuildIsFinishedByTheNext kills a build (a real SIGKILL, in a
// child process) at every step of its rename phase in turn: after the
// journal is written, after each rename, after the manifest. The next
// build must succeed without --force, and afterwards the manifest equals
// the files. Before the journal, a kill here left files in place that no
// manifest listed, and the next build refused them as not physarch's.
func TestKilledBuildIsFinishedByTheNext(t *testing.T) {
	skipWhereLockOutlivesCrash(t)
	for k := 0; ; k++ {
		if k > 50 {
			t.Fatal("the child was never allowed to finish")
		}
		dir := t.TempDir()
		if _, err := Write(dir, set(crashV1), Options{}); err != nil {
			t.Fatal(err)
		}
		cmd := helper(t, helperEnv+"=crash", "DIR="+dir, fmt.Sprintf("KILL_AT=%d", k))
		out, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		switch {
		case err == nil:
			if k < 5 {
				t.Fatalf("the build finished with only %d steps; the test no longer covers the rename phase", k)
			}
			if cerr := consistent(t, dir); cerr != nil || !equalContent(onDisk(t, dir), crashV2) {
				t.Fatalf("an uninterrupted build: %v, files %v", cerr, onDisk(t, dir))
			}
			t.Logf("killed at each of steps 0-%d; the child ran to the end at step %d", k-1, k)
			return
		case !errors.As(err, &ee) || !killed(ee):
			t.Fatalf("kill at step %d: the child did not die of SIGKILL: %v\n%s", k, err, out)
		}
		if _, err := os.Stat(filepath.Join(dir, JournalName)); err != nil {
			t.Errorf("kill at step %d: no journal on disk: %v", k, err)
		}
		rep, err := Write(dir, set(crashV3), Options{})
		if err != nil {
			t.Fatalf("kill at step %d: the next build failed: %v", k, err)
		}
		if err := consistent(t, dir); err != nil {
			t.Errorf("kill at step %d: %v", k, err)
		}
		if got := onDisk(t, dir); !equalContent(got, crashV3) {
			t.Errorf("kill at step %d: files %v, want %v", k, got, crashV3)
		}
		if len(rep.Written) == 0 {
			t.Errorf("kill at step %d: the next build wrote nothing: %+v", k, rep)
		}
	}
}

// TestKilledBuildThenSameBuild is the common case: after the kill the user
// runs the same build again, which must report the interrupted one
// finished and leave exactly its files.
func TestKilledBuildThenSameBuild(t *testing.T) {
	skipWhereLockOutlivesCrash(t)
	dir := t.TempDir()
	if _, err := Write(dir, set(crashV1), Options{}); err != nil {
		t.Fatal(err)
	}
	out, err := helper(t, helperEnv+"=crash", "DIR="+dir, "KILL_AT=2").CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || !killed(ee) {
		t.Fatalf("the child did not die of SIGKILL: %v\n%s", err, out)
	}
	var log logBuffer
	if _, err := Write(dir, set(crashV2), Options{Log: &log}); err != nil {
		t.Fatal(err)
	}
	if err := consistent(t, dir); err != nil {
		t.Error(err)
	}
	if got := onDisk(t, dir); !equalContent(got, crashV2) {
		t.Errorf("files %v, want %v", got, crashV2)
	}
	if !log.contains("was interrupted; finished it") {
		t.Errorf("the user was not told: %q", log.String())
	}
}

func skipWhereLockOutlivesCrash(t *testing.T) {
	if lockOutlivesCrash {
		t.Skip("on this platform a killed build leaves its lock file; the next build waits for it")
	}
}

// TestKilledRollbackIsFinishedByTheNext: a build whose rename phase fails
// rolls back; killed at each step of that rollback, the next build must
// finish the rollback and go ahead, with the manifest equal to the files.
func TestKilledRollbackIsFinishedByTheNext(t *testing.T) {
	skipWhereLockOutlivesCrash(t)
	for k := 3; ; k++ {
		if k > 50 {
			t.Fatal("the child was never allowed to finish")
		}
		dir := t.TempDir()
		if _, err := Write(dir, set(crashV1), Options{}); err != nil {
			t.Fatal(err)
		}
		out, err := helper(t, helperEnv+"=crash-rollback", "DIR="+dir, fmt.Sprintf("KILL_AT=%d", k)).CombinedOutput()
		var ee *exec.ExitError
		switch {
		case errors.As(err, &ee) && ee.ExitCode() == 3:
			if k < 6 {
				t.Fatalf("the rollback ended after step %d; the test no longer covers it:\n%s", k, out)
			}
			t.Logf("killed at each of steps 3-%d of the rollback; it ran to the end at step %d", k-1, k)
			return
		case !errors.As(err, &ee) || !killed(ee):
			t.Fatalf("kill at step %d: the child did not die of SIGKILL: %v\n%s", k, err, out)
		}
		os.Remove(filepath.Join(dir, "b"))
		if _, err := Write(dir, set(crashV3), Options{}); err != nil {
			t.Fatalf("kill at step %d: the next build failed: %v", k, err)
		}
		if err := consistent(t, dir); err != nil {
			t.Errorf("kill at step %d: %v", k, err)
		}
		if got := onDisk(t, dir); !equalContent(got, crashV3) {
			t.Errorf("kill at step %d: files %v, want %v", k, got, crashV3)
		}
	}
}
