package terraform_test

import (
	"strconv"
	"testing"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/terraform"
	"github.com/physarch/physarch/internal/testplan"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// TestPoolsUpgradeAndSpotAsPlanned: every pool that may set a surge sets
// the one the AKS subnet is sized for (max_surge = "10%"); a Spot pool
// sets none (AKS refuses it), is autoscaled between the plan's bounds so
// that the cluster autoscaler replaces what Azure evicts, deletes evicted
// nodes and pays at most the on-demand price.
func TestPoolsUpgradeAndSpotAsPlanned(t *testing.T) {
	spot := 0
	for _, name := range []string{"kt-event-marketing", "phonebill", "tripgen", "drone-delivery"} {
		pl := testplan.Example(t, name)
		files, err := terraform.Render(pl)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range pl.Envs {
			rs := readback.TerraformOf(t, files, e.Name)
			pools := map[string]readback.Resource{}
			for _, c := range readback.Find(rs, "azurerm_kubernetes_cluster") {
				for _, p := range c.Blocks["default_node_pool"] {
					pools[p.Attrs["name"]] = p
				}
			}
			for _, p := range readback.Find(rs, "azurerm_kubernetes_cluster_node_pool") {
				pools[p.Attrs["name"]] = p
			}
			for _, np := range e.Pools {
				r, ok := pools[np.Name]
				if !ok {
					t.Errorf("%s/%s: no pool %s in Terraform", name, e.Name, np.Name)
					continue
				}
				surge := ""
				if us := r.Blocks["upgrade_settings"]; len(us) == 1 {
					surge = us[0].Attrs["max_surge"]
				}
				if np.Spot {
					spot++
					if surge != "" || r.Attrs["priority"] != "Spot" || r.Attrs["eviction_policy"] != "Delete" || r.Attrs["spot_max_price"] != "-1" {
						t.Errorf("%s/%s/%s: Spot pool %v, surge %q", name, e.Name, np.Name, r.Attrs, surge)
					}
					if r.Attrs["auto_scaling_enabled"] != "true" || r.Attrs["min_count"] != strconv.Itoa(np.Min) || r.Attrs["max_count"] != strconv.Itoa(np.Max) {
						t.Errorf("%s/%s/%s: a Spot pool must autoscale between %d and %d: %v", name, e.Name, np.Name, np.Min, np.Max, r.Attrs)
					}
					continue
				}
				if want := strconv.Itoa(plan.MaxSurgePercent) + "%"; surge != want {
					t.Errorf("%s/%s/%s: max_surge %q, want %q", name, e.Name, np.Name, surge, want)
				}
			}
		}
	}
	if spot == 0 {
		t.Error("no example has a Spot pool: the Spot half of the test judges nothing")
	}
}
