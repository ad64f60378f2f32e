package realtools

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Artifacts is the directory a judge keeps what it produced in, for CI to
// keep as test output (the rendered diagrams): $PHYSARCH_ARTIFACTS/<sub>,
// by default .ci/artifacts/<sub> in the repository (gitignored). It is
// created, and left in place after the test.
func Artifacts(t testing.TB, sub string) string {
	t.Helper()
	root := os.Getenv("PHYSARCH_ARTIFACTS")
	if root == "" {
		_, self, _, ok := runtime.Caller(0)
		if !ok {
			t.Fatal("cannot locate internal/realtools")
		}
		root = filepath.Join(filepath.Dir(self), "..", "..", ".ci", "artifacts")
	}
	dir := filepath.Join(root, sub)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}
