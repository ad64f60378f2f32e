// Package diagram builds the package's four diagrams (physical and
// network, per environment) from the plan as a graph model in no
// notation: nodes in nested groups, edges, and the tier each belongs to.
// The Mermaid and the PlantUML renderers write the same model, so the two
// notations cannot draw different architectures.
package diagram

// Tier is the layer of the architecture a node or group belongs to; the
// renderers style by it (classDef in Mermaid, colours in PlantUML).
type Tier string

// The tiers, top down as the diagrams lay them out.
const (
	TierUser     Tier = "user"
	TierEdge     Tier = "edge"     // in front of Azure (Front Door)
	TierGateway  Tier = "gateway"  // the way in: gateway, WAF, ingress
	TierControl  Tier = "control"  // a controller off the data path (AGIC)
	TierCluster  Tier = "cluster"  // AKS and its node pools
	TierService  Tier = "service"  // the application's workloads
	TierEndpoint Tier = "endpoint" // private endpoints
	TierData     Tier = "data"     // databases, caches, storage
	TierMessage  Tier = "message"  // queues, topics, event hubs
	TierPlatform Tier = "platform" // registry, vault, monitoring, CI/CD
	TierExternal Tier = "external" // systems outside Azure
	TierNetwork  Tier = "network"  // VNet, subnets, Azure
)

// Tiers are every tier in layout order, for the renderers' style tables.
var Tiers = []Tier{TierUser, TierEdge, TierGateway, TierControl, TierCluster, TierService,
	TierEndpoint, TierData, TierMessage, TierPlatform, TierExternal, TierNetwork}

// Kind is how a node is drawn.
type Kind int

// The node kinds.
const (
	KindBox Kind = iota
	KindDB       // a cylinder: a data store
	KindJob      // a hexagon: a scheduled job
)

// Node is one node of the model.
type Node struct {
	ID, Label string
	Kind      Kind
	Tier      Tier
	Icon      string // Shape.Icon
}

// Sub is a group of nodes and groups (a Mermaid subgraph, a PlantUML
// rectangle).
type Sub struct {
	ID, Label string
	Tier      Tier
	Items     []Item
	// Row lays the group's nodes out left to right in their order (the
	// zones of a node pool): layout engines otherwise order siblings
	// with no edges as they like ("Zone 3, Zone 1, Zone 2").
	Row bool
}

// Item is one element of a group: a node or a group.
type Item struct {
	Node *Node
	Sub  *Sub
}

// Style is how an edge is drawn.
type Style int

// The edge styles.
const (
	// Solid carries requests.
	Solid Style = iota
	// Dotted is what is not a request: replication, images, secrets,
	// placement.
	Dotted
	// Control is a controller acting on what it manages, off the data
	// path (AGIC configuring the gateway).
	Control
)

// Link is one edge of the model.
type Link struct {
	From, To, Label string
	Style           Style
}

// Graph is one diagram.
type Graph struct {
	// Name is the file name without its extension
	// ("physical-architecture-prod").
	Name    string
	Comment []string
	Items   []Item
	Links   []Link
}

// Walk calls node for every node and sub for every group, depth first, in
// order.
func (g *Graph) Walk(node func(*Node), sub func(*Sub)) {
	var walk func([]Item)
	walk = func(items []Item) {
		for _, it := range items {
			if it.Node != nil {
				node(it.Node)
				continue
			}
			sub(it.Sub)
			walk(it.Sub.Items)
		}
	}
	walk(g.Items)
}

// IDs are the IDs of every node and group of the graph.
func (g *Graph) IDs() map[string]bool {
	ids := map[string]bool{}
	g.Walk(func(n *Node) { ids[n.ID] = true }, func(s *Sub) { ids[s.ID] = true })
	return ids
}
