package apimanagement

import (
	"fmt"

	"github.com/physarch/physarch/internal/render/diagram"
)

// nodeID is the gateway's node.
const nodeID = "APIM"

// Label is how the diagrams name the service: tier, units and mode.
func (x *Component) Label(t func(ko, en string) string) string {
	mode := t("내부 VNet 모드", "internal VNet mode")
	if !x.Internal {
		mode = t("VNet 통합 (아웃바운드)", "VNet integration (outbound)")
	}
	return fmt.Sprintf("API Management %s × %d\n%s", x.Tier, x.Units, mode)
}

// Draw implements diagram.Drawn: the gateway in its subnet calling each
// API's service through its internal load balancer (the network diagram
// names the load balancer's address). Outside production, where no
// subnets are drawn, it is a managed node. Standard v2's public gateway is
// reached from the users as well.
func (x *Component) Draw(v diagram.View) diagram.Drawing {
	node := diagram.Shape{ID: nodeID, Label: x.Label(v.T), Tier: diagram.TierGateway, Icon: "Web/AzureAPIManagement"}
	var edges []diagram.Edge
	for _, a := range x.APIs {
		label := a.Route
		if v.Network {
			label = fmt.Sprintf("ILB %s:%d", a.IP, a.Port)
		}
		edges = append(edges, diagram.Edge{From: nodeID, To: diagram.ID("svc", a.Service), Label: label})
	}
	if !x.Internal {
		edges = append([]diagram.Edge{{From: "Users", To: nodeID, Label: "HTTPS"}}, edges...)
	}
	if v.Network {
		node.Label += "\n" + v.T("백엔드", "backends") + ": " + diagram.SubnetLabel(x.Backends)
	}
	if v.Network || v.Env.IsProdLike() {
		return diagram.Drawing{Subnet: &diagram.Group{ID: "SnetApim", Label: diagram.SubnetLabel(x.Subnet), Nodes: []diagram.Shape{node}, Edges: edges}}
	}
	return diagram.Drawing{Managed: []diagram.Shape{node}, Edges: edges}
}
