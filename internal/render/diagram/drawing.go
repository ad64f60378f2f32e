package diagram

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
	// Endpoints are how the component's private endpoints look in the
	// endpoints subnet: each shape draws the planned endpoint whose key
	// (plan.PrivateEndpoint.Key) is its Endpoint, or the component's first
	// endpoint where Endpoint is empty. What the subnet holds comes from
	// the plan, not from here: every endpoint Env.PrivateEndpoints lists,
	// in its order, and one the component gives no shape for as a node of
	// its own ("PE: <title>"), so none can be left out.
	Endpoints []Shape
	// Managed are the component's nodes outside the VNet's subnets (a
	// managed cache): in production, the physical diagram draws them in
	// the VNet after the subnets, the network diagram in its managed
	// services group.
	Managed []Shape
	// Links are the network diagram's edges from a private endpoint to
	// its service, drawn before the late ones.
	Links []Edge
	// Regional is a subgraph in the Azure group outside the network (the
	// physical diagram's Service Bus namespace with its queues).
	Regional *Group
	// Late are edges drawn with the diagram's last, dotted ones (HA
	// replication, placement), in production.
	Late []Edge
	// Edges are the physical diagram's edges of the component's own (who
	// sends to and receives from a queue), drawn after the flows.
	Edges []Edge
	// Azure are nodes in Azure outside the VNet and the cluster (the
	// physical diagram's Key Vault, registry, monitoring), after the
	// messaging.
	Azure []Shape
	// Ties are dotted edges drawn last, in every environment: what ties
	// the component to the cluster (images, secrets, telemetry).
	Ties []Edge
	// Entrance is how a component on the way in (plan.Edge) is drawn.
	Entrance *Entrance
}

// Entrance is a component on the way in from the users: the diagrams
// chain them in plan.EdgeOrder, outermost first, each reached from the
// one before it (the first from the users).
type Entrance struct {
	// Outside are nodes drawn with the users, outside Azure (Front Door).
	Outside []Shape
	// Subnet is its subnet, drawn in the VNet before the cluster's.
	Subnet *Group
	// Cluster is its node in the cluster (an in-cluster controller),
	// drawn first there.
	Cluster *Shape
	// In is the node requests reach it at, by an edge labelled InLabel;
	// Out the node they leave it from to the next ("" for In).
	In, InLabel, Out string
	// Edges are drawn along it, after the edge that reaches it (the
	// gateway's WAF and rate limit).
	Edges []Edge
	// Routes is the node the ingress routes to the services start from,
	// where it is the last on the way in.
	Routes string
	// VNetEdges are drawn last in the VNet (the gateway to its in-cluster
	// controller).
	VNetEdges []Edge
}

// entrances are the environment's components on the way in, as one
// diagram draws them, outermost first.
func entrances(v View, byID map[string]Drawing) []*Entrance {
	var out []*Entrance
	for _, c := range plan.EdgeOrder(v.Env) {
		if d, ok := byID[c.ID()]; ok && d.Entrance != nil {
			out = append(out, d.Entrance)
		}
	}
	return out
}

// wayIn draws the edges from the users through the entrances and returns
// the node the ingress routes start from: the last entrance's Routes, or
// the node the way in ends at.
func (g *graph) wayIn(ents []*Entrance) string {
	from, routes := "Users", ""
	for _, en := range ents {
		g.edge(from, en.In, en.InLabel)
		for _, e := range en.Edges {
			g.line2(e)
		}
		from = en.In
		if en.Out != "" {
			from = en.Out
		}
		routes = en.Routes
	}
	if routes == "" {
		return from
	}
	return routes
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
	// Tier styles the node; "" takes the tier of the slot it is drawn in
	// (a Drawing's Managed are data, Regional messaging, Azure platform).
	Tier Tier
	// Icon is the Azure architecture icon of the service the node draws,
	// by its path in PlantUML's standard library ("Databases/AzureRedisCache");
	// "" for none.
	Icon string
	// Endpoint is, in Drawing.Endpoints, the key of the private endpoint
	// the node draws; "" for the component's first endpoint.
	Endpoint string
}

// endpointSubnet draws the endpoints subnet with its nodes, where the
// environment has one.
func endpointSubnet(g *graph, v View, comps map[string]Drawing) {
	s, ok := v.Env.Network.Subnet("endpoints")
	if !ok {
		return
	}
	g.sub("SnetPE", subnetLabel(s), TierNetwork, func() {
		for _, n := range endpointNodes(v, comps) {
			n.Tier, n.Icon = TierEndpoint, "Networking/AzurePrivateLink"
			g.shape(n)
		}
	})
}

// endpointNodes are the endpoints subnet's nodes: one per private
// endpoint the plan lists, in its order, each as its component draws it.
func endpointNodes(v View, comps map[string]Drawing) []Shape {
	var out []Shape
	for _, pe := range v.Env.PrivateEndpoints {
		out = append(out, endpointNode(v, pe, comps[pe.Service]))
	}
	return out
}

// endpointNode is how one endpoint is drawn: its component's shape for
// it, else a node of its own named after the endpoint's handle.
func endpointNode(v View, pe plan.PrivateEndpoint, d Drawing) Shape {
	for _, s := range d.Endpoints {
		if s.Endpoint == pe.Key || s.Endpoint == "" && pe.First() {
			return s
		}
	}
	label := "Private Endpoint: " + pe.Title
	if v.Network {
		label = "PE: " + pe.Title
	}
	if !pe.First() {
		label += " (" + pe.Key + ")"
	}
	return Shape{ID: id("pe", pe.Handle), Label: label, Endpoint: pe.Key}
}

// Edge is a line between two nodes; Dotted for what is not a request,
// Control for a controller acting on what it manages.
type Edge struct {
	From, To, Label string
	Dotted          bool
	Control         bool
}

func (g *graph) shape(s Shape) {
	k := KindBox
	if s.DB {
		k = KindDB
	}
	g.put(s.ID, s.Label, k, s.Tier)
	g.last().Icon = s.Icon
}

func (g *graph) line2(e Edge) {
	switch {
	case e.Control:
		g.link(Link{From: e.From, To: e.To, Label: e.Label, Style: Control})
	case e.Dotted:
		g.dotted(e.From, e.To, e.Label)
	default:
		g.edge(e.From, e.To, e.Label)
	}
}

// group draws a component's group in the slot's tier.
func (g *graph) group(gr *Group, tier Tier) {
	st := TierNetwork // a subnet
	if tier == TierMessage {
		st = tier // a namespace
	}
	g.sub(gr.ID, gr.Label, st, func() {
		prev := g.tier
		g.tier = tier
		for _, n := range gr.Nodes {
			g.shape(n)
		}
		g.tier = prev
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

// ID is a node ID made of a prefix and a name ("svc", "auth-service"), as
// the core's own nodes are named.
func ID(prefix, name string) string { return id(prefix, name) }

// SubnetLabel is how a subnet's subgraph is labelled.
func SubnetLabel(s plan.Subnet) string { return subnetLabel(s) }
