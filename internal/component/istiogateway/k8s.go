package istiogateway

import (
	networkingv1 "k8s.io/api/networking/v1"

	"github.com/physarch/physarch/internal/render/k8s"
)

// OverlayFile is the file the Gateway and the VirtualServices go in.
const OverlayFile = "istio-gateway.yaml"

// selectorLabel is the label of the add-on's gateway pods a Gateway
// selects.
const selectorLabel = "istio"

// OverlayFile implements k8s.Filed: in the environment's namespace the
// Gateway on the add-on's gateway pods (HTTP 80 behind the Application
// Gateway; on the external gateway HTTPS 443 with the operator's Secret
// and 80 redirected, or HTTP 80 without TLS), and in each namespace with
// routes a VirtualService: each route prefix to its service and the
// edge's probe path exactly to the service that serves it.
func (x *Component) OverlayFile(c k8s.Context) (string, []any) {
	e := c.Env()
	var objs []any
	if c.Namespace() == e.Namespace {
		objs = append(objs, x.gateway(c))
	}
	if routes := x.routes(c); len(routes) > 0 {
		objs = append(objs, VirtualService{
			TypeMeta:   k8s.TypeMeta(APIVersion, "VirtualService"),
			ObjectMeta: c.ObjectMeta(x.Gateway, c.Meta("")),
			Spec:       VirtualServiceSpec{Hosts: []string{x.host()}, Gateways: []string{e.Namespace + "/" + x.Gateway}, HTTP: routes},
		})
	}
	return OverlayFile, objs
}

// host is the host the gateway answers: the domain, else any.
func (x *Component) host() string {
	if x.Domain == "" {
		return "*"
	}
	return x.Domain
}

// gateway is the Gateway on the add-on's gateway pods.
func (x *Component) gateway(c k8s.Context) Gateway {
	hosts := []string{x.host()}
	servers := []Server{{Port: Port{Number: 80, Name: "http", Protocol: "HTTP"}, Hosts: hosts}}
	if x.TLS {
		servers[0].TLS = &ServerTLS{HTTPSRedirect: true}
		servers = append(servers, Server{Port: Port{Number: 443, Name: "https", Protocol: "HTTPS"}, Hosts: hosts,
			TLS: &ServerTLS{Mode: "SIMPLE", CredentialName: x.TLSSecret, MinVersion: "TLSV1_2"}})
	}
	return Gateway{
		TypeMeta:   k8s.TypeMeta(APIVersion, "Gateway"),
		ObjectMeta: c.ObjectMeta(x.Gateway, c.Meta("")),
		Spec:       GatewaySpec{Selector: map[string]string{selectorLabel: x.Service()}, Servers: servers},
	}
}

// routes are the namespace's routes, in flow order, with the probe path
// first (an exact match must come before the prefixes that contain it:
// Istio takes the first route that matches).
func (x *Component) routes(c k8s.Context) []HTTPRoute {
	e, ns := c.Env(), c.Namespace()
	var out []HTTPRoute
	for _, f := range e.FlowsOfKind("ingress") {
		if e.NamespaceOf(f.To) != ns {
			continue
		}
		route := ""
		for _, sv := range c.Plan().Services {
			if sv.Name == f.To {
				route = sv.Route
			}
		}
		dest := []Destination{{Destination: DestinationHost{Host: f.To + "." + ns + ".svc.cluster.local", Port: PortNumber{Number: f.Port}}}}
		if f.To == x.ProbeService {
			out = append([]HTTPRoute{{Name: "probe", Match: []RequestMatch{{URI: StringMatch{Exact: x.ProbePath}}}, Route: dest}}, out...)
		}
		out = append(out, HTTPRoute{Name: f.To, Match: []RequestMatch{{URI: StringMatch{Prefix: route}}}, Route: dest})
	}
	return out
}

// Peer implements k8s.Peered: the add-on's gateway pods, in their
// namespace.
func (*Component) Peer(_ k8s.Context) networkingv1.NetworkPolicyPeer {
	return k8s.NamespacePeer(Namespace)
}
