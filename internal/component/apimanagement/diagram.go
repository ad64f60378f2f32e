package apimanagement

import (
	"fmt"

	"github.com/physarch/physarch/internal/render/mermaid"
)

// nodeID is the gateway's node.
const nodeID = "APIM"

// Label is how the diagrams name the service: tier, units and mode.
func (x *Component) Label(t func(ko, en string) string) string {
	mode := t("내부 VNet 모드", "internal VNet mode")
	if !x.Internal {
		mode = t("VNet 통합 (아웃바운드)", "VNet integration (outbound)")
	}
	return fmt.Sprintf("API Management %s × %d<br/>%s", x.Tier, x.Units, mode)
}

// Draw implements mermaid.Drawn: the gateway in its subnet calling each
// API's service through its internal load balancer (the network diagram
// names the load balancer's address). Outside production, where no
// subnets are drawn, it is a managed node. Standard v2's public gateway is
// reached from the users as well.
func (x *Component) Draw(v mermaid.View) mermaid.Drawing {
	node := mermaid.Shape{ID: nodeID, Label: x.Label(v.T)}
	var edges []mermaid.Edge
	for _, a := range x.APIs {
		label := a.Route
		if v.Network {
			label = fmt.Sprintf("ILB %s:%d", a.IP, a.Port)
		}
		edges = append(edges, mermaid.Edge{From: nodeID, To: mermaid.ID("svc", a.Service), Label: label})
	}
	if !x.Internal {
		edges = append([]mermaid.Edge{{From: "Users", To: nodeID, Label: "HTTPS"}}, edges...)
	}
	if v.Network {
		node.Label += "<br/>" + v.T("백엔드", "backends") + ": " + mermaid.SubnetLabel(x.Backends)
	}
	if v.Network || v.Env.IsProdLike() {
		return mermaid.Drawing{Subnet: &mermaid.Group{ID: "SnetApim", Label: mermaid.SubnetLabel(x.Subnet), Nodes: []mermaid.Shape{node}, Edges: edges}}
	}
	return mermaid.Drawing{Managed: []mermaid.Shape{node}, Edges: edges}
}
