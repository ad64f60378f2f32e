package firewall

import (
	"github.com/physarch/physarch/internal/render/diagram"
)

// nodeID is the firewall's node.
const nodeID = "Firewall"

// Draw implements diagram.Drawn: the firewall in its subnet, with the
// cluster's default route to it and the external systems behind it. In
// development's physical diagram, which draws no subnets, it is a
// managed node; the network diagram draws the route only in production,
// with its other late edges.
func (x *Component) Draw(v diagram.View) diagram.Drawing {
	node := diagram.Shape{ID: nodeID, Label: "Azure Firewall " + x.Tier + "\n" + x.PrivateIP, Tier: diagram.TierGateway, Icon: "Networking/AzureFirewall"}
	var edges []diagram.Edge
	if x.Routes {
		from := diagram.NodeCluster
		if v.Network {
			from = "SnetAKS"
		}
		edges = append(edges, diagram.Edge{From: from, To: nodeID, Label: "0.0.0.0/0 (UDR)", Dotted: true})
		for _, ext := range v.Plan.External {
			edges = append(edges, diagram.Edge{From: nodeID, To: diagram.ID("ext", ext.Name), Label: "HTTPS:443", Dotted: true})
		}
	}
	sub := &diagram.Group{ID: "SnetFirewall", Label: diagram.SubnetLabel(x.Subnet), Nodes: []diagram.Shape{node}}
	switch {
	case v.Network: // the network diagram draws its own edges last
		return diagram.Drawing{Subnet: sub, Late: edges}
	case v.Env.IsProdLike():
		return diagram.Drawing{Subnet: sub, Edges: edges}
	}
	return diagram.Drawing{Managed: []diagram.Shape{node}, Edges: edges}
}
