package maintenance_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/testplan"
)

// TestRules: "OP009" has a trigger and a quiet case.
func TestRules(t *testing.T) {
	cases := []struct {
		name, spec string
		fire       bool
		want       string
	}{
		{"OP009 trigger: no automatic upgrades", prodMaintenance(t, "{upgradeChannel: none}"), true, "never upgrades by itself"},
		{"OP009 trigger: upgrades outside a window", prodMaintenance(t, "{window: false}"), true, "not in a planned window"},
		{"OP009 quiet: the profile's Sunday window", prodMaintenance(t, "{day: Sunday}"), false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := testplan.Findings(t, "physarch.yaml", []byte(c.spec), "OP009")
			if !c.fire {
				if len(got) != 0 {
					t.Fatalf("OP009 fired: %s", got[0].Message)
				}
				return
			}
			if len(got) == 0 || !strings.Contains(got[0].Message, c.want) {
				t.Fatalf("OP009: %+v, want %q", got, c.want)
			}
		})
	}
}
