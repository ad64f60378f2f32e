package ingress

import "github.com/physarch/physarch/internal/render/mermaid"

// Draw implements mermaid.Drawn: the controller in the cluster, reached
// from the users through the load balancer, routing to the services.
func (*Component) Draw(v mermaid.View) mermaid.Drawing {
	en := &mermaid.Entrance{
		Cluster: &mermaid.Shape{ID: "Ingress", Label: "NGINX Ingress Controller (LoadBalancer)"},
		In:      "Ingress", InLabel: "HTTPS", Routes: "Ingress",
	}
	if v.Network {
		en.Cluster.Label, en.InLabel = "NGINX Ingress (LoadBalancer)", "HTTP/HTTPS"
	}
	return mermaid.Drawing{Entrance: en}
}
