package identityprovider_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/testplan"
)

// TestRules gives each rule of the block a spec that triggers it and one
// that leaves it quiet.
func TestRules(t *testing.T) {
	cases := []struct {
		id             string
		trigger, quiet string
		path, says     string
	}{
		{"AV018", // trigger: an external provider without a stated availability; quiet: the same with one
			oidc(t, ""), oidc(t, "    availability: 99.95\n"),
			"backing.identityProvider.provider", "2 routes require a sign-in at https://login.example.com/realms/shop"},
		{"SC018", // trigger: no API Management in prod; quiet: the sample's Premium validates the tokens
			edit(t, apim, ""), sample(t),
			"environments[1]", "no gateway validates their tokens"},
	}
	for _, c := range cases {
		t.Run(c.id, func(t *testing.T) {
			fs := testplan.Findings(t, "physarch.yaml", []byte(c.trigger), c.id)
			if len(fs) != 1 {
				t.Fatalf("trigger: want 1 finding, got %+v", fs)
			}
			if fs[0].Path != c.path || !strings.Contains(fs[0].Message, c.says) {
				t.Errorf("trigger: finding %s %q, want at %s saying %q", fs[0].Path, fs[0].Message, c.path, c.says)
			}
			if fs := testplan.Findings(t, "physarch.yaml", []byte(c.quiet), c.id); len(fs) != 0 {
				t.Errorf("quiet: want no finding, got %+v", fs)
			}
		})
	}
}
