package agc

import "github.com/physarch/physarch/internal/render/diagram"

// Draw implements diagram.Drawn: the traffic controller's frontend
// outside the cluster, its association in its delegated subnet handing
// requests to the pods, and the ALB controller in the cluster, which
// configures it from the Gateway API objects. Development's physical
// diagram draws no subnets: there the frontend routes to the services
// directly.
func (x *Component) Draw(v diagram.View) diagram.Drawing {
	in := "HTTPS"
	if !x.TLS {
		in = "HTTP"
	}
	sub := &diagram.Group{ID: "SnetAGC", Label: diagram.SubnetLabel(x.Subnet)}
	en := &diagram.Entrance{In: "AGCFrontend", InLabel: in, Routes: "AGCAssociation", Subnet: sub,
		Cluster: &diagram.Shape{ID: "ALBController", Label: "ALB Controller (Gateway API)"}}
	switch {
	case v.Network:
		sub.Nodes = []diagram.Shape{
			{ID: "AGCFrontend", Label: v.T("Frontend (공용 FQDN)", "Frontend (public FQDN)")},
			{ID: "AGCAssociation", Label: v.T("Association (위임 서브넷)", "Association (delegated subnet)")},
		}
		en.Cluster = nil
		en.Out = "AGCAssociation"
		en.Edges = []diagram.Edge{{From: "AGCFrontend", To: "AGCAssociation"}}
	case v.Env.IsProdLike():
		sub.Nodes = []diagram.Shape{{ID: "AGCFrontend", Label: "Application Gateway for Containers\n" + x.Frontend}}
		en.In, en.Routes = "AGCFrontend", "AGCFrontend"
		en.VNetEdges = []diagram.Edge{{From: "ALBController", To: "AGCFrontend", Label: v.T("구성", "configures")}}
	default:
		en.Subnet = nil
		en.Cluster = &diagram.Shape{ID: "AGCFrontend", Label: "Application Gateway for Containers (ALB Controller)"}
		en.In, en.Routes = "AGCFrontend", "AGCFrontend"
	}
	return diagram.Drawing{Entrance: en}
}
