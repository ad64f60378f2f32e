package cost_test

import (
	"github.com/physarch/physarch/internal/analysis/cost"
	"math"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/testplan"
)

func reports(t *testing.T, name string) []*cost.Report {
	t.Helper()
	pl := testplan.Example(t, name)
	prices, err := azure.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r, err := cost.Estimate(pl, prices)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestTotalsAreTheSumOfRows(t *testing.T) {
	for _, name := range examples.Names() {
		for _, r := range reports(t, name) {
			var lo, hi float64
			for _, c := range r.Components {
				lo += c.MonthlyMin
				hi += c.MonthlyMax
				if c.MonthlyMax < c.MonthlyMin {
					t.Errorf("%s/%s %s: max below min", name, r.Env, c.Name)
				}
				if c.Region == "" || c.Source == "" {
					t.Errorf("%s/%s %s: no region or source", name, r.Env, c.Name)
				}
			}
			if math.Abs(lo-r.TotalMin) > 0.001 || math.Abs(hi-r.TotalMax) > 0.001 {
				t.Errorf("%s/%s: totals %v/%v, rows sum to %v/%v", name, r.Env, r.TotalMin, r.TotalMax, lo, hi)
			}
		}
	}
}

func TestKoreaCentralIsNeverClaimed(t *testing.T) {
	for _, r := range reports(t, "kt-event-marketing") {
		for _, c := range r.Components {
			if c.Region == "koreacentral" {
				t.Errorf("%s: priced as koreacentral, but the catalog has no koreacentral price", c.Name)
			}
			if c.Region != "Global" && !c.Fallback {
				t.Errorf("%s: %s price not marked as a fallback", c.Name, c.Region)
			}
		}
		if r.Fallbacks == 0 {
			t.Error("no fallback rows counted")
		}
	}
}

func TestProdComponentsAndFormula(t *testing.T) {
	var prod *cost.Report
	for _, r := range reports(t, "phonebill") {
		if r.Env == "prod" {
			prod = r
		}
	}
	want := []string{"AKS Standard tier", "Node pool system", "Node pool apps", "PostgreSQL Flexible compute", "Azure Managed Redis", "Application Gateway WAF_v2 fixed", "Front Door Standard base", "Key Vault operations", "Log Analytics ingestion", "Private endpoints", "Container Registry"}
	names := map[string]cost.Component{}
	for _, c := range prod.Components {
		names[c.Name] = c
	}
	for _, w := range want {
		if _, ok := names[w]; !ok {
			t.Errorf("prod lacks %q", w)
		}
	}
	// AKS Standard: 0.10/h × 730 = 73.
	if c := names["AKS Standard tier"]; c.MonthlyMin != 73 {
		t.Errorf("AKS tier %v, want 73", c.MonthlyMin)
	}
	// Zone-redundant HA bills the standby: GP_Standard_D2ds_v5 0.203 × 730 × 2.
	if c := names["PostgreSQL Flexible compute"]; c.MonthlyMin != 296.38 {
		t.Errorf("PostgreSQL compute %v, want 296.38", c.MonthlyMin)
	}
	// Azure Managed Redis Balanced B3 with high availability: two nodes ×
	// 0.065 × 730 (Azure Cache for Redis is priced in internal/component/redis).
	if c := names["Azure Managed Redis"]; c.MonthlyMin != 94.9 {
		t.Errorf("Redis %v, want 94.9", c.MonthlyMin)
	}
	if c := names["Front Door Standard base"]; !strings.Contains(c.Estimate, "unverified") {
		t.Errorf("Front Door must carry its estimate mark, got %q", c.Estimate)
	}
	if c := names["Node pool system"]; c.SavingsPlan1Y == nil {
		t.Error("D2s_v3 has savings-plan prices in the catalog")
	}
}
