package agc

import (
	"strconv"

	networkingv1 "k8s.io/api/networking/v1"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/k8s"
)

// OverlayFile is the file the Gateway and the HTTPRoutes go in.
const OverlayFile = "gateway.yaml"

// Listener and header names the objects and the documents share.
const (
	listenerHTTPS = "https"
	listenerHTTP  = "http"
	fdidHeader    = "X-Azure-FDID"
	// addressType is the ALB controller's address type naming a frontend
	// of a traffic controller Terraform made (bring your own deployment).
	addressType = "alb.networking.azure.io/alb-frontend"
	// albIDAnnotation names the traffic controller on the Gateway.
	albIDAnnotation = "alb.networking.azure.io/alb-id"
)

// listener is the Gateway's one listener name.
func (x *Component) listener() string {
	if x.TLS {
		return listenerHTTPS
	}
	return listenerHTTP
}

// OverlayFile implements k8s.Filed: in the environment's namespace the
// Gateway on the frontend (HTTPS with the operator's certificate Secret,
// or HTTP), and in each namespace with routes its HTTPRoutes: each route
// prefix to its service, the edge's probe path exactly to the service
// that serves it, and behind Front Door only requests with this
// profile's X-Azure-FDID (Front Door sets the header and a client cannot
// forge it through Front Door; without the match anyone could reach the
// frontend around Front Door's WAF and rate limit).
func (x *Component) OverlayFile(c k8s.Context) (string, []any) {
	e := c.Env()
	var objs []any
	if c.Namespace() == e.Namespace {
		objs = append(objs, x.gateway(c))
	}
	rules := x.rules(c.Plan(), e, c.Namespace())
	for i := 0; i < len(rules); i += maxRules {
		end := min(i+maxRules, len(rules))
		name := x.Gateway
		if i > 0 {
			name += "-" + strconv.Itoa(i/maxRules+1)
		}
		rt := HTTPRoute{
			TypeMeta:   k8s.TypeMeta(GatewayAPIVersion, "HTTPRoute"),
			ObjectMeta: c.ObjectMeta(name, c.Meta("")),
			Spec: HTTPRouteSpec{
				ParentRefs: []ParentRef{{Name: x.Gateway, Namespace: e.Namespace, SectionName: x.listener()}},
				Rules:      rules[i:end],
			},
		}
		if x.Domain != "" {
			rt.Spec.Hostnames = []string{x.Domain}
		}
		objs = append(objs, rt)
	}
	return OverlayFile, objs
}

// gateway is the Gateway bound to the frontend Terraform made.
func (x *Component) gateway(c k8s.Context) Gateway {
	from := "Same"
	if c.Env().MultiNamespace() {
		from = "All" // each namespace's HTTPRoute attaches to this Gateway
	}
	l := Listener{Name: x.listener(), Hostname: x.Domain, Port: 80, Protocol: "HTTP", AllowedRoutes: &AllowedRoutes{Namespaces: RouteNamespaces{From: from}}}
	if x.TLS {
		l.Port, l.Protocol = 443, "HTTPS"
		l.TLS = &ListenerTLS{Mode: "Terminate", CertificateRefs: []ObjectRef{{Group: "", Kind: "Secret", Name: x.TLSSecret}}}
	}
	meta := c.ObjectMeta(x.Gateway, c.Meta(""))
	meta.Annotations = map[string]string{albIDAnnotation: k8s.Placeholder(outputID)}
	return Gateway{
		TypeMeta:   k8s.TypeMeta(GatewayAPIVersion, "Gateway"),
		ObjectMeta: meta,
		Spec: GatewaySpec{GatewayClassName: GatewayClass, Listeners: []Listener{l},
			Addresses: []GatewayAddress{{Type: addressType, Value: x.Frontend}}},
	}
}

// rules are the route rules of one namespace, in flow order, with the
// probe path last.
func (x *Component) rules(pl *plan.Plan, e *plan.Env, ns string) []RouteRule {
	var headers []HeaderMatch
	if _, behind := front(e); behind {
		headers = []HeaderMatch{{Type: "Exact", Name: fdidHeader, Value: k8s.Placeholder(outputFDID)}}
	}
	var out []RouteRule
	probePort := 0
	for _, f := range e.FlowsOfKind("ingress") {
		if e.NamespaceOf(f.To) != ns {
			continue
		}
		route := ""
		for _, sv := range pl.Services {
			if sv.Name == f.To {
				route = sv.Route
			}
		}
		if f.To == x.ProbeService {
			probePort = f.Port
		}
		out = append(out, RouteRule{Matches: []RouteMatch{{Path: PathMatch{Type: "PathPrefix", Value: route}, Headers: headers}},
			BackendRefs: []BackendRef{{Name: f.To, Port: int32(f.Port)}}})
	}
	if probePort != 0 {
		out = append(out, RouteRule{Matches: []RouteMatch{{Path: PathMatch{Type: "Exact", Value: x.ProbePath}, Headers: headers}},
			BackendRefs: []BackendRef{{Name: x.ProbeService, Port: int32(probePort)}}})
	}
	return out
}

// Peer implements k8s.Peered: the traffic controller's proxies reach the
// pods from the association subnet.
func (x *Component) Peer(_ k8s.Context) networkingv1.NetworkPolicyPeer {
	if x.placed() {
		return k8s.BlockPeer(x.Subnet.CIDR)
	}
	return k8s.BlockPeer(k8s.Anywhere)
}
