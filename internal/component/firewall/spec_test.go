package firewall_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/cli"
)

// prodFirewall is the sample's production setting, which the cases
// replace.
const prodFirewall = "firewall: {tier: Standard, egressGBPerMonth: 500}"

// TestBadInput: every mistake in the block's part of the spec is one
// positioned error with a hint, and the build writes nothing.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name           string
		edits          []edit
		anchor, marker string // where the error must point
		want           []string
	}{
		{"unknown tier", []edit{{prodFirewall, "firewall: {tier: Basic}"}}, "name: prod", "Basic", []string{`"Basic" is not allowed`, "Standard, Premium"}},
		{"negative egress", []edit{{"egressGBPerMonth: 500", "egressGBPerMonth: -1"}}, "name: prod", "-1", []string{"egressGBPerMonth -1 is out of range", "GB a month"}},
		{"egress above the maximum", []edit{{"egressGBPerMonth: 500", "egressGBPerMonth: 20000000"}}, "name: prod", "20000000", []string{"egressGBPerMonth 20000000 is out of range"}},
		{"route that is not a boolean", []edit{{prodFirewall, "firewall: {tier: Standard, routeCluster: sometimes}"}}, "name: prod", "sometimes", []string{"routeCluster"}},
		{"misspelt key", []edit{{prodFirewall, "firewall: {tier: Standard, egresGBPerMonth: 5}"}}, "name: prod", "egresGBPerMonth:", []string{`unknown key "egresGBPerMonth"`, `did you mean "egressGBPerMonth"`}},
		{"firewall subnet pinned too small", []edit{{prodFirewall, prodFirewall + "\n    network: {subnets: [{role: firewall, cidr: 10.20.3.0/27}]}"}}, "role: firewall", "10.20.3.0/27", []string{"subnet 10.20.3.0/27 is too small", "/26"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := apply(t, read(t, "sample.yaml"), c.edits...)
			dir := t.TempDir()
			file := filepath.Join(dir, "physarch.yaml")
			if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out")
			var stdout, stderr bytes.Buffer
			code := cli.Execute([]string{"build", file, "-o", out}, &stdout, &stderr)
			if code != 1 {
				t.Fatalf("exit %d, want 1\n%s%s", code, stdout.String(), stderr.String())
			}
			msg := stderr.String()
			if !strings.Contains(msg, "1 error; nothing was written") {
				t.Fatalf("want exactly one error:\n%s", msg)
			}
			line, col := position(t, src, c.anchor, c.marker)
			if at := fmt.Sprintf("%s:%d:%d: error: ", file, line, col); !strings.HasPrefix(msg, at) {
				t.Errorf("error not at %d:%d:\n%s", line, col, msg)
			}
			if !strings.Contains(msg, "\n    hint: ") {
				t.Errorf("error without a hint:\n%s", msg)
			}
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error does not say %q:\n%s", w, msg)
				}
			}
			if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
				t.Errorf("the failed build wrote %d entries into %s", len(entries), out)
			}
		})
	}
}
