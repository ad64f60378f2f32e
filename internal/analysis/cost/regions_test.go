package cost_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/testplan"
)

func embedded(string) (*azure.Prices, error) { return azure.Embedded() }

// TestCompareRegions: each column is the plan priced in that region, the
// same report EstimateIn gives, and a region without zones holds no
// three-zone environment.
func TestCompareRegions(t *testing.T) {
	pl := testplan.Example(t, "kt-event-marketing")
	regions := []string{"koreacentral", "eastus", "japaneast", "westus"}
	cmp, err := cost.CompareRegions(pl, regions, embedded)
	if err != nil {
		t.Fatal(err)
	}
	prices, _ := azure.Embedded()
	for i, region := range regions {
		alone, err := cost.EstimateIn(pl, prices, region)
		if err != nil {
			t.Fatal(err)
		}
		for j, c := range cmp {
			col := c.Columns[i]
			if col.Region != region {
				t.Fatalf("column %d is %s, want %s", i, col.Region, region)
			}
			if region == "westus" && c.Zones == 3 {
				if col.Holds || col.Report != nil || !strings.Contains(col.Why, "westus has no availability zones") {
					t.Errorf("%s in westus: holds %v, why %q", c.Env, col.Holds, col.Why)
				}
				continue
			}
			if !col.Holds || !reflect.DeepEqual(col.Report, alone[j]) {
				t.Errorf("%s in %s differs from pricing it there alone", c.Env, region)
			}
		}
	}
	base, _ := cost.Estimate(pl, prices)
	for j := range cmp {
		if !reflect.DeepEqual(cmp[j].Columns[0].Report, base[j]) {
			t.Errorf("%s: the spec's region column differs from cost.Estimate", cmp[j].Env)
		}
	}
	// eastus has sourced rows for what koreacentral estimates; japaneast
	// has none of its own, so every row there is a fallback but the Global
	// meter.
	for _, c := range cmp {
		jp := c.Columns[2].Report
		if jp.InRegion != 1 || jp.RegionRatios != 0 {
			t.Errorf("%s japaneast: %d in region, %d ratio", c.Env, jp.InRegion, jp.RegionRatios)
		}
		if us := c.Columns[1].Report; us.InRegion <= c.Columns[0].Report.InRegion {
			t.Errorf("%s: eastus has %d in-region rows, koreacentral %d", c.Env, us.InRegion, c.Columns[0].Report.InRegion)
		}
	}
	rows := cmp[1].Rows()
	if len(rows) != len(base[1].Components) || rows[0].Cells[3] != nil {
		t.Errorf("rows %d, want %d; the westus cell of a plan it cannot hold is empty", len(rows), len(base[1].Components))
	}
	if _, err := cost.CompareRegions(pl, []string{"mars"}, embedded); err == nil {
		t.Error("an unknown region is an error")
	}
}
