package appgateway

import (
	"fmt"

	"github.com/physarch/physarch/internal/render/diagram"
)

// Draw implements diagram.Drawn: in the physical diagram the gateway in
// its subnet sending requests to the pods itself, with AGIC in the cluster
// off the data path (a dashed edge: it writes the gateway's routing from
// the Ingress objects); in the network diagram its public address, WAF,
// rate limit and private address in a row.
func (c *gateway) Draw(v diagram.View) diagram.Drawing {
	sub := &diagram.Group{ID: "SnetGateway", Label: diagram.SubnetLabel(c.Subnet)}
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
	en := &diagram.Entrance{In: "AppGateway", InLabel: in, Routes: "AppGateway", Subnet: sub,
		Cluster: &diagram.Shape{ID: "Ingress", Label: "Application Gateway Ingress Controller (AGIC)", Tier: diagram.TierControl}}
	switch {
	case v.Network:
		sub.Nodes = []diagram.Shape{
			{ID: "PublicIP", Label: v.T("Public IP (고정)", "Public IP (static)")},
			{ID: "WAF", Label: fmt.Sprintf("WAF (OWASP CRS 3.2, %s)", c.WAFMode)},
			{ID: "RateLimit", Label: check},
			{ID: "PrivateIP", Label: "Private IP " + c.PrivateIP},
		}
		en.Cluster = nil
		en.In, en.Out, en.Routes = "PublicIP", "PrivateIP", "PrivateIP"
		en.Edges = []diagram.Edge{{From: "PublicIP", To: "WAF"}, {From: "WAF", To: "RateLimit"}, {From: "RateLimit", To: "PrivateIP"}}
	default:
		sub.Nodes = []diagram.Shape{{ID: "AppGateway", Icon: "Networking/AzureApplicationGateway", Label: fmt.Sprintf("Application Gateway WAF_v2\n%s\n%s", c.PrivateIP, v.T("자동 스케일링", "autoscale")+fmt.Sprintf(" %d–%d", c.MinCapacity, c.MaxCapacity))}}
		en.VNetEdges = []diagram.Edge{{From: "AppGateway", To: "Ingress", Label: v.T("AGIC가 라우팅 설정", "routing set by AGIC"), Control: true}}
	}
	if c.fronting {
		// In front of the controller: the gateway forwards to it, and the
		// controller (the next entrance) routes to the services.
		en.Cluster, en.VNetEdges, en.Routes = nil, nil, ""
	}
	return diagram.Drawing{Entrance: en}
}
