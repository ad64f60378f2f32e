package appgateway

import (
	"fmt"

	"github.com/physarch/physarch/internal/render/mermaid"
)

// Draw implements mermaid.Drawn: in the physical diagram the gateway in
// its subnet handing requests to AGIC in the cluster; in the network
// diagram its public address, WAF, rate limit and private address in a
// row. Development's physical diagram draws no subnets: there requests
// reach the controller in the cluster directly.
func (c *Component) Draw(v mermaid.View) mermaid.Drawing {
	sub := &mermaid.Group{ID: "SnetGateway", Label: mermaid.SubnetLabel(c.Subnet)}
	in := "HTTPS"
	if !c.TLS {
		in = "HTTP"
	}
	// Behind Front Door the gateway's own check is the profile's id; the
	// per-client limit is Front Door's.
	check := fmt.Sprintf("Rate limit (%d req/min/IP)", c.RateLimit)
	if _, behind := front(v.Env); behind {
		check = "X-Azure-FDID check"
	}
	en := &mermaid.Entrance{In: "AppGateway", InLabel: in, Routes: "Ingress", Subnet: sub,
		Cluster: &mermaid.Shape{ID: "Ingress", Label: "Application Gateway Ingress Controller"}}
	switch {
	case v.Network:
		sub.Nodes = []mermaid.Shape{
			{ID: "PublicIP", Label: v.T("Public IP (고정)", "Public IP (static)")},
			{ID: "WAF", Label: fmt.Sprintf("WAF (OWASP CRS 3.2, %s)", c.WAFMode)},
			{ID: "RateLimit", Label: check},
			{ID: "PrivateIP", Label: "Private IP " + c.PrivateIP},
		}
		en.Cluster = nil
		en.In, en.Out, en.Routes = "PublicIP", "PrivateIP", "PrivateIP"
		en.Edges = []mermaid.Edge{{From: "PublicIP", To: "WAF"}, {From: "WAF", To: "RateLimit"}, {From: "RateLimit", To: "PrivateIP"}}
	case v.Env.IsProdLike():
		sub.Nodes = []mermaid.Shape{{ID: "AppGateway", Label: fmt.Sprintf("Application Gateway WAF_v2<br/>%s<br/>%s", c.PrivateIP, v.T("자동 확장", "autoscale")+fmt.Sprintf(" %d–%d", c.MinCapacity, c.MaxCapacity))}}
		en.VNetEdges = []mermaid.Edge{{From: "AppGateway", To: "Ingress", Label: "AGIC"}}
	default:
		en.Subnet, en.In = nil, "Ingress"
	}
	return mermaid.Drawing{Entrance: en}
}
