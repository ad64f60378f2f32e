// Package diff compares two designs (two specs, one spec at two
// revisions, or two environments of one spec): what a change does to
// monthly cost by component, composite availability, replicas, nodes,
// subnets, and which findings appear or disappear. It reads only plans,
// analyses and findings; it computes no figure of its own but differences.
package diff

import (
	"math"
	"regexp"
	"sort"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Env is one side's environment with its analyses and findings.
type Env struct {
	Plan     *plan.Env
	Cost     *cost.Report
	Avail    *availability.Report
	Findings []check.Finding
}

// Pair is the two sides of one comparison.
type Pair struct {
	Name     string // environment, or "dev → prod" for a side-by-side
	Old, New *Env   // nil when the environment exists on one side only
}

// Report is the whole comparison.
type Report struct {
	Old  string    `json:"old"`
	New  string    `json:"new"`
	Envs []EnvDiff `json:"environments"`
}

// EnvDiff is what changed in one environment.
type EnvDiff struct {
	Env          string          `json:"environment"`
	Status       string          `json:"status"` // changed, unchanged, added, removed
	Cost         *Range          `json:"monthly_cost_usd,omitempty"`
	Components   []ComponentDiff `json:"cost_components,omitempty"`
	Availability *Change         `json:"composite_availability_percent,omitempty"`
	Nodes        *RangeInt       `json:"nodes,omitempty"`
	Pools        []PoolDiff      `json:"node_pools,omitempty"`
	Workloads    []WorkloadDiff  `json:"replicas,omitempty"`
	Subnets      []SubnetDiff    `json:"subnets,omitempty"`
	Appeared     []check.Finding `json:"findings_appeared,omitempty"`
	Disappeared  []check.Finding `json:"findings_disappeared,omitempty"`
}

// Change is one figure before and after.
type Change struct {
	Old   float64 `json:"old"`
	New   float64 `json:"new"`
	Delta float64 `json:"delta"`
}

// Range is a minimum–maximum figure before and after.
type Range struct {
	Min Change `json:"min"`
	Max Change `json:"max"`
}

// RangeInt is a count range before and after.
type RangeInt struct {
	OldMin, OldMax, NewMin, NewMax int
}

// ComponentDiff is one cost row that changed.
type ComponentDiff struct {
	Name string `json:"name"`
	SKU  string `json:"sku"`
	Range
}

// PoolDiff is one node pool that changed.
type PoolDiff struct {
	Name   string `json:"name"`
	OldVM  string `json:"old_vm_size,omitempty"`
	NewVM  string `json:"new_vm_size,omitempty"`
	OldMin int    `json:"old_min"`
	OldMax int    `json:"old_max"`
	NewMin int    `json:"new_min"`
	NewMax int    `json:"new_max"`
}

// WorkloadDiff is one service whose replica bounds changed.
type WorkloadDiff struct {
	Name   string `json:"name"`
	OldMin int    `json:"old_min"`
	OldMax int    `json:"old_max"`
	NewMin int    `json:"new_min"`
	NewMax int    `json:"new_max"`
}

// SubnetDiff is one subnet whose address range changed.
type SubnetDiff struct {
	Name string `json:"name"`
	Old  string `json:"old"`
	New  string `json:"new"`
}

func change(a, b float64) Change { return Change{a, b, round(b - a)} }

func round(f float64) float64 { return math.Round(f*10000) / 10000 }

// Compare builds the report for the given pairs.
func Compare(oldLabel, newLabel string, pairs []Pair) Report {
	r := Report{Old: oldLabel, New: newLabel}
	for _, p := range pairs {
		r.Envs = append(r.Envs, compareEnv(p))
	}
	return r
}

func compareEnv(p Pair) EnvDiff {
	d := EnvDiff{Env: p.Name}
	switch {
	case p.Old == nil:
		d.Status = "added"
	case p.New == nil:
		d.Status = "removed"
	}
	o, n := p.Old, p.New
	if o == nil {
		o = &Env{}
	}
	if n == nil {
		n = &Env{}
	}
	d.Cost = costRange(o.Cost, n.Cost)
	d.Components = components(o.Cost, n.Cost)
	if o.Avail != nil || n.Avail != nil {
		a := change(pct(o.Avail), pct(n.Avail))
		d.Availability = &a
	}
	d.Pools, d.Nodes = pools(o.Plan, n.Plan)
	d.Workloads = workloads(o.Plan, n.Plan)
	d.Subnets = subnets(o.Plan, n.Plan)
	d.Appeared, d.Disappeared = findings(o.Findings, n.Findings)
	if d.Status == "" {
		d.Status = "unchanged"
		if (d.Cost != nil && (d.Cost.Min.Delta != 0 || d.Cost.Max.Delta != 0)) || len(d.Components) > 0 ||
			(d.Availability != nil && d.Availability.Delta != 0) || len(d.Pools) > 0 || len(d.Workloads) > 0 ||
			len(d.Subnets) > 0 || len(d.Appeared) > 0 || len(d.Disappeared) > 0 {
			d.Status = "changed"
		}
	}
	return d
}

func pct(a *availability.Report) float64 {
	if a == nil {
		return 0
	}
	return a.Percent
}

func costRange(o, n *cost.Report) *Range {
	if o == nil && n == nil {
		return nil
	}
	var omin, omax, nmin, nmax float64
	if o != nil {
		omin, omax = o.TotalMin, o.TotalMax
	}
	if n != nil {
		nmin, nmax = n.TotalMin, n.TotalMax
	}
	return &Range{Min: change(omin, nmin), Max: change(omax, nmax)}
}

// components pairs cost rows by name; rows that did not change are left
// out, rows on one side only compare with zero.
func components(o, n *cost.Report) []ComponentDiff {
	type pair struct{ o, n *cost.Component }
	rows := map[string]*pair{}
	var order []string
	add := func(r *cost.Report, old bool) {
		if r == nil {
			return
		}
		for i := range r.Components {
			c := &r.Components[i]
			p, ok := rows[c.Name]
			if !ok {
				p = &pair{}
				rows[c.Name] = p
				order = append(order, c.Name)
			}
			if old {
				p.o = c
			} else {
				p.n = c
			}
		}
	}
	add(o, true)
	add(n, false)
	var out []ComponentDiff
	for _, name := range order {
		p := rows[name]
		var d ComponentDiff
		d.Name = name
		var omin, omax, nmin, nmax float64
		if p.o != nil {
			omin, omax, d.SKU = p.o.MonthlyMin, p.o.MonthlyMax, p.o.SKU
		}
		if p.n != nil {
			nmin, nmax = p.n.MonthlyMin, p.n.MonthlyMax
			if p.o == nil || p.n.SKU != p.o.SKU {
				d.SKU = joinChange(d.SKU, p.n.SKU)
			}
		}
		d.Min, d.Max = change(omin, nmin), change(omax, nmax)
		if d.Min.Delta != 0 || d.Max.Delta != 0 || (p.o != nil && p.n != nil && p.o.SKU != p.n.SKU) {
			out = append(out, d)
		}
	}
	return out
}

func joinChange(a, b string) string {
	if a == "" {
		return b
	}
	return a + " → " + b
}

func pools(o, n *plan.Env) ([]PoolDiff, *RangeInt) {
	var out []PoolDiff
	if o == nil && n == nil {
		return nil, nil
	}
	nodes := &RangeInt{}
	get := func(e *plan.Env, name string) *plan.NodePool {
		if e == nil {
			return nil
		}
		return e.Pool(name)
	}
	if o != nil {
		nodes.OldMin, nodes.OldMax = o.TotalNodes()
	}
	if n != nil {
		nodes.NewMin, nodes.NewMax = n.TotalNodes()
	}
	for _, name := range []string{"system", "apps"} {
		a, b := get(o, name), get(n, name)
		if a == nil && b == nil {
			continue
		}
		var d PoolDiff
		d.Name = name
		if a != nil {
			d.OldVM, d.OldMin, d.OldMax = a.VMSize, a.Min, a.Max
		}
		if b != nil {
			d.NewVM, d.NewMin, d.NewMax = b.VMSize, b.Min, b.Max
		}
		if d.OldVM != d.NewVM || d.OldMin != d.NewMin || d.OldMax != d.NewMax {
			out = append(out, d)
		}
	}
	return out, nodes
}

func workloads(o, n *plan.Env) []WorkloadDiff {
	idx := map[string]*WorkloadDiff{}
	var order []string
	put := func(e *plan.Env, old bool) {
		if e == nil {
			return
		}
		for _, w := range e.Workloads {
			d, ok := idx[w.Name]
			if !ok {
				d = &WorkloadDiff{Name: w.Name}
				idx[w.Name] = d
				order = append(order, w.Name)
			}
			if old {
				d.OldMin, d.OldMax = w.Min, w.Max
			} else {
				d.NewMin, d.NewMax = w.Min, w.Max
			}
		}
	}
	put(o, true)
	put(n, false)
	var out []WorkloadDiff
	for _, name := range order {
		d := idx[name]
		if d.OldMin != d.NewMin || d.OldMax != d.NewMax {
			out = append(out, *d)
		}
	}
	return out
}

func subnets(o, n *plan.Env) []SubnetDiff {
	cidrs := func(e *plan.Env) map[string]string {
		m := map[string]string{}
		if e != nil {
			for _, s := range e.Network.Subnets {
				m[s.Name] = s.CIDR
			}
		}
		return m
	}
	a, b := cidrs(o), cidrs(n)
	names := map[string]bool{}
	for k := range a {
		names[k] = true
	}
	for k := range b {
		names[k] = true
	}
	var out []SubnetDiff
	for name := range names {
		if a[name] != b[name] {
			out = append(out, SubnetDiff{Name: name, Old: a[name], New: b[name]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

var envIndex = regexp.MustCompile(`^environments\[\d+\]`)

// findings pairs findings by rule and spec path, whichever environment
// index the path has (their messages carry figures that change with the
// design, so they are not part of the key).
func findings(o, n []check.Finding) (appeared, disappeared []check.Finding) {
	key := func(f check.Finding) string {
		return f.Rule + "|" + envIndex.ReplaceAllString(f.Path, "environments[*]")
	}
	has := func(fs []check.Finding) map[string]bool {
		m := map[string]bool{}
		for _, f := range fs {
			if f.Suppressed == "" {
				m[key(f)] = true
			}
		}
		return m
	}
	ho, hn := has(o), has(n)
	for _, f := range n {
		if f.Suppressed == "" && !ho[key(f)] {
			appeared = append(appeared, f)
		}
	}
	for _, f := range o {
		if f.Suppressed == "" && !hn[key(f)] {
			disappeared = append(disappeared, f)
		}
	}
	return appeared, disappeared
}
