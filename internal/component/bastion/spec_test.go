package bastion_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/cli"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/spec"
)

// TestBadAccessInput: a mistake in the operator access settings is
// reported once, at its line and column, with what is wrong and a hint,
// and the build writes nothing.
func TestBadAccessInput(t *testing.T) {
	cases := []struct {
		name      string
		spec      func(t *testing.T) string
		line, col int
		want      []string // in the message or the hint
	}{
		{"unknown tier", func(t *testing.T) string { return prodAccess(t, "{bastion: Standrd}") }, 68, 31,
			[]string{`"Standrd" is not allowed`, "Standard for az network bastion ssh and tunnel"}},
		{"a tier in the wrong case", func(t *testing.T) string { return prodAccess(t, "{bastion: standard}") }, 68, 31,
			[]string{`"standard" is not allowed`}},
		{"unknown key", func(t *testing.T) string { return prodAccess(t, "{jumpHosts: true}") }, 68, 22,
			[]string{`unknown key "jumpHosts"`, `did you mean "jumpHost"`}},
		{"jump host not a boolean", func(t *testing.T) string { return prodAccess(t, "{jumpHost: maybe}") }, 68, 32,
			[]string{"maybe"}},
		{"AzureBastionSubnet pinned smaller than /26", func(t *testing.T) string {
			return edit(t, "phonebill", "    profile: prod\n", "    profile: prod\n    network: {subnets: [{role: bastion, cidr: 10.20.255.0/27}]}\n")
		}, 68, 47, []string{"subnet 10.20.255.0/27 is too small", "use a /26 or larger"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := c.spec(t)
			doc, err := components.Load("physarch.yaml", []byte(src))
			if err == nil {
				_, err = components.Plan(doc)
			}
			var errs spec.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("want positioned errors, got %v", err)
			}
			if len(errs) != 1 {
				t.Fatalf("want 1 error, got %d:\n%v", len(errs), errs)
			}
			e := errs[0]
			if e.Pos.Line != c.line || e.Pos.Col != c.col {
				t.Errorf("position %d:%d, want %d:%d (%v)", e.Pos.Line, e.Pos.Col, c.line, c.col, e)
			}
			if e.Hint == "" {
				t.Errorf("error %q has no hint", e.Msg)
			}
			for _, w := range c.want {
				if !strings.Contains(e.Error(), w) {
					t.Errorf("error %q does not say %q", e.Error(), w)
				}
			}
			buildWritesNothing(t, src)
		})
	}
}

// buildWritesNothing runs `physarch build` on a bad spec: exit code 1, the
// error on stderr, and no output directory.
func buildWritesNothing(t *testing.T, src string) {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "physarch.yaml")
	if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	if code := cli.Execute([]string{"build", file, "-o", out}, &stdout, &stderr); code != 1 {
		t.Errorf("build exits %d, want 1; stderr: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "nothing was written") {
		t.Errorf("build does not say nothing was written: %s", stderr.String())
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("build created %s: %v", out, err)
	}
}
