package cosmosdb

import (
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// headroomShare is how much of a container's RU/s the peak may need
// before the rule says there is no headroom left.
const headroomShare = 0.9

// Rules implements check.Ruled: the block's own rules.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "AV013", Family: "availability", Severity: check.Warning,
			Title:     "Cosmos DB in production in one region without zone redundancy",
			Rationale: "A single-region account without availability zones loses data and availability in a zone failure (write SLA 99.99%); zone redundancy keeps both (99.995%), a second region survives a regional outage.",
			Fix:       "Set cosmosDB.zoneRedundant: true, or add cosmosDB.readRegions.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					x, ok := plan.Find[*Component](e)
					switch {
					case !ok:
					case !x.Managed():
						out = append(out, check.At(e, c, Key+".mode", "Cosmos DB runs as a single mongo pod in a production environment"))
					case len(x.Regions) == 1 && !x.ZoneRedundant():
						out = append(out, check.At(e, c, Key+".zoneRedundant", "Cosmos DB account %s runs in %s only, without zone redundancy", x.Account, x.Regions[0].Name))
					}
				}
				return out
			}},
		{ID: "AV014", Family: "availability", Severity: check.Warning,
			Title:     "Strong consistency across regions",
			Rationale: "With Strong consistency every write waits for every region to commit: write latency is twice the round trip to the farthest region, Cosmos DB refuses Strong for regions more than 8,000 km apart unless support enables it, and with one read region that region's outage stops writes.",
			Fix:       "Use consistency BoundedStaleness or Session, or keep the account in one region.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range c.Plan.Envs {
					if x, ok := plan.Find[*Component](e); ok && x.Managed() && x.Consistency == "Strong" && len(x.Regions) > 1 {
						out = append(out, check.At(e, c, Key+".readRegions", "Strong consistency across %s: every write waits for all of them", x.regionList()))
					}
				}
				return out
			}},
		{ID: "CP011", Family: "capacity", Severity: check.Warning,
			Title:     "Serverless Cosmos DB in production",
			Rationale: "Serverless guarantees no throughput or latency, bursts only to 5,000 RU/s per container up to 250 GB, runs in one region only, and cannot be converted to provisioned throughput later: production load is what it is not for.",
			Fix:       "Set cosmosDB.capacity: autoscale (or provisioned) in production.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if x, ok := plan.Find[*Component](e); ok && x.Managed() && x.Capacity == "serverless" {
						out = append(out, check.At(e, c, Key+".capacity", "Cosmos DB account %s is serverless in a production environment", x.Account))
					}
				}
				return out
			}},
		{ID: "CP012", Family: "capacity", Severity: check.Warning,
			Title:     "Cosmos DB throughput leaves no headroom at peak",
			Rationale: "A container whose peak need reaches its RU/s (or its autoscale maximum, or a serverless container's burst limit) is throttled with 429 errors exactly when load peaks.",
			Fix:       "Raise cosmosDB.throughput or maxThroughput (or remove the pin and let physarch size it), or lower the RU per request.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range c.Plan.Envs {
					x, ok := plan.Find[*Component](e)
					if !ok || !x.Managed() {
						continue
					}
					for _, ct := range x.Containers {
						limit, what := ct.RUs, "RU/s"
						switch x.Capacity {
						case "serverless":
							limit, what = ct.Burst, "RU/s serverless burst limit"
						case "autoscale":
							what = "RU/s autoscale maximum"
						}
						if limit > 0 && ct.NeedRUs > headroomShare*float64(limit) {
							out = append(out, check.At(e, c, Key, "container %s needs %.0f RU/s at peak, %.0f%% of its %d %s", ct.Name, ct.NeedRUs, 100*ct.NeedRUs/float64(limit), limit, what))
						}
					}
				}
				return out
			}},
	}
}

// ManagedInDev implements check.ManagedInDev (rule CO003): dev pays for a
// managed account. The API for MongoDB can run as a pod instead; the API
// for NoSQL cannot (its emulator needs root), so there the finding says
// the serverless account is the cheapest realisation.
func (c *Component) ManagedInDev() (string, string) {
	if !c.Managed() {
		return "", ""
	}
	if c.API == "MongoDB" {
		return Key + ".mode", "dev runs an Azure Cosmos DB for MongoDB account (" + c.Capacity + "); cosmosDB.mode: pod runs a mongo pod instead"
	}
	return Key + ".capacity", "dev runs an Azure Cosmos DB for NoSQL account (" + c.Capacity + "); no emulator runs under physarch's pod security, so serverless (billed per request) is the cheapest choice"
}

// PublicEndpoint implements check.Public (rule NW003).
func (c *Component) PublicEndpoint(*plan.Env) (string, string) {
	if !c.Managed() || c.endpoint {
		return "", ""
	}
	return "network.privateEndpoints", "Azure Cosmos DB account " + c.Account + " keeps its public endpoint"
}
