package check

import (
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

func costRules(r *Registry) {
	r.Add(
		Rule{ID: "CO001", Family: "cost", Severity: Error,
			Title:     "Monthly cost over budget at minimum scale",
			Rationale: "The environment costs more than its budget before any autoscaling.",
			Fix:       "Use smaller SKUs, fewer zones or Spot where the profile allows, or raise targets.budgetUSD.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range c.Plan.Envs {
					if r := c.Cost[e.Name]; r != nil && r.BudgetUSD > 0 && r.TotalMin > r.BudgetUSD {
						out = append(out, at(e, c, "targets.budgetUSD", "$%.2f per month at minimum scale, budget $%.2f", r.TotalMin, r.BudgetUSD))
					}
				}
				return out
			}},
		Rule{ID: "CO002", Family: "cost", Severity: Warning,
			Title:     "Monthly cost over budget at maximum scale",
			Rationale: "At the autoscalers' maximum the bill exceeds the budget; a traffic peak becomes a budget overrun.",
			Fix:       "Lower replicas.max or nodePools max, or raise targets.budgetUSD.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range c.Plan.Envs {
					if r := c.Cost[e.Name]; r != nil && r.BudgetUSD > 0 && r.TotalMin <= r.BudgetUSD && r.TotalMax > r.BudgetUSD {
						out = append(out, at(e, c, "targets.budgetUSD", "up to $%.2f per month at maximum scale, budget $%.2f (over by $%.2f)", r.TotalMax, r.BudgetUSD, r.OverByUSD))
					}
				}
				return out
			}},
		Rule{ID: "CO003", Family: "cost", Severity: Warning,
			Title:     "Development uses managed services where the format runs pods",
			Rationale: "The physical architecture format runs dev's databases and caches as pods on managed disks: managed servers cost more than the dev nodes they replace.",
			Fix:       "Run the block as a pod in the dev environment: set the mode the finding names to pod.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range c.Plan.Envs {
					if e.IsProdLike() {
						continue
					}
					for _, m := range plan.Facets[ManagedInDev](e) {
						if sub, msg := m.ManagedInDev(); msg != "" {
							out = append(out, at(e, c, sub, "%s", msg))
						}
					}
				}
				return out
			}},
		Rule{ID: "CO004", Family: "cost", Severity: Info,
			Title:     "Development on paid tiers or regular VMs",
			Rationale: "Dev needs no control-plane SLA or eviction-proof nodes: the Free tier and Spot apps nodes cut its largest costs.",
			Fix:       "Set aks.tier: Free and nodePools.apps.spot: true in dev.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range c.Plan.Envs {
					if e.IsProdLike() {
						continue
					}
					if e.Settings.AKS.Tier != "Free" {
						out = append(out, at(e, c, "aks.tier", "dev pays for the %s tier", e.Settings.AKS.Tier))
					}
					// A B-series pool cannot run on Spot (azure.SpotOffered):
					// pay-as-you-go is its only price, not a saving missed.
					if p := e.Pool("apps"); p != nil && !p.Spot && azure.SpotOffered(p.VMSize) {
						out = append(out, at(e, c, "nodePools.apps.spot", "dev's apps pool runs on regular VMs"))
					}
				}
				return out
			}},
		Rule{ID: "CO005", Family: "cost", Severity: Info,
			Title:     "Cost priced from another region or estimated",
			Rationale: "Rows priced outside the requested region or derived by a rule are estimates; the real bill can differ.",
			Fix:       "Run `physarch prices refresh` on a machine with network access to price the spec's region.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range c.Plan.Envs {
					if r := c.Cost[e.Name]; r != nil && (r.Fallbacks > 0) {
						out = append(out, at(e, c, "", "%d of %d cost rows are priced outside %s", r.Fallbacks, len(r.Components), r.Region))
					}
				}
				return out
			}},
	)
}
