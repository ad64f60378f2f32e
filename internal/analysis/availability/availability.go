// Package availability estimates composite availability from component
// SLAs along each environment's request path: components in series
// multiply. Every figure it gives is an estimate, not a financially backed
// SLA, and says so.
package availability

import (
	"fmt"
	"math"
	"sort"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// MinutesPerMonth is 730 hours.
const MinutesPerMonth = 730 * 60

// Disclaimer is printed wherever a composite figure is.
const Disclaimer = "composite availability is an estimate from component SLAs, not a financially backed SLA"

// PathLink is a component's part of one service's request path: what it
// is, how it is configured, which catalog SLA it asks for and the facts
// about its configuration that SLA's condition may need.
//
// The facts (azure.Facts: ZoneRedundant, Autoscaling, Partitioned,
// MinInstances) are embedded, so a block writes
// PathLink{..., Key: "appgw/v2", Facts: azure.Facts{Autoscaling: true}}.
// A figure with a condition (azure.SLA.Condition) applies only when the
// facts meet it; otherwise the entry's Otherwise figure (or no SLA)
// applies and the report says why. A block that reports no facts meets no
// condition, so it never gets a figure its configuration does not earn.
type PathLink struct {
	Name   string // as the report names it, such as "PostgreSQL"
	Config string
	Key    string // the catalog SLA (azure.ResolveSLA)
	Note   string
	azure.Facts
	// Setting is the spec key that decides the facts (such as
	// "ingress.gatewayMaxCapacity"): where a finding about an unmet
	// condition points.
	Setting string
}

// Nodes gives the SLA key and configuration of pods on the apps pool, by
// replica count: what a component running as pods inherits.
type Nodes func(replicas int) (key, config string)

// Linked is a component requests wait on: the links it adds to a
// service's path (none when the service does not use it).
type Linked interface {
	ServiceLinks(e *plan.Env, sv plan.Service, nodes Nodes) []PathLink
}

// EdgeLinked is a component on the way in (plan.Edge): the links it adds
// to every public route's path, before the cluster's. The report takes
// them in plan.EdgeOrder, outermost first.
type EdgeLinked interface {
	EdgeLinks(e *plan.Env) []PathLink
}

// Component is one link of the request path.
type Component struct {
	Name    string  `json:"name"`
	Config  string  `json:"configuration"`
	Percent float64 `json:"sla_percent"` // 0: no SLA
	NoSLA   bool    `json:"no_sla"`
	SLO     float64 `json:"slo_percent,omitempty"`
	Source  string  `json:"source"`
	Note    string  `json:"note,omitempty"`
	// Condition is what the catalog's figure for the component needs
	// ("zone-redundant or autoscaling"), when it needs anything.
	Condition string `json:"condition,omitempty"`
	// Unmet says why the configuration gets a lower figure (or none) than
	// the one it asked for; empty when the condition is met.
	Unmet string `json:"condition_unmet,omitempty"`
	// Notes are the catalog's older or conflicting figures, for the record.
	Notes []string `json:"source_notes,omitempty"`
	// Setting is the spec key behind an unmet condition.
	Setting string `json:"setting,omitempty"`
}

// Route is the path of one public route.
type Route struct {
	Route      string   `json:"route"`
	Service    string   `json:"service"`
	Components []string `json:"components"`
	Percent    float64  `json:"composite_percent"`
	Downtime   float64  `json:"downtime_minutes_per_month"`
	UpperBound bool     `json:"upper_bound"`
}

// Link is a weak link and what fixing it would give.
type Link struct {
	Name        string  `json:"name"`
	Percent     float64 `json:"sla_percent"`
	Downtime    float64 `json:"downtime_minutes_per_month"`
	IfPerfectTo float64 `json:"composite_if_perfect_percent"`
}

// Report is one environment's availability estimate.
type Report struct {
	Env        string      `json:"environment"`
	Target     float64     `json:"target_percent"`
	Components []Component `json:"components"`
	Routes     []Route     `json:"routes"`
	Percent    float64     `json:"composite_percent"`
	Downtime   float64     `json:"downtime_minutes_per_month"`
	UpperBound bool        `json:"upper_bound"` // components without an SLA were left out
	NoSLA      []string    `json:"no_sla"`
	Meets      bool        `json:"meets_target"`
	ShortBy    float64     `json:"short_by_points,omitempty"`
	Weakest    []Link      `json:"weakest"`
	Disclaimer string      `json:"disclaimer"`
}

// Estimate computes every environment's report.
func Estimate(pl *plan.Plan) []*Report {
	var out []*Report
	for _, e := range pl.Envs {
		out = append(out, estimateEnv(pl, e))
	}
	return out
}

type builder struct {
	comps map[string]Component
	order []string
}

// add puts a link on the path once, with the SLA its configuration gets.
func (b *builder) add(l PathLink) string {
	if _, ok := b.comps[l.Name]; ok {
		return l.Name
	}
	a := azure.ResolveSLA(l.Key, l.Facts)
	c := Component{Name: l.Name, Config: l.Config, Percent: a.Percent, NoSLA: a.Percent == 0, SLO: a.SLO, Source: a.Source.String(), Note: l.Note,
		Unmet: a.Unmet, Notes: a.Notes}
	if asked, ok := azure.LookupSLA(l.Key); ok && asked.Condition != nil {
		c.Condition = asked.Condition.Text
	}
	if a.Unmet != "" {
		c.Note = join(c.Note, a.Unmet)
		c.Setting = l.Setting
	}
	if a.Disagreement != "" {
		c.Note = join(c.Note, "sources disagree ("+a.Disagreement+")")
	}
	b.comps[l.Name] = c
	b.order = append(b.order, l.Name)
	return l.Name
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

func estimateEnv(pl *plan.Plan, e *plan.Env) *Report {
	se := e.Settings
	b := &builder{comps: map[string]Component{}}
	var edge []string
	for _, c := range plan.EdgeOrder(e) {
		if l, ok := c.(EdgeLinked); ok {
			for _, pl := range l.EdgeLinks(e) {
				edge = append(edge, b.add(pl))
			}
		}
	}
	edge = append(edge, b.add(aksLink(e)))

	// nodesOn is the SLA of pods on a pool: a dedicated pool in fewer
	// zones than the environment spreads its replicas over its own.
	nodesOn := func(pool *plan.NodePool) Nodes {
		zones := len(e.Zones)
		if pool != nil {
			zones = len(pool.Zones)
		}
		return func(replicas int) (string, string) {
			switch {
			case pool != nil && pool.Spot:
				return "vm/spot", "Spot nodes"
			case replicas >= 2 && zones >= 2 && se.Scaling.SpreadZones:
				return "vm/zones", fmt.Sprintf("%d+ replicas across %d zones", replicas, zones)
			case replicas >= 2:
				return "vm/set", fmt.Sprintf("%d+ replicas on separate nodes", replicas)
			case pool != nil && pool.OSDiskGB > 64:
				return "vm/single/premium", "1 replica, Premium SSD"
			}
			return "vm/single/standardssd", "1 replica, Standard SSD"
		}
	}
	nodeKey := nodesOn(e.Pool("apps"))
	linked := plan.Facets[Linked](e)
	svcComp := map[string][]string{}
	for _, sv := range pl.Services {
		if !sv.HasService() {
			// Cronjobs and workers are off the request path: no route
			// reaches them and no service can call them, so they and
			// what only they use add nothing to any path.
			continue
		}
		w := e.Workload(sv.Name)
		key, cfg := nodeKey(w.Min)
		if w.Pool != "" && w.Pool != "apps" {
			key, cfg = nodesOn(e.Pool(w.Pool))(w.Min)
		}
		names := []string{b.add(PathLink{Name: "Service " + sv.Name, Config: cfg, Key: key})}
		for _, c := range linked {
			for _, l := range c.ServiceLinks(e, sv, nodeKey) {
				names = append(names, b.add(l))
			}
		}
		for _, x := range sv.External {
			names = append(names, external(b, pl, x))
		}
		svcComp[sv.Name] = names
	}

	rep := &Report{Env: e.Name, Target: se.Targets.Availability, Disclaimer: Disclaimer}
	calls := map[string][]string{}
	for _, s := range pl.Services {
		calls[s.Name] = s.Calls
	}
	all := map[string]bool{}
	for _, sv := range pl.Services {
		if sv.Route == "" {
			continue
		}
		set := map[string]bool{}
		var path []string
		addAll := func(names []string) {
			for _, n := range names {
				if !set[n] {
					set[n] = true
					path = append(path, n)
				}
			}
		}
		addAll(edge)
		for _, s := range closure(calls, sv.Name) {
			addAll(svcComp[s])
		}
		p, upper := product(b, path)
		rep.Routes = append(rep.Routes, Route{Route: plan.RoutePattern(sv.Route), Service: sv.Name, Components: path, Percent: round4(p), Downtime: downtime(p), UpperBound: upper})
		for _, n := range path {
			all[n] = true
		}
	}
	var sys []string
	for _, n := range b.order {
		c := b.comps[n]
		rep.Components = append(rep.Components, c)
		if all[n] {
			sys = append(sys, n)
			if c.NoSLA {
				rep.NoSLA = append(rep.NoSLA, n)
			}
		}
	}
	p, upper := product(b, sys)
	rep.Percent, rep.Downtime, rep.UpperBound = round4(p), downtime(p), upper
	rep.Meets = rep.Percent >= rep.Target && !upper
	if rep.Percent < rep.Target {
		rep.ShortBy = round4(rep.Target - rep.Percent)
	}
	var links []Link
	for _, n := range sys {
		c := b.comps[n]
		if c.NoSLA {
			continue
		}
		links = append(links, Link{Name: n, Percent: c.Percent, Downtime: downtime(c.Percent), IfPerfectTo: round4(p / c.Percent * 100)})
	}
	sort.SliceStable(links, func(i, j int) bool { return links[i].Percent < links[j].Percent })
	if len(links) > 3 {
		links = links[:3]
	}
	rep.Weakest = links
	return rep
}

func external(b *builder, pl *plan.Plan, name string) string {
	n := "External " + name
	if _, ok := b.comps[n]; ok {
		return n
	}
	for _, x := range pl.External {
		if x.Name != name {
			continue
		}
		c := Component{Name: n, Config: x.URL, Percent: x.Availability, NoSLA: x.Availability == 0, Source: "physarch.yaml external." + name + ".availability"}
		if c.NoSLA {
			c.Source = "none: the spec gives no availability for this system"
		}
		b.comps[n] = c
		b.order = append(b.order, n)
	}
	return n
}

// closure lists a service and every service it calls, transitively.
func closure(calls map[string][]string, start string) []string {
	seen := map[string]bool{}
	var out []string
	var visit func(string)
	visit = func(s string) {
		if seen[s] {
			return
		}
		seen[s] = true
		out = append(out, s)
		for _, c := range calls[s] {
			visit(c)
		}
	}
	visit(start)
	return out
}

// product multiplies the SLAs of components in series; components without
// an SLA are left out, which makes the result an upper bound.
func product(b *builder, names []string) (float64, bool) {
	p, upper := 1.0, false
	for _, n := range names {
		c := b.comps[n]
		if c.NoSLA {
			upper = true
			continue
		}
		p *= c.Percent / 100
	}
	return p * 100, upper
}

// Parallel combines redundant alternatives, any one of which suffices:
// 1 − Π(1 − aᵢ) (the Well-Architected formula; N regions of one design:
// 1 − (1 − a)^N). Percent in, percent out. The per-configuration SLAs used
// on today's paths (zone-redundant PostgreSQL, VMs across zones) already
// express their redundancy, so no path applies it twice; it is here for
// redundant alternatives such as a second region.
func Parallel(percents ...float64) float64 {
	down := 1.0
	for _, a := range percents {
		down *= 1 - a/100
	}
	return (1 - down) * 100
}

func downtime(percent float64) float64 {
	return math.Round((100-percent)/100*MinutesPerMonth*10) / 10
}

func round4(v float64) float64 { return math.Round(v*10000) / 10000 }
