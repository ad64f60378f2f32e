package approuting

import "github.com/physarch/physarch/internal/render/diagram"

// Draw implements diagram.Drawn: managed NGINX in the cluster, reached
// from the users through its public load balancer, routing to the
// services.
func (x *Component) Draw(v diagram.View) diagram.Drawing {
	in := "HTTPS"
	if !x.TLS {
		in = "HTTP"
	}
	label := v.T("관리형 NGINX (애플리케이션 라우팅, LoadBalancer)", "Managed NGINX (application routing, LoadBalancer)")
	if x.Internal {
		label = v.T("관리형 NGINX (애플리케이션 라우팅, 내부 LoadBalancer)", "Managed NGINX (application routing, internal LoadBalancer)")
		in = v.T("HTTP (내부 LB)", "HTTP (internal LB)")
	}
	en := &diagram.Entrance{
		Cluster: &diagram.Shape{ID: "Ingress", Label: label},
		In:      "Ingress", InLabel: in, Routes: "Ingress",
	}
	return diagram.Drawing{Entrance: en}
}
