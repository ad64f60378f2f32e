package firewall

import (
	"github.com/physarch/physarch/internal/render/mermaid"
)

// nodeID is the firewall's node.
const nodeID = "Firewall"

// Draw implements mermaid.Drawn: the firewall in its subnet, with the
// cluster's default route to it and the external systems behind it. In
// development's physical diagram, which draws no subnets, it is a
// managed node; the network diagram draws the route only in production,
// with its other late edges.
func (x *Component) Draw(v mermaid.View) mermaid.Drawing {
	node := mermaid.Shape{ID: nodeID, Label: "Azure Firewall " + x.Tier + "<br/>" + x.PrivateIP}
	var edges []mermaid.Edge
	if x.Routes {
		from := mermaid.NodeCluster
		if v.Network {
			from = "SnetAKS"
		}
		edges = append(edges, mermaid.Edge{From: from, To: nodeID, Label: "0.0.0.0/0 (UDR)", Dotted: true})
		for _, ext := range v.Plan.External {
			edges = append(edges, mermaid.Edge{From: nodeID, To: mermaid.ID("ext", ext.Name), Label: "HTTPS:443", Dotted: true})
		}
	}
	sub := &mermaid.Group{ID: "SnetFirewall", Label: mermaid.SubnetLabel(x.Subnet), Nodes: []mermaid.Shape{node}}
	switch {
	case v.Network: // the network diagram draws its own edges last
		return mermaid.Drawing{Subnet: sub, Late: edges}
	case v.Env.IsProdLike():
		return mermaid.Drawing{Subnet: sub, Edges: edges}
	}
	return mermaid.Drawing{Managed: []mermaid.Shape{node}, Edges: edges}
}
