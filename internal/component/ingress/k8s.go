package ingress

import (
	networkingv1 "k8s.io/api/networking/v1"

	"github.com/physarch/physarch/internal/render/k8s"
)

// IngressClass implements k8s.IngressServed.
func (*Component) IngressClass() string { return "nginx" }

// IngressHost implements k8s.IngressServed.
func (c *Component) IngressHost() string { return c.Domain }

// Peer implements k8s.Peered: the controller's pods, in their namespace.
func (*Component) Peer(_ k8s.Context) networkingv1.NetworkPolicyPeer {
	return k8s.NamespacePeer(Namespace)
}
