package bastion

import (
	"github.com/physarch/physarch/internal/render/diagram"
)

// Draw implements diagram.Drawn: Bastion and the jump host in one group
// labelled with both subnets, Bastion handing SSH to the jump host; in the
// physical diagram the jump host reaching the cluster's private API.
func (c *Component) Draw(v diagram.View) diagram.Drawing {
	if c.Subnet.CIDR == "" {
		return diagram.Drawing{}
	}
	label := diagram.SubnetLabel(c.Subnet)
	if c.Management.CIDR != "" {
		label += " + " + diagram.SubnetLabel(c.Management)
	}
	if c.RunnerSubnet.CIDR != "" {
		label += " + " + diagram.SubnetLabel(c.RunnerSubnet)
	}
	g := &diagram.Group{ID: "SnetBastion", Label: label,
		Nodes: []diagram.Shape{{ID: "Bastion", Label: "Azure Bastion " + c.SKU, Tier: diagram.TierPlatform, Icon: "Networking/AzureBastion"}}}
	d := diagram.Drawing{Subnet: g}
	if c.JumpHost && c.Management.CIDR != "" {
		jump := v.T("점프 호스트 ", "Jump host ") + JumpHostSize
		if v.Network {
			jump += "\n" + v.T("API·PE 443", "API, PE 443")
		}
		g.Nodes = append(g.Nodes, diagram.Shape{ID: "JumpHost", Label: jump, Tier: diagram.TierPlatform})
		g.Edges = []diagram.Edge{{From: "Bastion", To: "JumpHost", Label: "SSH 22"}}
		if !v.Network {
			d.Late = []diagram.Edge{{From: "JumpHost", To: diagram.NodeCluster, Label: v.T("kubectl (비공개 API)", "kubectl (private API)"), Dotted: true}}
		}
	}
	return d
}
