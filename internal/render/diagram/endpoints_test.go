package diagram_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/diagram"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan"
)

// subgraphNodes are the nodes directly inside a group, in order, and
// whether the diagram has the group at all.
func subgraphNodes(g *diagram.Graph, id string) (ids, labels []string, found bool) {
	g.Walk(func(*diagram.Node) {}, func(s *diagram.Sub) {
		if s.ID != id {
			return
		}
		found = true
		for _, it := range s.Items {
			if it.Node != nil {
				ids, labels = append(ids, it.Node.ID), append(labels, it.Node.Label)
			}
		}
	})
	return ids, labels, found
}

// TestEveryPlannedEndpointIsDrawn: both diagrams of every environment
// draw one node in the endpoints subnet for each private endpoint the
// plan lists, and none besides. Before the fix the subnet showed what the
// components chose to draw: drone-delivery's network diagram 5 of its 7
// endpoints (no Key Vault, no registry), its physical one 6 (no registry).
func TestEveryPlannedEndpointIsDrawn(t *testing.T) {
	endpoints := 0
	for _, n := range testplan.Judged(t) {
		files := map[string]*diagram.Graph{}
		for _, g := range diagram.Graphs(n.Plan, md.Ko) {
			files[g.Name] = g
		}
		for _, e := range n.Plan.Envs {
			_, hasSubnet := e.Network.Subnet("endpoints")
			for _, name := range []string{docs.DiagramName(e), docs.NetworkName(e)} {
				src, ok := files[strings.TrimSuffix(name, ".mmd")]
				if !ok {
					t.Fatalf("%s: no %s", n.Name, name)
				}
				ids, labels, found := subgraphNodes(src, "SnetPE")
				if found != hasSubnet {
					t.Errorf("%s %s: endpoints subnet drawn %v, planned %v", n.Name, name, found, hasSubnet)
				}
				if len(ids) != len(e.PrivateEndpoints) {
					var want []string
					for _, p := range e.PrivateEndpoints {
						want = append(want, p.Handle)
					}
					t.Errorf("%s %s: the endpoints subnet draws %v, the plan has %v", n.Name, name, labels, want)
				}
				seen := map[string]bool{}
				for _, id := range ids {
					if seen[id] {
						t.Errorf("%s %s: endpoint node %s drawn twice", n.Name, name, id)
					}
					seen[id] = true
				}
				endpoints += len(ids)
			}
			drawnArePlanned(t, n, e)
		}
	}
	if endpoints == 0 {
		t.Fatal("no diagram has an endpoint; the case proves nothing")
	}
}

// drawnArePlanned: every endpoint shape a component gives names one of its
// planned endpoints, or the shape would be dropped (and the edges the
// component draws to it dangle).
func drawnArePlanned(t *testing.T, n testplan.Named, e *plan.Env) {
	t.Helper()
	for _, network := range []bool{false, true} {
		v := diagram.View{Network: network, Plan: n.Plan, Env: e, T: func(ko, _ string) string { return ko }}
		for _, c := range e.Components {
			d, ok := c.(diagram.Drawn)
			if !ok {
				continue
			}
			for _, s := range d.Draw(v).Endpoints {
				planned := false
				for _, p := range e.PrivateEndpoints {
					planned = planned || p.Service == c.ID() && (s.Endpoint == p.Key || s.Endpoint == "" && p.First())
				}
				if !planned {
					t.Errorf("%s %s: %s draws the endpoint %q (%s), which the plan does not have", n.Name, e.Name, c.ID(), s.Endpoint, s.ID)
				}
			}
		}
	}
}
