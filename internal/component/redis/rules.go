package redis

import (
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Rules implements check.Ruled: the block's own rules.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "AV002", Family: "availability", Severity: check.Error,
			Title:     "Redis Basic on the production request path",
			Rationale: "Basic is a single node with no SLA and no replication: a patch or a host failure empties the cache and stops every service that needs it.",
			Fix:       "Use redis.tier Standard or Premium in production.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if r, ok := plan.Find[*Component](e); ok && r.Managed() && r.Tier == "Basic" {
						out = append(out, check.At(e, c, "redis.tier", "Redis %s %s is a single node without an SLA", r.Tier, r.SKU))
					}
				}
				return out
			}},
		{ID: "CP004", Family: "capacity", Severity: check.Warning,
			Title:     "Cache smaller than the working set the spec states",
			Rationale: "When the working set does not fit, Redis evicts keys the services still need and the database takes the misses.",
			Fix:       "Use a larger redis.sku (managed) or raise redis.maxMemory and memory (pod).",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range c.Plan.Envs {
					r, ok := plan.Find[*Component](e)
					if ok && e.IsProdLike() && r.WorkingSetMiB > 0 && r.MemoryMiB > 0 && r.MemoryMiB < r.WorkingSetMiB {
						out = append(out, check.At(e, c, "redis", "Redis holds %d MiB, the working set is %d MiB", r.MemoryMiB, r.WorkingSetMiB))
					}
				}
				return out
			}},
	}
}

// ManagedInDev implements check.ManagedInDev (rule CO003).
func (c *Component) ManagedInDev() (string, string) {
	if !c.Managed() {
		return "", ""
	}
	return "redis.mode", "dev runs Azure Cache for Redis " + c.sku()
}

// PublicEndpoint implements check.Public (rule NW003).
func (c *Component) PublicEndpoint(*plan.Env) (string, string) {
	if !c.Managed() || c.endpoint {
		return "", ""
	}
	return "network.privateEndpoints", "Azure Cache for Redis " + c.SKU + " keeps its public endpoint"
}
