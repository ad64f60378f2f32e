package maintenance

import (
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Rules implements check.Ruled: the block's own rules. A window shorter
// than Azure's 4 hours never reaches them: the loader refuses it.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "OP009", Family: "operations", Severity: check.Warning,
			Title:     "Production cluster without automatic upgrades in a maintenance window",
			Rationale: "AKS supports a Kubernetes minor version for about a year and ships security patches and node images weekly; a cluster nobody upgrades falls out of support, and one that upgrades outside a planned window may drain nodes at peak.",
			Fix:       "Set maintenance.upgradeChannel to patch (or stable) and maintenance.window: true with a day and start of low traffic.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					m, ok := plan.Find[*Component](e)
					switch {
					case !ok || m.UpgradeChannel == "none":
						out = append(out, check.At(e, c, "maintenance.upgradeChannel", "the cluster never upgrades by itself"))
					case !m.Window:
						out = append(out, check.At(e, c, "maintenance.window", "upgrades run at any time, not in a planned window"))
					}
				}
				return out
			}},
	}
}
