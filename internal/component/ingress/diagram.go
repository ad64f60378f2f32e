package ingress

import "github.com/physarch/physarch/internal/render/diagram"

// Draw implements diagram.Drawn: the controller in the cluster, reached
// from the users through the load balancer, routing to the services.
func (*Component) Draw(v diagram.View) diagram.Drawing {
	en := &diagram.Entrance{
		Cluster: &diagram.Shape{ID: "Ingress", Label: "NGINX Ingress Controller (LoadBalancer)"},
		In:      "Ingress", InLabel: "HTTPS", Routes: "Ingress",
	}
	if v.Network {
		en.Cluster.Label, en.InLabel = "NGINX Ingress (LoadBalancer)", "HTTP/HTTPS"
	}
	return diagram.Drawing{Entrance: en}
}
