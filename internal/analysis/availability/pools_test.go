package availability_test

import (
	"testing"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/testplan"
)

// TestServiceOnZonalPool: a service's replicas are as redundant as the
// pool they run on: the sample's inference service runs on a GPU pool in
// two of prod's three zones, so its SLA is that of VMs across its pool's
// two zones; the api on the apps pool spreads over all three.
func TestServiceOnZonalPool(t *testing.T) {
	pl := testplan.Workloads(t)
	var prod *availability.Report
	for _, r := range availability.Estimate(pl) {
		if r.Env == "prod" {
			prod = r
		}
	}
	want := map[string]string{"Service inference": "3+ replicas across 2 zones", "Service api": "3+ replicas across 3 zones"}
	for _, c := range prod.Components {
		if w, ok := want[c.Name]; ok {
			if c.Config != w {
				t.Errorf("%s: %q, want %q", c.Name, c.Config, w)
			}
			delete(want, c.Name)
		}
	}
	for n := range want {
		t.Errorf("%s is not on the request path", n)
	}
}
