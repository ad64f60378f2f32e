package apimanagement

import (
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"

	"github.com/physarch/physarch/internal/render/k8s"
)

// Annotations of the Azure cloud provider's load balancer Services
// (cloud-provider-azure, "Azure LoadBalancer annotations").
const (
	annInternal       = "service.beta.kubernetes.io/azure-load-balancer-internal"
	annInternalSubnet = "service.beta.kubernetes.io/azure-load-balancer-internal-subnet"
	annIPv4           = "service.beta.kubernetes.io/azure-load-balancer-ipv4"
)

// Manifests implements k8s.Manifested: per API an internal load balancer
// Service in the service's namespace, on the address the backend names.
// externalTrafficPolicy Local keeps the gateway's address, so the
// service's NetworkPolicy can admit the gateway's subnet and nothing else.
func (x *Component) Manifests(c k8s.Context) ([]any, error) {
	if !x.placed() {
		return nil, nil
	}
	e := c.Env()
	var out []any
	for _, a := range x.APIs {
		meta := c.ObjectMeta(a.LoadBalancer, c.Meta(a.LoadBalancer))
		meta.Namespace = e.NamespaceOf(a.Service)
		meta.Annotations = map[string]string{annInternal: "true", annInternalSubnet: x.Backends.Name, annIPv4: a.IP}
		out = append(out, corev1.Service{
			TypeMeta:   k8s.TypeMeta("v1", "Service"),
			ObjectMeta: meta,
			Spec: corev1.ServiceSpec{
				Type:                  corev1.ServiceTypeLoadBalancer,
				ExternalTrafficPolicy: corev1.ServiceExternalTrafficPolicyLocal,
				Selector:              k8s.PodPeer(a.Service).PodSelector.MatchLabels,
				Ports: []corev1.ServicePort{{Name: "http", Port: int32(a.Port), TargetPort: k8s.Port(a.Port),
					Protocol: corev1.ProtocolTCP}},
			},
		})
	}
	return out, nil
}

// Peer implements k8s.Peered: the gateway's calls come from its subnet.
func (x *Component) Peer(_ k8s.Context) networkingv1.NetworkPolicyPeer {
	if x.Subnet.CIDR != "" {
		return k8s.BlockPeer(x.Subnet.CIDR)
	}
	return k8s.BlockPeer(k8s.Anywhere)
}
