// Package realtools starts and finds the real tools physarch's integration
// tests use as judges: kube-apiserver with etcd, kubectl, terraform with the
// azurerm provider, kube-score. scripts/install-tools.sh installs them and
// prints the environment variables read here. Without them a test skips
// with the command that installs them, unless PHYSARCH_REQUIRE_TOOLS is set
// (the full test run), where a missing tool fails the test instead.
package realtools

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/render"
)

// Lookup returns the tool named by the first variable that is set, or a
// binary found on PATH, or skips (fails under PHYSARCH_REQUIRE_TOOLS).
func Lookup(t testing.TB, install string, vars []string, path string) string {
	t.Helper()
	for _, v := range vars {
		if p := os.Getenv(v); p != "" {
			return p
		}
	}
	if path != "" {
		if p, err := exec.LookPath(path); err == nil {
			return p
		}
	}
	msg := "real tool not configured (" + strings.Join(vars, ", ") + "): run `scripts/install-tools.sh " + install + " && eval \"$(scripts/install-tools.sh env)\"`"
	if os.Getenv("PHYSARCH_REQUIRE_TOOLS") != "" {
		t.Fatal("PHYSARCH_REQUIRE_TOOLS is set but " + msg)
	}
	t.Skip(msg)
	return ""
}

// WriteFiles writes generated files into a fresh temporary directory, for a
// real tool to read, and returns the directory.
func WriteFiles(t testing.TB, files []render.File) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, f.Path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
