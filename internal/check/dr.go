package check

import (
	"fmt"
	"time"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

func drRules(r *Registry) {
	r.Add(
		Rule{ID: "RS010", Family: "resilience", Severity: Error,
			Title:     "Recovery target the DR mode cannot meet",
			Rationale: "A production document pairs targets.rto and targets.rpo with a way to recover from the region's loss (dr.mode). Restoring Flexible Server's geo-redundant backups into the paired region takes up to 12 hours and may lose up to an hour of writes (Microsoft's business continuity overview); a standby region promotes its read replica in minutes (RPO under 5 minutes) but still rebuilds the cluster from the same spec, which physarch estimates at an hour; with mode none a region's loss is not recovered at all. The environment's recovery time is its slowest step's, as the DR section lists them. A shorter target is a promise nothing delivers.",
			Fix:       "Raise targets.rto (and targets.rpo) to what the mode delivers (geo-restore: rto 12h, rpo 1h; standby-region: rto 1h, rpo 5m), or choose dr.mode standby-region for a shorter one.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range prodEnvs(c) {
					out = append(out, drFindings(c, e)...)
				}
				return out
			}},
		Rule{ID: "AV020", Family: "availability", Severity: Info,
			Title:     "DR region without the zones production runs in",
			Rationale: "The environment recovers into a region (dr.region, or the pair from Microsoft's list) that has no availability zones while it runs zone-redundant at home: after a failover the rebuilt cluster, the restored or promoted database and the registry's replica sit in one datacenter, with the single-zone SLAs, until the home region is back. koreacentral's pair, koreasouth, is such a region.",
			Fix:       "Choose a dr.region with availability zones where data residency allows, or accept the lower availability after a failover and suppress with # physarch:ignore AV020.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range prodEnvs(c) {
					r := e.Recovery
					if r.Region != "" && r.RegionZones == 0 && len(e.Pinned(e.Zones)) > 1 {
						out = append(out, at(e, c, "dr", "%s recovers into %s, which has no availability zones, from %d zones in %s", e.Name, r.Region, len(e.Zones), e.Region))
					}
				}
				return out
			}},
		Rule{ID: "RS011", Family: "resilience", Severity: Warning,
			Title:     "Queue consumer scaled on CPU",
			Rationale: "A service that serves no route and that no service calls takes all its work from what it consumes. Its HPA scales on CPU, but a consumer that waits on I/O (a model, an external API) keeps its CPU low while the backlog grows, so it never scales out; a worker scales on the backlog itself (KEDA).",
			Fix:       "Make it kind: worker (KEDA on the backlog of the one destination it consumes; split it if it consumes several), or give it a route if it also serves requests.",
			Check: func(c *Context) []Finding {
				called := map[string]bool{}
				for _, s := range c.Plan.Services {
					for _, callee := range s.Calls {
						called[callee] = true
					}
				}
				var out []Finding
				for _, s := range c.Plan.Services {
					if (s.Kind != "" && s.Kind != spec.WorkloadService) || s.Route != "" || called[s.Name] || len(s.Consumes) == 0 {
						continue
					}
					out = append(out, Finding{Path: c.servicePath(s.Name) + ".consumes",
						Message: fmt.Sprintf("%s takes its work only from %v, yet its HPA scales on CPU, not on the backlog", s.Name, s.Consumes)})
				}
				return out
			}})
}

// drFindings judges one environment's RTO and RPO against its DR mode.
func drFindings(c *Context, e *plan.Env) []Finding {
	var out []Finding
	m := e.DR
	// The plan's figures, as the DR row prints them: the slowest step's
	// time and the largest loss.
	rt, loss := e.Recovery.Time, e.Recovery.Loss
	for _, t := range []struct {
		key, stated string
		can         time.Duration
		what        string
	}{{"targets.rto", e.RTO, rt, "recovery takes up to"}, {"targets.rpo", e.RPO, loss, "it may lose up to"}} {
		want, err := spec.ParseDuration(t.stated)
		if t.stated == "" || err != nil {
			continue // OP001 asks for the target; the loader refuses a bad one
		}
		switch {
		case !m.Recovers:
			out = append(out, at(e, c, t.key, "%s %s with dr.mode %s: a loss of the region is not recovered at all", t.key, t.stated, m.Name))
		case want < t.can:
			out = append(out, at(e, c, t.key, "%s %s with dr.mode %s: %s %s", t.key, t.stated, m.Name, t.what, spec.FormatDuration(t.can)))
		}
	}
	return out
}
