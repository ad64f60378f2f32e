package istiogateway

import "github.com/physarch/physarch/internal/render/diagram"

// Draw implements diagram.Drawn: the add-on's gateway in the cluster,
// reached through its load balancer (the internal one from the
// Application Gateway, else the public one from the users), routing to
// the services with mutual TLS.
func (x *Component) Draw(v diagram.View) diagram.Drawing {
	label := v.T("Istio 인그레스 게이트웨이 (외부 LoadBalancer)", "Istio ingress gateway (external LoadBalancer)")
	in := "HTTP"
	if x.TLS {
		in = "HTTPS"
	}
	if x.Internal {
		label = v.T("Istio 인그레스 게이트웨이 (내부 LoadBalancer)", "Istio ingress gateway (internal LoadBalancer)")
		in = v.T("HTTP (내부 LB)", "HTTP (internal LB)")
	}
	en := &diagram.Entrance{
		Cluster: &diagram.Shape{ID: "Ingress", Label: label},
		In:      "Ingress", InLabel: in, Routes: "Ingress",
	}
	return diagram.Drawing{Entrance: en}
}
