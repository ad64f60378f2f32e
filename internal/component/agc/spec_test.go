package agc_test

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

// TestBadInput: what Application Gateway for Containers cannot realise
// (PROD lands on line 18 from column 32) is reported once, at its line
// and column, with a hint, and the build writes nothing.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name, prod, network string
		line, col           int
		want                string
	}{
		{"capacity units below one", "waf: false, agcCapacityUnits: 0", "", 18, 62, "agcCapacityUnits"},
		{"a WAF it cannot have", "waf: true", "", 18, 37, "has no WAF"},
		{"a rate limit without Front Door", "waf: false, frontDoor: none, rateLimitPerMinute: 100", "", 18, 81, "cannot limit a client's rate"},
		{"a subnet smaller than /24", "waf: false", "network: {subnets: [{role: agc, cidr: 10.20.4.0/25}]}", 19, 43, "too small"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := shopSpec(c.prod, c.network)
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
			if e.Hint == "" || !strings.Contains(e.Error(), c.want) {
				t.Errorf("error %q: want a hint and %q", e.Error(), c.want)
			}
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
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("build wrote %s", out)
			}
		})
	}
}
