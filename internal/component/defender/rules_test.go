package defender_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/testplan"
)

func prodSecurity(t *testing.T, settings string) string {
	t.Helper()
	_, base, err := examples.Spec("phonebill")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Replace(string(base), "    profile: prod\n", "    profile: prod\n    security: "+settings+"\n", 1)
}

// TestRules: "OP010" has a trigger and a quiet case.
func TestRules(t *testing.T) {
	if got := testplan.Findings(t, "physarch.yaml", []byte(prodSecurity(t, "{defender: false}")), "OP010"); len(got) != 1 || !strings.Contains(got[0].Message, "no image scanning") {
		t.Fatalf("OP010 trigger: Defender off in production: %+v", got)
	}
	if got := testplan.Findings(t, "physarch.yaml", []byte(prodSecurity(t, "{defender: true}")), "OP010"); len(got) != 0 {
		t.Fatalf("OP010 quiet: the prod profile's Defender: %+v", got)
	}
}
