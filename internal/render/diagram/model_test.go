package diagram_test

import (
	"testing"

	"github.com/physarch/physarch/internal/render/diagram"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan"
)

// TestModelIsClosed: in every diagram of every example and sample, every
// id is defined once, every edge joins defined nodes or groups, and every
// node has a tier to be styled by.
func TestModelIsClosed(t *testing.T) {
	for _, n := range append(testplan.Judged(t), testplan.Named{Name: "workloads", Plan: testplan.Workloads(t)}) {
		for _, g := range diagram.Graphs(n.Plan, md.Ko) {
			seen := map[string]int{}
			g.Walk(func(x *diagram.Node) {
				seen[x.ID]++
				if x.Tier == "" {
					t.Errorf("%s %s: node %s has no tier", n.Name, g.Name, x.ID)
				}
			}, func(s *diagram.Sub) { seen[s.ID]++ })
			for id, c := range seen {
				if c > 1 {
					t.Errorf("%s %s: %s defined %d times", n.Name, g.Name, id, c)
				}
			}
			for _, l := range g.Links {
				if seen[l.From] == 0 || seen[l.To] == 0 {
					t.Errorf("%s %s: edge %s → %s joins an undefined id", n.Name, g.Name, l.From, l.To)
				}
			}
		}
	}
}

// TestZonesInOrder: a node pool's zones are drawn 1, 2, 3 and held in a
// row, whatever order the plan lists them in.
func TestZonesInOrder(t *testing.T) {
	pl := testplan.Example(t, "kt-event-marketing")
	for _, e := range pl.Envs {
		for i := range e.Pools {
			z := e.Pools[i].Zones
			for l, r := 0, len(z)-1; l < r; l, r = l+1, r-1 {
				z[l], z[r] = z[r], z[l]
			}
		}
	}
	pools := 0
	for _, g := range diagram.Graphs(pl, md.En) {
		g.Walk(func(*diagram.Node) {}, func(s *diagram.Sub) {
			if !s.Row {
				return
			}
			pools++
			prev := ""
			for _, it := range s.Items {
				if it.Node != nil && it.Node.Label < prev {
					t.Errorf("%s %s: %q after %q", g.Name, s.ID, it.Node.Label, prev)
				}
				if it.Node != nil {
					prev = it.Node.Label
				}
			}
		})
	}
	if pools == 0 {
		t.Fatal("no node pool drawn as a row")
	}
}
