package approuting_test

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

// TestBadInput: what managed NGINX cannot be is reported once, at its
// line and column, with a hint, and the build writes nothing.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name, src string
		line, col int
		want      string
	}{
		{"Front Door in front", strings.Replace(shopSpec("waf: false", ""), "frontDoor: none", "frontDoor: Standard", 1), 18, 50, "cannot be Front Door's origin"},
		{"a WAF", shopSpec("waf: true", ""), 18, 61, "has no WAF"},
		{"an unknown controller", strings.Replace(shopSpec("waf: false", ""), "controller: approuting}", "controller: approutnig}", 1), 14, 27, `"approutnig" is not allowed`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := components.Load("physarch.yaml", []byte(c.src))
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
			if e.Hint == "" || !strings.Contains(e.Error(), c.want) {
				t.Errorf("error %q: want a hint and %q", e.Error(), c.want)
			}
			dir := t.TempDir()
			file := filepath.Join(dir, "physarch.yaml")
			if err := os.WriteFile(file, []byte(c.src), 0o600); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out")
			var stdout, stderr bytes.Buffer
			if code := cli.Execute([]string{"build", file, "-o", out}, &stdout, &stderr); code != 1 {
				t.Errorf("build exits %d, want 1; stderr: %s", code, stderr.String())
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("build wrote %s", out)
			}
		})
	}
}
