package bastion

import (
	"github.com/physarch/physarch/internal/render/mermaid"
)

// Draw implements mermaid.Drawn: Bastion and the jump host in one group
// labelled with both subnets, Bastion handing SSH to the jump host; in the
// physical diagram the jump host reaching the cluster's private API.
func (c *Component) Draw(v mermaid.View) mermaid.Drawing {
	if c.Subnet.CIDR == "" {
		return mermaid.Drawing{}
	}
	label := mermaid.SubnetLabel(c.Subnet)
	if c.Management.CIDR != "" {
		label += " + " + mermaid.SubnetLabel(c.Management)
	}
	if c.RunnerSubnet.CIDR != "" {
		label += " + " + mermaid.SubnetLabel(c.RunnerSubnet)
	}
	g := &mermaid.Group{ID: "SnetBastion", Label: label,
		Nodes: []mermaid.Shape{{ID: "Bastion", Label: "Azure Bastion " + c.SKU}}}
	d := mermaid.Drawing{Subnet: g}
	if c.JumpHost && c.Management.CIDR != "" {
		jump := v.T("점프 호스트 ", "Jump host ") + JumpHostSize
		if v.Network {
			jump += "<br/>" + v.T("API·PE 443", "API, PE 443")
		}
		g.Nodes = append(g.Nodes, mermaid.Shape{ID: "JumpHost", Label: jump})
		g.Edges = []mermaid.Edge{{From: "Bastion", To: "JumpHost", Label: "SSH 22"}}
		if !v.Network {
			d.Late = []mermaid.Edge{{From: "JumpHost", To: mermaid.NodeCluster, Label: v.T("kubectl (비공개 API)", "kubectl (private API)"), Dotted: true}}
		}
	}
	return d
}
