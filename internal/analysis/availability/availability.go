// Package availability estimates composite availability from component
// SLAs along each environment's request path: components in series
// multiply. Every figure it gives is an estimate, not a financially backed
// SLA, and says so.
package availability

import (
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
	Name string // as the report names it, such as "PostgreSQL"
	// NameKo is Name in Korean, for the Korean documents ("" when it
	// reads the same in both).
	NameKo string
	Config string
	// ConfigKo is Config in Korean, for the Korean documents ("" when
	// it reads the same in both).
	ConfigKo string
	Key      string // the catalog SLA (azure.ResolveSLA)
	// Note is what the reader should know about the link; NoteKo says it
	// in Korean ("" when it reads the same in both).
	Note, NoteKo string
	azure.Facts
	// Setting is the spec key that decides the facts (such as
	// "ingress.gatewayMaxCapacity"): where a finding about an unmet
	// condition points.
	Setting string
	// Stated is a figure the spec states for a system outside the
	// catalog (an external identity provider's SLA), used instead of
	// the catalog's, with StatedSource saying where it is stated.
	Stated       float64
	StatedSource string
}

// Nodes gives the SLA key and configuration of pods on the apps pool, by
// replica count, the configuration in English and Korean: what a
// component running as pods inherits.
type Nodes func(replicas int) (key, config, configKo string)

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

// Routing is a component that serves public routes no service is behind
// (a static content route at the edge): each route's path is its own
// links alone, none of the cluster's.
type Routing interface {
	OwnRoutes(e *plan.Env) []OwnRoute
}

// OwnRoute is one such route: its pattern, what serves it (as the report
// names it) and its path.
type OwnRoute struct {
	Route, Service string
	Links          []PathLink
}

// RouteLinked is a component a public route's own requests wait on,
// before the service (an identity provider that signs in the route's
// users): its links join that route's path only, not the paths of the
// routes whose services call the service.
type RouteLinked interface {
	RouteLinks(e *plan.Env, sv plan.Service) []PathLink
}

// Component is one link of the request path.
type Component struct {
	Name   string `json:"name"`
	Config string `json:"configuration"`
	// NameKo is Name in Korean ("" when it reads the same in both).
	NameKo string `json:"-"`
	// ConfigKo and SourceKo are Config and Source in Korean, for the
	// Korean documents ("" when they read the same in both).
	ConfigKo string  `json:"-"`
	SourceKo string  `json:"-"`
	Percent  float64 `json:"sla_percent"` // 0: no SLA
	NoSLA    bool    `json:"no_sla"`
	SLO      float64 `json:"slo_percent,omitempty"`
	Source   string  `json:"source"`
	Note     string  `json:"note,omitempty"`
	// NoteKo is Note in Korean, for the Korean documents.
	NoteKo string `json:"-"`
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
	if l.Stated > 0 {
		b.comps[l.Name] = Component{Name: l.Name, NameKo: l.NameKo, Config: l.Config, ConfigKo: l.ConfigKo, Percent: l.Stated, Source: l.StatedSource, Note: l.Note, NoteKo: l.NoteKo}
		b.order = append(b.order, l.Name)
		return l.Name
	}
	a := azure.ResolveSLA(l.Key, l.Facts)
	c := Component{Name: l.Name, NameKo: l.NameKo, Config: l.Config, ConfigKo: l.ConfigKo, Percent: a.Percent, NoSLA: a.Percent == 0, SLO: a.SLO, Source: a.Source.String(), Note: l.Note,
		NoteKo: orEn(l.NoteKo, l.Note), Unmet: a.Unmet, Notes: a.Notes}
	if a.Source.Ko != "" {
		c.SourceKo = a.Source.StringKo()
	}
	if asked, ok := azure.LookupSLA(l.Key); ok && asked.Condition != nil {
		c.Condition = asked.Condition.Text
	}
	if a.Unmet != "" {
		c.Note = join(c.Note, a.Unmet)
		c.NoteKo = join(c.NoteKo, orEn(a.UnmetKo, a.Unmet))
		c.Setting = l.Setting
	}
	if a.Disagreement != "" {
		c.Note = join(c.Note, "sources disagree ("+a.Disagreement+")")
		c.NoteKo = join(c.NoteKo, "출처 간 수치가 다름 ("+orEn(a.DisagreementKo, a.Disagreement)+")")
	}
	b.comps[l.Name] = c
	b.order = append(b.order, l.Name)
	return l.Name
}

// orEn is a text's Korean form, or its English where it has none.
func orEn(ko, en string) string {
	if ko == "" {
		return en
	}
	return ko
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
		return func(replicas int) (string, string, string) {
			return placement(e, pool, replicas)
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
		pool := e.Pool("apps")
		if w.Pool != "" && w.Pool != "apps" {
			pool = e.Pool(w.Pool)
		}
		key, cfg, cfgKo := placement(e, pool, w.Min)
		names := []string{b.add(PathLink{Name: "Service " + sv.Name, NameKo: "서비스 " + sv.Name, Config: cfg, ConfigKo: cfgKo, Key: key})}
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
		for _, c := range plan.Facets[RouteLinked](e) {
			for _, l := range c.RouteLinks(e, sv) {
				addAll([]string{b.add(l)})
			}
		}
		for _, s := range closure(calls, sv.Name) {
			addAll(svcComp[s])
		}
		p, upper := product(b, path)
		rep.Routes = append(rep.Routes, Route{Route: plan.RoutePattern(sv.Route), Service: sv.Name, Components: path, Percent: round4(p), Downtime: downtime(p), UpperBound: upper})
		for _, n := range path {
			all[n] = true
		}
	}
	for _, c := range plan.Facets[Routing](e) {
		for _, or := range c.OwnRoutes(e) {
			var path []string
			for _, l := range or.Links {
				path = append(path, b.add(l))
			}
			p, upper := product(b, path)
			rep.Routes = append(rep.Routes, Route{Route: or.Route, Service: or.Service, Components: path, Percent: round4(p), Downtime: downtime(p), UpperBound: upper})
			for _, n := range path {
				all[n] = true
			}
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
		c := Component{Name: n, NameKo: "외부 시스템 " + name, Config: x.URL, Percent: x.Availability, NoSLA: x.Availability == 0, Source: "physarch.yaml external." + name + ".availability"}
		if c.NoSLA {
			c.Source = "none: the spec gives no availability for this system"
			c.SourceKo = "없음: 스펙에 이 시스템의 가용성이 없습니다"
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

// NameIn is a component's name in the Korean documents (ko) or the
// English ones: the names in NoSLA and Weakest are the English keys.
func (r *Report) NameIn(ko bool, name string) string {
	if !ko {
		return name
	}
	for _, c := range r.Components {
		if c.Name == name && c.NameKo != "" {
			return c.NameKo
		}
	}
	return name
}
