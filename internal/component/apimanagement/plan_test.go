package apimanagement_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/component/apimanagement"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/testplan"
)

// TestPremiumZones: Premium spreads its units over the region's three
// zones only where they divide evenly; otherwise it is in no zone and the
// SLA falls back to 99.95%, saying which condition it missed (AV012 stays
// quiet: a figure remains).
func TestPremiumZones(t *testing.T) {
	cases := []struct {
		units int
		zones []int
		sla   float64
	}{
		{1, nil, 99.95},
		{2, nil, 99.95},
		{3, []int{1, 2, 3}, 99.99},
		{4, nil, 99.95},
		{6, []int{1, 2, 3}, 99.99},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%d units", c.units), func(t *testing.T) {
			src := apply(t, sample(t), edit{"units: 3,", fmt.Sprintf("units: %d,", c.units)})
			doc, err := components.Load("sample.yaml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			pl, err := components.Plan(doc)
			if err != nil {
				t.Fatal(err)
			}
			prod := pl.Envs[1]
			x, ok := plan.Find[*apimanagement.Component](prod)
			if !ok {
				t.Fatal("no API Management in prod")
			}
			if !reflect.DeepEqual(x.Zones, c.zones) {
				t.Errorf("zones %v, want %v", x.Zones, c.zones)
			}
			if got := x.Subnet.Required; got != 2*c.units+1 {
				t.Errorf("subnet needs %d addresses, want %d (2 a unit + 1)", got, 2*c.units+1)
			}
			var sla float64
			var unmet string
			for _, comp := range availability.Estimate(pl)[1].Components {
				if comp.Name == "API Management" {
					sla, unmet = comp.Percent, comp.Unmet
				}
			}
			if sla != c.sla {
				t.Errorf("SLA %g%%, want %g%%", sla, c.sla)
			}
			if (unmet != "") != (c.zones == nil) {
				t.Errorf("unmet condition %q with zones %v", unmet, c.zones)
			}
			if fs := testplan.Findings(t, "sample.yaml", []byte(src), "AV012"); len(fs) != 0 {
				t.Errorf("AV012 fired though a figure remains: %+v", fs)
			}
		})
	}
}
