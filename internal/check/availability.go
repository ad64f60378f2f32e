package check

import (
	"fmt"

	"github.com/physarch/physarch/internal/plan"
)

// prodEnvs are the environments the availability and security rules
// hold to production standards.
func prodEnvs(c *Context) []*plan.Env {
	var out []*plan.Env
	for _, e := range c.Plan.Envs {
		if e.IsProdLike() {
			out = append(out, e)
		}
	}
	return out
}

func availabilityRules(r *Registry) {
	r.Add(
		Rule{ID: "AV001", Family: "availability", Severity: Error,
			Title:     "Composite availability does not reach the environment's target",
			Rationale: "The request path is only as available as the product of its serial components' SLAs. A target the design cannot reach is a promise nobody can keep.",
			Fix:       "Remove single points on the request path (see the weakest links in `physarch sla`), add zones, or lower the target to what the design reaches.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range c.Plan.Envs {
					a := c.Avail[e.Name]
					if a == nil || a.Target == 0 || a.Percent >= a.Target {
						continue
					}
					weak := ""
					if len(a.Weakest) > 0 {
						weak = "; weakest link: " + a.Weakest[0].Name
					}
					out = append(out, at(e, c, "targets.availability", "composite availability %.4f%% is below the target %.4g%% by %.4f points%s", a.Percent, a.Target, a.ShortBy, weak))
				}
				return out
			}},
		Rule{ID: "AV004", Family: "availability", Severity: Error,
			Title:     "AKS Free tier in production",
			Rationale: "The Free tier's control plane has no SLA; the Standard tier's is 99.95% with availability zones.",
			Fix:       "Set aks.tier to Standard (or Premium).",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range prodEnvs(c) {
					if e.Settings.AKS.Tier == "Free" {
						out = append(out, at(e, c, "aks.tier", "the cluster's control plane is on the Free tier, without an SLA"))
					}
				}
				return out
			}},
		Rule{ID: "AV005", Family: "availability", Severity: Warning,
			Title:     "Production in a single availability zone",
			Rationale: "One zone is one datacenter: its failure stops nodes, the gateway and zonal data services together.",
			Fix:       "Set targets.zones to 3 where the region has zones.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range prodEnvs(c) {
					// AV019 speaks for a region without zones, where
					// targets.zones cannot be raised.
					if len(e.Zones) < 2 && e.RegionZones > 0 {
						out = append(out, at(e, c, "targets.zones", "production runs in %d zone", len(e.Zones)))
					}
				}
				return out
			}},
		Rule{ID: "AV019", Family: "availability", Severity: Warning,
			Title:     "Production in a region without availability zones",
			Rationale: "A region without availability zones (koreasouth, among others in Microsoft's regions list) holds everything in one datacenter: no node pool, database, cache or gateway can be zone-redundant there, so physarch pins no zone, takes the prod profile's zone-redundant defaults down to what one datacenter allows (the database HA samezone) and counts the single-zone SLAs in the composite availability. A datacenter outage is then a region outage, which only the DR mode recovers.",
			Fix:       "Run production in a region with zones (koreacentral) and, for a standby, name this one as dr.region; or accept one datacenter and suppress with # physarch:ignore AV019.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range prodEnvs(c) {
					if e.RegionZones == 0 {
						out = append(out, Finding{Env: e.Name, Path: "region",
							Message: fmt.Sprintf("region %s has no availability zones: %s runs in one datacenter, pinned to no zone, and its composite availability uses the single-zone SLAs", e.Region, e.Name)})
					}
				}
				return out
			}},
		Rule{ID: "AV006", Family: "availability", Severity: Warning,
			Title:     "HPA minimum below the number of zones in production",
			Rationale: "With fewer replicas than zones, some zone runs none, and losing a zone that runs the only replicas is an outage of that service.",
			Fix:       "Raise the service's replicas.min (or scaling.minReplicas) to at least the zone count.",
			Check: func(c *Context) []Finding {
				return eachWorkload(c, prodEnvs(c), "replicas", func(e *plan.Env, w *plan.Workload) string {
					if w.Autoscaled() && len(e.Zones) > 1 && w.Min < len(e.Zones) {
						return fmt.Sprintf("%s has at least %d replicas over %d zones", w.Name, w.Min, len(e.Zones))
					}
					return ""
				})
			}},
		Rule{ID: "AV007", Family: "availability", Severity: Error,
			Title:     "PodDisruptionBudget allows no voluntary disruption",
			Rationale: "A budget that never allows an eviction blocks node drains: cluster upgrades and node-image updates hang until someone deletes it.",
			Fix:       "Let minAvailable stay below the minimum replicas (physarch's plan does this unless replicas are pinned to 1 with a higher floor).",
			Check: func(c *Context) []Finding {
				return eachWorkload(c, c.Plan.Envs, "replicas", func(_ *plan.Env, w *plan.Workload) string {
					if field, v := w.PDB(); w.HasPDB() && field == "minAvailable" && v >= w.Min {
						return fmt.Sprintf("%s: minAvailable %d with %d replicas allows no eviction", w.Name, v, w.Min)
					}
					return ""
				})
			}},
		Rule{ID: "AV008", Family: "availability", Severity: Error,
			Title:     "Spot nodes run production workloads",
			Rationale: "Azure evicts Spot VMs at any time with 30 seconds' notice and gives them no SLA.",
			Fix:       "Set nodePools.apps.spot to false in production.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range prodEnvs(c) {
					for _, p := range e.Pools {
						if p.Spot {
							out = append(out, at(e, c, "nodePools."+p.Name+".spot", "node pool %s runs on Spot VMs", p.Name))
						}
					}
				}
				return out
			}},
		Rule{ID: "AV012", Family: "availability", Severity: Error,
			Title:     "Component on the production path without an SLA: its configuration misses the SLA's condition",
			Rationale: "Some SLAs hold only for some configurations: Application Gateway v2 only when zone-redundant or autoscaling, Load Balancer Standard only with at least two healthy back ends. A configuration that misses the condition has no SLA at all, and the composite figure is only an upper bound.",
			Fix:       "Meet the condition the finding names: for the gateway, two or more zones (targets.zones) or an autoscale range (ingress.gatewayMaxCapacity above gatewayMinCapacity); for the load balancer, two or more nodes.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range prodEnvs(c) {
					a := c.Avail[e.Name]
					if a == nil {
						continue
					}
					for _, comp := range a.Components {
						if comp.NoSLA && comp.Unmet != "" {
							out = append(out, at(e, c, comp.Setting, "%s (%s) has no SLA: %s", comp.Name, comp.Config, comp.Unmet))
						}
					}
				}
				return out
			}},
		Rule{ID: "AV009", Family: "availability", Severity: Warning,
			Title:     "External system without a stated availability on a production path",
			Rationale: "A dependency with no SLA makes the composite figure an upper bound: the real availability can be anything below it.",
			Fix:       "State the system's availability (external[].availability) from its contract, or make its calls asynchronous.",
			Check: func(c *Context) []Finding {
				var out []Finding
				if len(prodEnvs(c)) == 0 {
					return nil
				}
				used := map[string]bool{}
				for _, s := range c.Plan.Services {
					for _, x := range s.External {
						used[x] = true
					}
				}
				for i, x := range c.Plan.External {
					if used[x.Name] && x.Availability == 0 {
						out = append(out, Finding{Path: fmt.Sprintf("external[%d]", i), Message: fmt.Sprintf("%s states no availability; the composite figure is an upper bound", x.Name)})
					}
				}
				return out
			}},
	)
}
