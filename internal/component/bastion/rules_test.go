package bastion_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/testplan"
)

// TestRules gives every rule the block owns a spec that triggers it and
// one that leaves it quiet. internal/check/rules_test.go finds the rule
// IDs here.
func TestRules(t *testing.T) {
	cases := []struct {
		id, name string
		spec     func(t *testing.T) string
		fires    bool
		path     string // the spec path the first finding points at, when it fires
		says     string // in the first finding's message
	}{
		{"SC013", "trigger: a private prod cluster without Bastion", func(t *testing.T) string { return prodAccess(t, "{bastion: none}") }, true,
			"environments[1].operatorAccess.bastion", "has no Bastion"},
		{"SC013", "trigger: Bastion without a jump host", func(t *testing.T) string { return prodAccess(t, "{jumpHost: false}") }, true,
			"environments[1].operatorAccess.jumpHost", "has no jump host"},
		{"SC013", "quiet: the example (Bastion Standard and a jump host by default)", example, false, "", ""},
		{"SC013", "quiet: a public prod cluster needs no way in", func(t *testing.T) string {
			return edit(t, "phonebill", "    profile: prod\n", "    profile: prod\n    aks: {privateCluster: false}\n")
		}, false, "", ""},

		{"OP011", "trigger: Bastion Basic in prod", func(t *testing.T) string { return prodAccess(t, "{bastion: Basic}") }, true,
			"environments[1].operatorAccess.bastion", "is Basic"},
		{"OP011", "quiet: the example (Standard)", example, false, "", ""},
		{"OP011", "quiet: Standard stated", func(t *testing.T) string { return prodAccess(t, "{bastion: Standard}") }, false, "", ""},
	}
	for _, c := range cases {
		t.Run(c.id+" "+c.name, func(t *testing.T) {
			fs := testplan.Findings(t, "physarch.yaml", []byte(c.spec(t)), c.id)
			if !c.fires {
				if len(fs) > 0 {
					t.Fatalf("quiet spec triggers %s: %v", c.id, fs[0].Message)
				}
				return
			}
			if len(fs) == 0 {
				t.Fatalf("trigger spec does not trigger %s", c.id)
			}
			if !strings.Contains(fs[0].Message, c.says) {
				t.Errorf("finding %q does not say %q", fs[0].Message, c.says)
			}
			if fs[0].Path != c.path {
				t.Errorf("finding at %s, want %s", fs[0].Path, c.path)
			}
		})
	}
}
