package servicebus

import (
	networkingv1 "k8s.io/api/networking/v1"

	"github.com/physarch/physarch/internal/render/k8s"
)

// Peer implements k8s.Peered: the namespace behind its private endpoint;
// without one (below Premium) its public endpoint, wherever that is.
func (c *Component) Peer(x k8s.Context) networkingv1.NetworkPolicyPeer {
	return x.ServicePeer("", c.endpoint)
}
