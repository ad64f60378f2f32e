package diff_test

import (
	"github.com/physarch/physarch/internal/diff"
	"testing"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/testplan"
)

func sides(t *testing.T) map[string]*diff.Env {
	t.Helper()
	pl := testplan.Example(t, "phonebill")
	out := map[string]*diff.Env{}
	for _, e := range pl.Envs {
		out[e.Name] = &diff.Env{Plan: e}
	}
	for _, r := range availability.Estimate(pl) {
		out[r.Env].Avail = r
	}
	return out
}

func TestSameDesignIsUnchanged(t *testing.T) {
	a, b := sides(t), sides(t)
	r := diff.Compare("a", "b", []diff.Pair{{Name: "prod", Old: a["prod"], New: b["prod"]}})
	if r.Envs[0].Status != "unchanged" {
		t.Errorf("status %s: %+v", r.Envs[0].Status, r.Envs[0])
	}
}

func TestChangesAreFound(t *testing.T) {
	a, b := sides(t), sides(t)
	w := &b["prod"].Plan.Workloads[0]
	w.Max += 3
	b["prod"].Cost = &cost.Report{TotalMin: 10, TotalMax: 20, Components: []cost.Component{{Name: "Node pool apps", MonthlyMin: 10, MonthlyMax: 20}}}
	a["prod"].Cost = &cost.Report{TotalMin: 10, TotalMax: 15, Components: []cost.Component{{Name: "Node pool apps", MonthlyMin: 10, MonthlyMax: 15}}}
	a["prod"].Findings = []check.Finding{{Rule: "AV005", Path: "environments[1].targets.zones", Message: "x"}}
	b["prod"].Findings = []check.Finding{{Rule: "SC001", Path: "environments[1].ingress.waf", Message: "y"}}
	d := diff.Compare("a", "b", []diff.Pair{{Name: "prod", Old: a["prod"], New: b["prod"]}}).Envs[0]
	if d.Status != "changed" || len(d.Workloads) != 1 || d.Workloads[0].NewMax != d.Workloads[0].OldMax+3 {
		t.Errorf("replicas change not found: %+v", d.Workloads)
	}
	if d.Cost.Max.Delta != 5 || len(d.Components) != 1 || d.Components[0].Max.Delta != 5 || d.Cost.Min.Delta != 0 {
		t.Errorf("cost change: %+v %+v", d.Cost, d.Components)
	}
	if len(d.Appeared) != 1 || d.Appeared[0].Rule != "SC001" || len(d.Disappeared) != 1 || d.Disappeared[0].Rule != "AV005" {
		t.Errorf("findings: +%v -%v", d.Appeared, d.Disappeared)
	}
}

// TestFindingsMatchAcrossEnvironmentIndexes: side by side, the same rule on
// the same key of two environments is one finding, not two.
func TestFindingsMatchAcrossEnvironmentIndexes(t *testing.T) {
	o := []check.Finding{{Rule: "CO005", Path: "environments[0]", Message: "8 of 9"}}
	n := []check.Finding{{Rule: "CO005", Path: "environments[1]", Message: "16 of 18"}}
	if a, d := diff.Findings(o, n); len(a)+len(d) != 0 {
		t.Errorf("appeared %v disappeared %v", a, d)
	}
}
