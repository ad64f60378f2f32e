package mermaid

import "github.com/physarch/physarch/internal/plan"

// Drawn is a component the diagrams show: its shapes and where they sit,
// and the node the services' flows to it end on.
type Drawn interface {
	Draw(v View) Drawing
}

// View is the diagram a component is drawn into.
type View struct {
	Network bool // the network diagram; else the physical one
	Plan    *plan.Plan
	Env     *plan.Env
	// T picks a label's language.
	T func(ko, en string) string
}

// Drawing is one component in one diagram.
type Drawing struct {
	// Entry is the node flows to the component end on.
	Entry string
	// Subnet is the subgraph of the component's own subnet, drawn in the
	// VNet after the cluster's, with the edges that stay inside it.
	Subnet *Group
	// Late are edges drawn with the diagram's last, dotted ones (HA
	// replication, placement), in production.
	Late []Edge
	// Azure are nodes in Azure outside the VNet and the cluster (the
	// physical diagram's Key Vault, registry, monitoring), after the
	// messaging.
	Azure []Shape
	// Endpoints are nodes in the private endpoints' subnet.
	Endpoints []Shape
	// Links are dotted edges drawn last, in every environment: what ties
	// the component to the cluster (images, secrets, telemetry).
	Links []Edge
}

// Nodes of the diagrams' own that components draw edges to.
const (
	// NodeServices is the physical diagram's application services.
	NodeServices = "AppServices"
	// NodeCluster is the physical diagram's AKS cluster.
	NodeCluster = "AKS"
	// NodeCICD is the production diagram's CI/CD.
	NodeCICD = "CICD"
)

// Group is a subgraph of nodes.
type Group struct {
	ID, Label string
	Nodes     []Shape
	Edges     []Edge // drawn right after the group
}

// Shape is one node; DB draws a cylinder.
type Shape struct {
	ID, Label string
	DB        bool
}

// Edge is a line between two nodes; Dotted for what is not a request.
type Edge struct {
	From, To, Label string
	Dotted          bool
}

func (g *graph) shape(s Shape) {
	if s.DB {
		g.db(s.ID, s.Label)
		return
	}
	g.node(s.ID, s.Label)
}

func (g *graph) line2(e Edge) {
	if e.Dotted {
		g.dotted(e.From, e.To, e.Label)
		return
	}
	g.edge(e.From, e.To, e.Label)
}

func (g *graph) group(gr *Group) {
	g.sub(gr.ID, gr.Label, func() {
		for _, n := range gr.Nodes {
			g.shape(n)
		}
	})
	for _, e := range gr.Edges {
		g.line2(e)
	}
}

// drawings are the environment's components as one diagram draws them,
// by component ID.
func drawings(v View) (map[string]Drawing, []Drawing) {
	byID := map[string]Drawing{}
	var ordered []Drawing
	for _, c := range v.Env.Components {
		if d, ok := c.(Drawn); ok {
			dr := d.Draw(v)
			byID[c.ID()] = dr
			ordered = append(ordered, dr)
		}
	}
	return byID, ordered
}

// SubnetLabel is how a subnet's subgraph is labelled.
func SubnetLabel(s plan.Subnet) string { return subnetLabel(s) }
