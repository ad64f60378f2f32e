package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
)

// specDir writes the phonebill example as dir/x.yaml and as
// dir/sub/physarch.yaml.
func specDir(t *testing.T) string {
	t.Helper()
	_, data, err := examples.Spec("phonebill")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	for _, p := range []string{"x.yaml", "sub/physarch.yaml"} {
		if err := os.WriteFile(filepath.Join(dir, p), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestSpecAsArgument: every command that reads a spec takes it as its
// argument, a file or a directory holding physarch.yaml (before: `physarch
// build spec.yaml` answered `unknown command "spec.yaml"`).
func TestSpecAsArgument(t *testing.T) {
	dir := specDir(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "x.yaml", "-o", "o1"}, "Built x.yaml into o1"},
		{[]string{"build", "sub/", "-o", "o2"}, "Built sub/physarch.yaml into o2"},
		{[]string{"validate", "x.yaml"}, "x.yaml is valid"},
		{[]string{"validate", "sub"}, "sub/physarch.yaml is valid"},
		{[]string{"check", "sub/", "--format", "json"}, `"spec": "sub/physarch.yaml"`},
		{[]string{"check", "x.yaml"}, "0 errors"},
		{[]string{"cost", "x.yaml", "--env", "prod"}, "Environment prod"},
		{[]string{"sla", "sub", "--env", "dev"}, "Environment dev"},
		{[]string{"prices", "refresh", "x.yaml", "--offline"}, "for koreacentral"},
		{[]string{"diff", "--env", "dev", "--env", "prod", "x.yaml"}, "dev → prod"},
	} {
		code, out, errs := run(t, dir, c.args...)
		if code != ExitOK || !strings.Contains(out, c.want) {
			t.Errorf("%v: exit %d, want %q in\n%.400s%s", c.args, code, c.want, out, errs)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "o2/design/backend/physical/physical-architecture.md")); err != nil {
		t.Error("build of a directory wrote nothing")
	}
}

// TestSpecGivenTwiceIsAUsageError: -f and an argument, two arguments, or
// --example and an argument are usage errors that name what was given.
func TestSpecGivenTwiceIsAUsageError(t *testing.T) {
	dir := specDir(t)
	for _, cmd := range [][]string{{"build"}, {"validate"}, {"check"}, {"cost"}, {"sla"}, {"prices", "refresh", "--offline"}} {
		for _, extra := range [][]string{
			{"-f", "x.yaml", "sub"},
			{"x.yaml", "sub"},
			{"--example", "phonebill", "x.yaml"},
		} {
			args := append(append([]string{}, cmd...), extra...)
			code, _, errs := run(t, dir, args...)
			if code != ExitUsage || !strings.Contains(errs, "x.yaml") {
				t.Errorf("%v: exit %d, want 2 naming x.yaml: %s", args, code, errs)
			}
		}
	}
	for _, args := range [][]string{
		{"diff", "--git", "HEAD", "x.yaml", "sub"},
		{"diff", "--git", "HEAD", "-f", "x.yaml", "sub"},
		{"diff", "--env", "dev", "--env", "prod", "x.yaml", "sub"},
		{"diff", "--env", "dev", "--env", "prod", "-f", "x.yaml", "sub"},
	} {
		if code, _, errs := run(t, dir, args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want 2: %s", args, code, errs)
		}
	}
}

// TestHelpNamesTheSpecArgument: the help of every spec-reading command
// shows the argument and says what it may be.
func TestHelpNamesTheSpecArgument(t *testing.T) {
	for _, cmd := range [][]string{{"build"}, {"validate"}, {"check"}, {"cost"}, {"sla"}, {"prices", "refresh"}, {"diff"}} {
		code, out, _ := run(t, t.TempDir(), append(cmd, "--help")...)
		if code != ExitOK || !strings.Contains(out, "[SPEC]") || !strings.Contains(out, "a directory holding physarch.yaml") {
			t.Errorf("%v --help: exit %d\n%s", cmd, code, out)
		}
	}
}
