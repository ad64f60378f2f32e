package plan

import "strings"

// Flow is one allowed connection: the network policies, NSG rules and
// diagram edges are all drawn from this one list.
type Flow struct {
	From, To string
	Port     int
	Proto    string // TCP, HTTPS, AMQP
	Kind     string // ingress, call, database, cache, messaging, external
	Route    string // the route prefix, for ingress flows
}

// Well-known ports of the backing services.
const (
	PortHTTPS = 443
)

// IngressName is the in-plan name of the ingress controller endpoint: the
// ID of the component that is the environment's ingress controller.
const IngressName = "ingress"

func (pl *Plan) flows(e *Env) []Flow {
	var out []Flow
	for _, sv := range pl.Services {
		if sv.Route != "" {
			out = append(out, Flow{From: IngressName, To: sv.Name, Port: sv.Port, Proto: "TCP", Kind: "ingress", Route: RoutePattern(sv.Route)})
		}
	}
	port := map[string]int{}
	for _, sv := range pl.Services {
		port[sv.Name] = sv.Port
	}
	for _, sv := range pl.Services {
		for _, c := range sv.Calls {
			out = append(out, Flow{From: sv.Name, To: c, Port: port[c], Proto: "TCP", Kind: "call"})
		}
		// Two components may need the same connection (each storage
		// account a service signs in to needs its token from the same
		// authority): one flow, one policy rule, one table row.
		seen := map[Flow]bool{}
		for _, c := range Facets[Flowing](e) {
			for _, f := range c.Flows(pl, e, sv) {
				if !seen[f] {
					seen[f] = true
					out = append(out, f)
				}
			}
		}
		for _, x := range sv.External {
			out = append(out, Flow{From: sv.Name, To: x, Port: PortHTTPS, Proto: "HTTPS", Kind: "external"})
		}
	}
	return out
}

// RoutePattern is the path pattern of a route prefix as the documents and
// the availability report print it: the prefix and everything below it.
// The root route is "/**", not "//**".
func RoutePattern(route string) string { return strings.TrimRight(route, "/") + "/**" }

// FlowsOfKind returns the flows of one kind.
func (e *Env) FlowsOfKind(kind string) []Flow {
	var out []Flow
	for _, f := range e.Flows {
		if f.Kind == kind {
			out = append(out, f)
		}
	}
	return out
}
