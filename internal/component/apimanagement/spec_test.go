package apimanagement_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/cli"
)

// prodAPIM is the sample's production setting, which the cases replace.
const prodAPIM = "apiManagement: {tier: Premium, units: 3, publisherEmail: api-team@example.com}"

// TestBadInput: every mistake in the block's part of the spec is one
// positioned error with a hint, and the build writes nothing.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name           string
		edits          []edit
		anchor, marker string // where the error must point
		want           []string
	}{
		{"unknown tier", []edit{{prodAPIM, "apiManagement: {tier: Standard, publisherEmail: api-team@example.com}"}}, "name: prod", "Standard", []string{`"Standard" is not allowed`, "StandardV2"}},
		{"units below the minimum", []edit{{"units: 3", "units: 0"}}, "name: prod", "0,", []string{"units 0 is out of range", "1 unit on Developer"}},
		{"units above the maximum", []edit{{"units: 3", "units: 13"}}, "name: prod", "13", []string{"units 13 is out of range"}},
		{"two Developer units", []edit{{"apiManagement: {tier: Developer,", "apiManagement: {tier: Developer, units: 2,"}}, "name: dev", "2,", []string{"API Management Developer has at most 1 units, not 2", "tier Premium"}},
		{"Standard v2 above ten units", []edit{{prodAPIM, "apiManagement: {tier: StandardV2, units: 11, publisherEmail: api-team@example.com}"}}, "name: prod", "11", []string{"API Management StandardV2 has at most 10 units, not 11"}},
		{"no publisher address", []edit{{prodAPIM, "apiManagement: {tier: Premium, units: 3}"}}, "name: prod", "Premium", []string{"API Management needs a publisher address", "publisherEmail"}},
		{"publisher address without a domain", []edit{{"units: 3, publisherEmail: api-team@example.com", "units: 3, publisherEmail: api-team"}}, "name: prod", "api-team}", []string{"publisherEmail", "an address such as"}},
		{"misspelt key", []edit{{"units: 3,", "unit: 3,"}}, "name: prod", "unit:", []string{`unknown key "unit"`, `did you mean "units"`}},
		{"no routed service", []edit{{"    route: /api/catalog\n", ""}, {"    route: /api/orders\n", ""}, {"apiManagement: {tier: Developer, publisherEmail: api-team@example.com}", "apiManagement: {tier: none}"}}, "name: prod", "Premium", []string{"API Management has no API: no service has a route"}},
		{"a routed service in a namespace group", []edit{{"    route: /api/orders\n", "    route: /api/orders\n    namespace: orders\n"}}, "namespace: ", "orders", []string{`API Management reaches routed services only in the environment's own namespace, not in group "orders"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := apply(t, sample(t), c.edits...)
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
