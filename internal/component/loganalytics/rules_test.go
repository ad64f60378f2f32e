package loganalytics_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/testplan"
)

// prodMonitoring is the phonebill example with monitoring settings in prod.
func prodMonitoring(t *testing.T, settings string) string {
	t.Helper()
	_, base, err := examples.Spec("phonebill")
	if err != nil {
		t.Fatal(err)
	}
	src := string(base)
	if !strings.Contains(src, "    profile: prod\n") {
		t.Fatal("phonebill has no prod profile line")
	}
	return strings.Replace(src, "    profile: prod\n", "    profile: prod\n    monitoring: "+settings+"\n", 1)
}

// TestRules: "OP008" has a trigger and a quiet case.
func TestRules(t *testing.T) {
	cases := []struct {
		rule, name, spec string
		fire             bool
		want             string
	}{
		{"OP008", "trigger: alerts off in production", prodMonitoring(t, "{alerts: false}"), true, "nothing notifies anyone when the 99.5% target is at risk"},
		{"OP008", "quiet: the prod profile's alerts", prodMonitoring(t, "{alerts: true}"), false, ""},
	}
	for _, c := range cases {
		t.Run(c.rule+"/"+c.name, func(t *testing.T) {
			got := testplan.Findings(t, "physarch.yaml", []byte(c.spec), c.rule)
			if !c.fire {
				if len(got) != 0 {
					t.Fatalf("%s fired: %s", c.rule, got[0].Message)
				}
				return
			}
			if len(got) == 0 || !strings.Contains(got[0].Message, c.want) {
				t.Fatalf("%s: %+v, want %q", c.rule, got, c.want)
			}
		})
	}
}
