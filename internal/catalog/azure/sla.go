package azure

// SLA is a service level for a component in a configuration. Percent is 0
// when there is no SLA; SLO then holds a non-binding objective, if any.
type SLA struct {
	Key     string
	Percent float64
	SLO     float64
	Source  Source
	// Disagreement records the other figure where sources differ; the
	// catalog keeps the lower one.
	Disagreement string
}

var (
	srcAKSTiers = Source{Ref: "MicrosoftDocs/azure-aks-docs articles/aks/free-standard-pricing-tiers.md", Date: "2024-06-07"}
	srcAKSFree  = Source{Ref: "Azure REST spec enum text; Azure/azqr", Date: "2026-02-16"}
	srcVM       = Source{Ref: "Azure VM SLA v1.9", Date: "2024-01-01"}
	srcPGSLA    = Source{Ref: "Azure/azqr report template for flexibleServers, quoting SLA v1.4", Date: "2026-02-16"}
	srcAQ       = Source{Ref: "Azure/azqr internal/graph/azqr/azure-resources/{type}/kql/*-003.kql", Date: "2026-02-16"}
	srcRedisHA  = Source{Ref: "MicrosoftDocs/azure-docs articles/azure-cache-for-redis/cache-high-availability.md", Date: "2023-03-09"}
)

// slaTables are the core's SLAs and one table per building block that
// needs SLAs of its own (sla_<block>.go), so that adding a block adds a
// file and one entry here.
var slaTables = [][]SLA{coreSLAs, cosmosdbSLAs}

var coreSLAs = []SLA{
	{Key: "aks/Free", SLO: 99.5, Source: srcAKSFree},
	{Key: "aks/Standard/zones", Percent: 99.95, Source: srcAKSTiers},
	{Key: "aks/Standard/nozones", Percent: 99.9, Source: srcAKSTiers},
	{Key: "aks/Premium/zones", Percent: 99.95, Source: srcAKSTiers},
	{Key: "aks/Premium/nozones", Percent: 99.9, Source: srcAKSTiers},
	{Key: "vm/single/premium", Percent: 99.9, Source: srcVM},
	{Key: "vm/single/standardssd", Percent: 99.5, Source: srcVM},
	{Key: "vm/set", Percent: 99.95, Source: srcVM},
	{Key: "vm/zones", Percent: 99.99, Source: srcVM},
	{Key: "vm/spot", Source: srcVM}, // Spot VMs carry no SLA
	{Key: "postgresql/none", Percent: 99.9, Source: srcPGSLA},
	{Key: "postgresql/samezone", Percent: 99.95, Source: srcPGSLA},
	{Key: "postgresql/zoneredundant", Percent: 99.99, Source: srcPGSLA},
	{Key: "redis/Basic", Source: srcAQ},
	{Key: "redis/Standard", Percent: 99.9, Source: srcRedisHA},
	{Key: "redis/Premium", Percent: 99.9, Source: srcRedisHA},
	{Key: "servicebus/Basic", Percent: 99.9, Source: srcAQ},
	{Key: "servicebus/Standard", Percent: 99.9, Source: srcAQ},
	{Key: "servicebus/Premium", Percent: 99.95, Source: srcAQ, Disagreement: "99.99% zone-redundant (azqr 2026) vs 99.95% (azqr rules 2025)"},
	{Key: "appgw/v2", Percent: 99.95, Source: srcAQ},
	{Key: "frontdoor", Percent: 99.99, Source: srcAQ},
	{Key: "keyvault", Percent: 99.9, Source: srcAQ, Disagreement: "99.99% (azqr 2026) vs 99.9% (an older sample)"},
	{Key: "loadbalancer/Standard", Percent: 99.99, Source: srcAQ},
	{Key: "privateendpoint", Percent: 99.99, Source: srcAQ},
	{Key: "containerregistry", Percent: 99.9, Source: srcAQ, Disagreement: "99.9% (azqr 2026) vs 99.95% (azqr 2025)"},
	{Key: "loganalytics", Percent: 99.9, Source: srcAQ},
}

// LookupSLA returns the SLA entry for a key.
func LookupSLA(key string) (SLA, bool) {
	for _, t := range slaTables {
		for _, s := range t {
			if s.Key == key {
				return s, true
			}
		}
	}
	return SLA{}, false
}
