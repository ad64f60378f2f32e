package approuting

import (
	"strconv"

	networkingv1 "k8s.io/api/networking/v1"

	"github.com/physarch/physarch/internal/render/k8s"
)

// Annotations of the add-on and of NGINX (Microsoft, "Set up a custom
// domain name and SSL certificate with the application routing add-on";
// ingress-nginx's annotation reference).
const (
	annotationKeyVault = "kubernetes.azure.com/tls-cert-keyvault-uri"
	annotationLimitRPM = "nginx.ingress.kubernetes.io/limit-rpm"
	annotationRedirect = "nginx.ingress.kubernetes.io/ssl-redirect"
)

// IngressClass implements k8s.IngressServed.
func (*Component) IngressClass() string { return Class }

// IngressHost implements k8s.IngressServed.
func (x *Component) IngressHost() string { return x.Domain }

// IngressAnnotations implements k8s.IngressTuned: the Key Vault
// certificate the add-on syncs (its URI from the Terraform output), and
// NGINX's per-client limit.
func (x *Component) IngressAnnotations() map[string]string {
	a := map[string]string{}
	if x.TLS {
		a[annotationKeyVault] = k8s.Placeholder(outputCertificate)
		a[annotationRedirect] = "true"
	}
	if x.RateLimit > 0 {
		a[annotationLimitRPM] = strconv.Itoa(x.RateLimit)
	}
	return a
}

// IngressProbe implements k8s.IngressTuned: behind the Application
// Gateway its probe's path, routed exactly to the service that serves
// it; in front nothing probes NGINX.
func (x *Component) IngressProbe() (path, service string) { return x.ProbePath, x.ProbeService }

// IngressTLS implements k8s.IngressSecured: the Secret the add-on syncs
// the certificate into, for the host.
func (x *Component) IngressTLS() []networkingv1.IngressTLS {
	if !x.TLS {
		return nil
	}
	t := networkingv1.IngressTLS{SecretName: x.TLSSecret}
	if x.Domain != "" {
		t.Hosts = []string{x.Domain}
	}
	return []networkingv1.IngressTLS{t}
}

// Peer implements k8s.Peered: NGINX's pods, in the add-on's namespace.
func (*Component) Peer(_ k8s.Context) networkingv1.NetworkPolicyPeer {
	return k8s.NamespacePeer(Namespace)
}
