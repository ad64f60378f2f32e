package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
)

// gitRepo makes dir a git repository with physarch.yaml committed as
// committed, then writes working as the working copy.
func gitRepo(t *testing.T, dir string, committed, working []byte) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	spec := filepath.Join(dir, "physarch.yaml")
	os.WriteFile(spec, committed, 0o644)
	for _, args := range [][]string{{"init", "-q"}, {"add", "physarch.yaml"}, {"-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "spec"}, {"branch", "feature/x"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	os.WriteFile(spec, working, 0o644)
}

// TestDiffGitRefusesOptions: a revision that git would read as an option
// is refused as a usage error before git runs, and writes nothing. Before,
// `--git --output=DIR/x` made git show write its output to DIR/x:./physarch.yaml
// (the directory "x:." made here, so that the write could happen).
func TestDiffGitRefusesOptions(t *testing.T) {
	_, data, _ := examples.Spec("phonebill")
	dir, outside := t.TempDir(), t.TempDir()
	gitRepo(t, dir, data, data)
	os.Mkdir(filepath.Join(outside, "x:."), 0o755)
	target := filepath.Join(outside, "x")
	for _, args := range [][]string{
		{"diff", "--git", "--output=" + target},
		{"diff", "--git=--output=" + target, "physarch.yaml"},
		{"diff", "--git", "--output=" + target, "-f", "physarch.yaml"},
		{"diff", "--git", "-p"},
	} {
		code, out, errs := run(t, dir, args...)
		if code != ExitUsage || !strings.Contains(errs, "must not start with '-'") {
			t.Errorf("%v: exit %d, want 2 and a refusal:\n%s%s", args, code, out, errs)
		}
	}
	filepath.Walk(outside, func(p string, info os.FileInfo, _ error) error {
		if !info.IsDir() {
			t.Errorf("written outside the repository: %s", p)
		}
		return nil
	})
	if out, _ := exec.Command("git", "-C", dir, "status", "--porcelain").Output(); len(out) != 0 {
		t.Errorf("the repository changed: %s", out)
	}
}

// TestDiffGitRevisions: what resolves to a commit is compared (a branch
// with a slash, HEAD~0, with the spec as the argument); what does not is
// a usage error naming it.
func TestDiffGitRevisions(t *testing.T) {
	_, data, _ := examples.Spec("phonebill")
	dir := t.TempDir()
	gitRepo(t, dir, data, data)
	for _, rev := range []string{"feature/x", "HEAD~0"} {
		code, out, errs := run(t, dir, "diff", "--git", rev, "physarch.yaml")
		if code != ExitOK || !strings.Contains(out, "physarch.yaml@"+rev+" → physarch.yaml") {
			t.Errorf("%s: exit %d\n%s%s", rev, code, out, errs)
		}
	}
	for _, rev := range []string{"no-such-rev", "HEAD:physarch.yaml", "HEAD^{tree}"} {
		code, _, errs := run(t, dir, "diff", "--git", rev)
		if code != ExitUsage || !strings.Contains(errs, "--git "+rev+": not a commit") {
			t.Errorf("%s: exit %d %s", rev, code, errs)
		}
	}
	if code, _, errs := run(t, dir, "diff", "--git", "HEAD", "--example", "phonebill"); code != ExitUsage || !strings.Contains(errs, "no history") {
		t.Errorf("--example: exit %d %s", code, errs)
	}
}

// TestDiffGitOldSpecErrorsNameTheRevision: an error in the spec as it was
// at the revision is positioned in physarch.yaml@REV, so it is not taken
// for an error in the working copy (before: physarch.yaml:3:1).
func TestDiffGitOldSpecErrorsNameTheRevision(t *testing.T) {
	_, data, _ := examples.Spec("phonebill")
	dir := t.TempDir()
	gitRepo(t, dir, []byte("apiVersion: physarch.dev/v1\nkind: System\nservics: []\n"), data)
	for _, rev := range []string{"HEAD", "feature/x"} {
		code, _, errs := run(t, dir, "diff", "--git", rev, "physarch.yaml")
		if code != ExitInput || !strings.Contains(errs, "physarch.yaml@"+rev+":3:1: error: unknown key \"servics\"") {
			t.Errorf("%s: exit %d\n%s", rev, code, errs)
		}
	}
}
