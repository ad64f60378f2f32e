package appgateway

import (
	networkingv1 "k8s.io/api/networking/v1"

	"github.com/physarch/physarch/internal/render/k8s"
)

// IngressClass implements k8s.IngressServed: the Application Gateway
// Ingress Controller; the gateway carries the WAF policy (Terraform), so
// the Ingress needs no annotation for it.
func (*Component) IngressClass() string { return "azure-application-gateway" }

// IngressHost implements k8s.IngressServed.
func (c *Component) IngressHost() string { return c.Domain }

// Peer implements k8s.Peered: AGIC reaches the pods from the gateway's
// subnet.
func (c *Component) Peer(_ k8s.Context) networkingv1.NetworkPolicyPeer {
	if c.Subnet.CIDR != "" {
		return k8s.BlockPeer(c.Subnet.CIDR)
	}
	return k8s.BlockPeer(k8s.Anywhere)
}
