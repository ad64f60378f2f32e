package redis

import (
	"fmt"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Retirement of Azure Cache for Redis, as rule OP006 states it. The
// reference data's catalog audit (2026-12-01): "Azure Cache for Redis
// (Basic/Standard/Premium) is being retired in favour of Azure Managed
// Redis (announced 2025; Premium ends 2028-09-30, new caches are blocked
// for new tenants): a new design should plan Azure Managed Redis, and
// say so." The dates are Microsoft's retirement FAQ
// (learn.microsoft.com/azure/azure-cache-for-redis/retirement-faq, as
// AzureManagedRedis/amr-migration-skill references/retirement-faq.md
// quotes it, February 2026): Basic, Standard and Premium retire on
// 2028-09-30 and are disabled from 2028-10-01; Enterprise and Enterprise
// Flash retire on 2027-03-31.
const (
	retirementDate = "2028-09-30"
	disabledFrom   = "2028-10-01"
)

// Rules implements check.Ruled: the block's own rules.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "AV002", Family: "availability", Severity: check.Error,
			Title: "Redis without replication on the production request path",
			Rationale: "Azure Cache for Redis Basic and Azure Managed Redis without high availability are a single node with no SLA and no replication: " +
				"a patch or a host failure empties the cache and stops every service that needs it.",
			Fix: "Use redis.tier Standard or Premium (Azure Cache for Redis), or redis.highAvailability: true (Azure Managed Redis), in production.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					r, ok := plan.Find[*Component](e)
					switch {
					case !ok:
					case r.CacheForRedis() && r.Tier == "Basic":
						out = append(out, check.At(e, c, "redis.tier", "Redis %s %s is a single node without an SLA", r.Tier, r.SKU))
					case r.AMR() && !r.HA:
						out = append(out, check.At(e, c, "redis.highAvailability", "Azure Managed Redis %s without high availability is a single node without an SLA", r.skuTitle()))
					}
				}
				return out
			}},
		{ID: "CP004", Family: "capacity", Severity: check.Warning,
			Title:     "Cache smaller than the working set the spec states",
			Rationale: "When the working set does not fit, Redis evicts keys the services still need and the database takes the misses.",
			Fix:       "Use a larger redis.sku (managed; without one, Azure Managed Redis is sized from the working set) or raise redis.maxMemory and memory (pod).",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range c.Plan.Envs {
					r, ok := plan.Find[*Component](e)
					if !ok || !e.IsProdLike() || r.WorkingSetMiB <= 0 || r.UsableMiB <= 0 || r.UsableMiB >= r.WorkingSetMiB {
						continue
					}
					if r.AMR() {
						out = append(out, check.At(e, c, "redis.sku", "Azure Managed Redis %s leaves about %d MiB for data (%d%% of %d MiB), the working set is %d MiB",
							r.skuTitle(), r.UsableMiB, azure.AMRUsablePercent, r.MemoryMiB, r.WorkingSetMiB))
						continue
					}
					out = append(out, check.At(e, c, "redis", "Redis holds %d MiB, the working set is %d MiB", r.MemoryMiB, r.WorkingSetMiB))
				}
				return out
			}},
		{ID: "OP006", Family: "operations", Severity: check.Warning,
			Title: "Azure Cache for Redis chosen: it is being retired",
			Rationale: "Microsoft is retiring Azure Cache for Redis in favour of Azure Managed Redis: Basic, Standard and Premium retire on " + retirementDate +
				" and are disabled from " + disabledFrom + " (Enterprise and Enterprise Flash on 2027-03-31), and new tenants can no longer create caches. " +
				"A design planned now outlives the service. Sources: Microsoft's retirement FAQ (learn.microsoft.com/azure/azure-cache-for-redis/retirement-faq, " +
				"February 2026, as AzureManagedRedis/amr-migration-skill references/retirement-faq.md quotes it); physarch's reference data, catalog audit of 2026-12-01.",
			Fix: "Use Azure Managed Redis: redis.service: managedRedis (or leave tier and sku out to take the default); " +
				"see learn.microsoft.com/azure/redis/migrate/migrate-overview for moving an existing cache.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for i, e := range c.Plan.Envs {
					r, ok := plan.Find[*Component](e)
					if !ok || !r.CacheForRedis() {
						continue
					}
					out = append(out, check.At(e, c, statedKey(c, i), "Azure Cache for Redis %s %s retires on %s; Azure Managed Redis is its successor", r.Tier, r.SKU, retirementDate))
				}
				return out
			}},
	}
}

// statedKey is the key of the environment's redis settings that chose
// Azure Cache for Redis: the service, else the tier, else the size.
func statedKey(c *check.Context, env int) string {
	for _, key := range []string{"service", "tier", "sku"} {
		if c.Doc.Stated(fmt.Sprintf("environments[%d].redis.%s", env, key)) {
			return "redis." + key
		}
	}
	return "redis"
}

// ManagedInDev implements check.ManagedInDev (rule CO003).
func (c *Component) ManagedInDev() (string, string) {
	if !c.Managed() {
		return "", ""
	}
	return "redis.mode", "dev runs " + c.serviceTitle() + " " + c.sku()
}

// PublicEndpoint implements check.Public (rule NW003).
func (c *Component) PublicEndpoint(*plan.Env) (string, string) {
	if !c.Managed() || c.endpoint {
		return "", ""
	}
	return "network.privateEndpoints", c.serviceTitle() + " " + c.SKU + " keeps its public endpoint"
}
