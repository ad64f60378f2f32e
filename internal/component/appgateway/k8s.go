package appgateway

import (
	networkingv1 "k8s.io/api/networking/v1"

	"github.com/physarch/physarch/internal/render/k8s"
)

// IngressClass implements k8s.IngressServed: the Application Gateway
// Ingress Controller; the gateway carries the WAF policy (Terraform), so
// the Ingress needs no annotation for it.
func (*Component) IngressClass() string { return "azure-application-gateway" }

// IngressAnnotations implements k8s.IngressTuned: with end-to-end TLS
// AGIC gives the Ingress an HTTPS listener with the certificate Terraform
// installed on the gateway (from Key Vault), redirects HTTP to it, and
// speaks HTTP to the pods inside the VNet (TLS ends at the gateway).
// Annotations: Microsoft, "Application Gateway Ingress Controller
// annotations", learn.microsoft.com/azure/application-gateway/
// ingress-controller-annotations.
func (c *Component) IngressAnnotations() map[string]string {
	if !c.TLS {
		return nil
	}
	return map[string]string{
		"appgw.ingress.kubernetes.io/appgw-ssl-certificate": gwCertificate,
		"appgw.ingress.kubernetes.io/ssl-redirect":          "true",
		"appgw.ingress.kubernetes.io/backend-protocol":      "http",
	}
}

// IngressProbe implements k8s.IngressTuned: the health path the edge
// probes, routed exactly to the service that serves it.
func (c *Component) IngressProbe() (path, service string) { return c.ProbePath, c.ProbeService }

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
