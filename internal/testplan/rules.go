package testplan

import (
	"testing"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/components"
)

// Findings loads, plans and analyses a spec and runs one rule on it: a
// block's rules_test.go gives each of its rules a spec that triggers it
// and one that leaves it quiet with this.
func Findings(t testing.TB, file string, data []byte, ruleID string) []check.Finding {
	t.Helper()
	doc, err := components.Load(file, data)
	if err != nil {
		t.Fatalf("%s does not load: %v", file, err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatalf("%s does not plan: %v", file, err)
	}
	prices, err := azure.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	c, err := check.NewContext(doc, pl, prices)
	if err != nil {
		t.Fatal(err)
	}
	rule, ok := components.Checks().Rule(ruleID)
	if !ok {
		t.Fatalf("no rule %s", ruleID)
	}
	return rule.Check(c)
}
