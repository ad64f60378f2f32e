package eventhubs

import (
	"fmt"
	"strings"

	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Rule IDs. They keep their families' prefixes; the numbers start at 31
// so that blocks written at the same time do not take the same ones.
const (
	ruleZones      = "AV015"
	ruleCapacity   = "CP013"
	rulePartitions = "CP014"
	ruleKafka      = "NW006"
)

// Rules implements check.Ruled: the block's own rules.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: ruleZones, Family: "availability", Severity: check.Warning,
			Title:     "Event Hubs in production without zone redundancy",
			Rationale: "Azure makes a namespace zone-redundant only in a region with availability zones; elsewhere a datacenter's loss stops every producer and consumer until it recovers.",
			Fix:       "Deploy to a region with availability zones, or plan Premium geo-replication to a second region.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if eh, ok := plan.Find[*Component](e); ok && !eh.ZoneRedundant {
						f := check.At(e, c, "", "Event Hubs %s namespace %s is not zone-redundant: region %s has no availability zones", eh.Tier, eh.Namespace, eh.Region)
						f.Path = "region"
						out = append(out, f)
					}
				}
				return out
			}},
		{ID: ruleCapacity, Family: "capacity", Severity: check.Error,
			Title:     "Events per second above the Event Hubs namespace's capacity",
			Rationale: "Beyond its throughput units (1 MB/s or 1,000 events/s in, 2 MB/s or 4,096 events/s out each) or processing units a namespace throttles producers with ServerBusy and consumers fall behind.",
			Fix:       "Raise eventHubs.throughputUnits (or set 0 to size them), turn on autoInflate with a higher maxThroughputUnits, or use Premium processing units.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					eh, ok := plan.Find[*Component](e)
					if !ok || eh.Load.Needed <= eh.CapacityUnits() {
						continue
					}
					key := "throughputUnits"
					switch {
					case eh.Premium():
						key = "processingUnits"
					case eh.AutoInflate:
						key = "maxThroughputUnits"
					}
					out = append(out, check.At(e, c, Key+"."+key, "%s events/s of %s KB need %d %s (%s); the namespace has at most %d",
						num(eh.Load.EventsPerSecond), num(eh.Load.EventSizeKB), eh.Load.Needed, eh.UnitName(), eh.Load.By, eh.CapacityUnits()))
				}
				return out
			}},
		{ID: rulePartitions, Family: "capacity", Severity: check.Warning,
			Title:     "More consumer replicas than the event hub has partitions",
			Rationale: "Within a consumer group each partition is read by one consumer at a time: replicas beyond the partition count sit idle, so the HPA adds pods that cannot share the load.",
			Fix:       "Give the hub at least as many partitions as the consuming service's maximum replicas (partitions are fixed once a Standard hub exists), or cap the service's replicas.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range c.Plan.Envs {
					eh, ok := plan.Find[*Component](e)
					if !ok {
						continue
					}
					for _, h := range eh.Hubs {
						for _, sv := range h.Consumers {
							if w := e.Workload(sv); w != nil && w.Max > h.Partitions {
								f := check.At(e, c, "", "service %s scales to %d replicas but event hub %s has %d partitions: %d replicas would sit idle", sv, w.Max, h.Name, h.Partitions, w.Max-h.Partitions)
								f.Path = h.Path + ".partitions"
								out = append(out, f)
							}
						}
					}
				}
				return out
			}},
		{ID: ruleKafka, Family: "network", Severity: check.Error,
			Title:     "Kafka clients on Event Hubs Basic",
			Rationale: "Basic has no Kafka endpoint: a Kafka client cannot connect at all (port 9093 does not answer).",
			Fix:       "Use eventHubs.tier Standard or Premium, or client: amqp for these services.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range c.Plan.Envs {
					if eh, ok := plan.Find[*Component](e); ok && !eh.Kafka {
						if k := eh.kafkaClients(c.Plan); len(k) > 0 {
							out = append(out, check.At(e, c, Key+".tier", "Event Hubs Basic has no Kafka endpoint, but %s connect with Kafka", strings.Join(k, ", ")))
						}
					}
				}
				return out
			}},
	}
}

// ManagedInDev implements check.ManagedInDev (rule CO003): dev runs a
// managed namespace, as this block chooses (see NOTES.md), and says what
// it costs.
func (c *Component) ManagedInDev() (string, string) {
	return Key + ".tier", fmt.Sprintf("dev runs Event Hubs %s with %s (the cluster runs no Event Hubs emulator; compose does)", c.Tier, c.capacityLabel())
}

// PublicEndpoint implements check.Public (rule NW003).
func (c *Component) PublicEndpoint(*plan.Env) (string, string) {
	if c.endpoint {
		return "", ""
	}
	if c.Tier == "Basic" {
		return Key + ".tier", "Event Hubs Basic namespace " + c.Namespace + " keeps its public endpoint (Basic has no private link)"
	}
	return "network.privateEndpoints", "Event Hubs namespace " + c.Namespace + " keeps its public endpoint"
}
