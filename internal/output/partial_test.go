package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStaleStagingIsRemoved: staging directories left by builds that
// died before their journal (a kill while staging) are removed.
func TestStaleStagingIsRemoved(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{".physarch-stage-1234", ".physarch-stage-0123456789abcdef"} {
		os.MkdirAll(filepath.Join(dir, name, "new/deploy"), 0o755)
		os.WriteFile(filepath.Join(dir, name, "new/deploy/x.yaml"), []byte("x"), 0o644)
	}
	os.WriteFile(filepath.Join(dir, ManifestName+".tmp"), []byte("{"), 0o644)
	var log logBuffer
	if _, err := Write(dir, files("v1"), Options{Log: &log}); err != nil {
		t.Fatal(err)
	}
	if err := consistent(t, dir); err != nil {
		t.Error(err)
	}
	if !log.contains("removed 2 staging directories") {
		t.Errorf("the user was not told: %q", log.String())
	}
	if _, err := os.Stat(filepath.Join(dir, ManifestName+".tmp")); !os.IsNotExist(err) {
		t.Error("a half-written manifest was left")
	}
}

// TestFailedRenameRollsBack: a step of the rename phase fails (here a
// file appears where a directory must go, after the first files moved).
// The build fails, puts the previous output back, and the manifest still
// equals the files, so the next build goes ahead without --force. Before,
// the moved files stayed with no manifest listing them.
func TestFailedRenameRollsBack(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(dir, set(crashV1), Options{}); err != nil {
		t.Fatal(err)
	}
	// Steps: 1 moves a/one.md aside, 2 puts it in place; b/c/new.md next.
	_, err := Write(dir, set(crashV2), Options{afterStep: func(n int) {
		if n == 2 {
			os.WriteFile(filepath.Join(dir, "b"), []byte("in the way"), 0o644)
		}
	}})
	if err == nil || !strings.Contains(err.Error(), "previous output was put back") {
		t.Fatalf("want a failure that restored the output, got %v", err)
	}
	if err := consistent(t, dir, "b"); err != nil {
		t.Error(err)
	}
	got := onDisk(t, dir)
	delete(got, "b")
	if !equalContent(got, crashV1) {
		t.Errorf("files %v, want the previous output %v", got, crashV1)
	}
	os.Remove(filepath.Join(dir, "b"))
	if _, err := Write(dir, set(crashV3), Options{}); err != nil {
		t.Fatalf("the next build: %v", err)
	}
	if err := consistent(t, dir); err != nil {
		t.Error(err)
	}
}
