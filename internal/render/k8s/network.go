package k8s

import (
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	"reflect"
	"slices"

	"github.com/physarch/physarch/internal/plan"
)

const anywhere = "0.0.0.0/0"

// networkPolicies deny everything in a namespace by default, then allow
// exactly the plan's flows of the workloads it runs: ingress controller →
// services, service → service (across namespaces too), service →
// database/cache/messaging/external systems, plus DNS. The ingress
// controller is the component whose ID is plan.IngressName: who it is to a
// policy is its Peer.
func (c envContext) networkPolicies(nsp plan.Namespace) []any {
	all := metaSelector{}
	out := []any{
		networkingv1.NetworkPolicy{
			TypeMeta:   typeMeta("networking.k8s.io/v1", "NetworkPolicy"),
			ObjectMeta: objectMeta("default-deny-all", nsp.Name, c.meta("", nil)),
			Spec: networkingv1.NetworkPolicySpec{PodSelector: all,
				PolicyTypes: []networkingv1.PolicyType{networkingv1.PolicyTypeIngress, networkingv1.PolicyTypeEgress}},
		},
		networkingv1.NetworkPolicy{
			TypeMeta:   typeMeta("networking.k8s.io/v1", "NetworkPolicy"),
			ObjectMeta: objectMeta("allow-dns", nsp.Name, c.meta("", nil)),
			Spec: networkingv1.NetworkPolicySpec{PodSelector: all,
				PolicyTypes: []networkingv1.PolicyType{networkingv1.PolicyTypeEgress},
				Egress: []networkingv1.NetworkPolicyEgressRule{{
					To:    []networkingv1.NetworkPolicyPeer{{NamespaceSelector: &metaSelector{MatchLabels: map[string]string{labelNSName: "kube-system"}}}},
					Ports: []networkingv1.NetworkPolicyPort{npPort(corev1.ProtocolUDP, 53), npPort(corev1.ProtocolTCP, 53)},
				}}},
		},
	}
	names := append([]string(nil), nsp.Services...)
	if nsp.Components {
		for _, p := range plan.Facets[Policied](c.e) {
			names = append(names, p.PolicyWorkloads()...)
		}
	}
	for _, n := range names {
		if np, ok := c.policyFor(n); ok {
			out = append(out, np)
		}
	}
	return out
}

func npPort(proto corev1.Protocol, p int) networkingv1.NetworkPolicyPort {
	return networkingv1.NetworkPolicyPort{Protocol: ptr(proto), Port: ptr(port(p))}
}

// peer returns who a flow endpoint is: a pod of this namespace, or an
// address block outside the cluster.
func (c envContext) peer(name string) networkingv1.NetworkPolicyPeer {
	pod := func() networkingv1.NetworkPolicyPeer {
		return networkingv1.NetworkPolicyPeer{PodSelector: &metaSelector{MatchLabels: selector(name)}}
	}
	block := func(cidr string) networkingv1.NetworkPolicyPeer {
		return networkingv1.NetworkPolicyPeer{IPBlock: &networkingv1.IPBlock{CIDR: cidr}}
	}
	if comp, ok := c.e.Component(name); ok {
		if p, ok := comp.(Peered); ok {
			return p.Peer(Context{c: c})
		}
	}
	if c.services[name] {
		return pod()
	}
	return block(anywhere) // an external system
}

// peerFrom is who a flow endpoint is to a policy in a namespace: a pod of
// another namespace is selected in it (namespaceSelector and
// podSelector); everything else as peer says.
func (c envContext) peerFrom(namespace, name string) networkingv1.NetworkPolicyPeer {
	p := c.peer(name)
	if p.PodSelector != nil && p.NamespaceSelector == nil {
		if ns := c.e.NamespaceOf(name); ns != namespace {
			p.NamespaceSelector = &metaSelector{MatchLabels: map[string]string{labelNSName: ns}}
		}
	}
	return p
}

// policyFor allows one workload's inbound and outbound flows, in the
// workload's namespace.
func (c envContext) policyFor(name string) (networkingv1.NetworkPolicy, bool) {
	var in []networkingv1.NetworkPolicyIngressRule
	var out []networkingv1.NetworkPolicyEgressRule
	ns := c.e.NamespaceOf(name)
	local := c.peer(name).PodSelector != nil
	for _, f := range c.flowsOf[name] {
		if f.To == name && local {
			in = append(in, networkingv1.NetworkPolicyIngressRule{
				From: []networkingv1.NetworkPolicyPeer{c.peerFrom(ns, f.From)}, Ports: []networkingv1.NetworkPolicyPort{npPort(corev1.ProtocolTCP, f.Port)}})
		}
		if f.From == name {
			r := networkingv1.NetworkPolicyEgressRule{
				To: []networkingv1.NetworkPolicyPeer{c.peerFrom(ns, f.To)}, Ports: []networkingv1.NetworkPolicyPort{npPort(corev1.ProtocolTCP, f.Port)}}
			// Two flows may leave for the same peer and port (an external
			// system and the telemetry endpoint are both anywhere:443):
			// one rule says it.
			if !slices.ContainsFunc(out, func(o networkingv1.NetworkPolicyEgressRule) bool { return reflect.DeepEqual(o, r) }) {
				out = append(out, r)
			}
		}
	}
	if len(in)+len(out) == 0 {
		return networkingv1.NetworkPolicy{}, false
	}
	np := networkingv1.NetworkPolicy{
		TypeMeta:   typeMeta("networking.k8s.io/v1", "NetworkPolicy"),
		ObjectMeta: objectMeta("allow-"+name, ns, c.meta(name, nil)),
		Spec:       networkingv1.NetworkPolicySpec{PodSelector: metaSelector{MatchLabels: selector(name)}, Ingress: in, Egress: out},
	}
	if len(in) > 0 {
		np.Spec.PolicyTypes = append(np.Spec.PolicyTypes, networkingv1.PolicyTypeIngress)
	}
	if len(out) > 0 {
		np.Spec.PolicyTypes = append(np.Spec.PolicyTypes, networkingv1.PolicyTypeEgress)
	}
	return np, true
}

// ingress routes each public route prefix of a namespace's services to
// its service: an Ingress reaches the Services of its own namespace only,
// so each namespace with routes has one (AGIC and NGINX merge them).
func (c envContext) ingress(nsp plan.Namespace) (networkingv1.Ingress, bool) {
	var paths []networkingv1.HTTPIngressPath
	for _, f := range c.e.FlowsOfKind("ingress") {
		if c.e.NamespaceOf(f.To) != nsp.Name {
			continue
		}
		route := ""
		for _, sv := range c.pl.Services {
			if sv.Name == f.To {
				route = sv.Route
			}
		}
		paths = append(paths, networkingv1.HTTPIngressPath{
			Path: route, PathType: ptr(networkingv1.PathTypePrefix),
			Backend: networkingv1.IngressBackend{Service: &networkingv1.IngressServiceBackend{
				Name: f.To, Port: networkingv1.ServiceBackendPort{Number: int32(f.Port)},
			}},
		})
	}
	if len(paths) == 0 {
		return networkingv1.Ingress{}, false
	}
	// The controller gives the class; its own configuration (a WAF
	// policy, say) lives with it, and what the Ingress must say to it
	// (its certificate, say) comes from the controller too.
	served := plan.Facets[IngressServed](c.e)
	if len(served) == 0 {
		return networkingv1.Ingress{}, false
	}
	meta := objectMeta(c.pl.Name, nsp.Name, c.meta("", nil))
	for _, t := range plan.Facets[IngressTuned](c.e) {
		if a := t.IngressAnnotations(); len(a) > 0 {
			meta.Annotations = a
		}
		if path, to := t.IngressProbe(); to != "" && c.e.NamespaceOf(to) == nsp.Name {
			for _, f := range c.e.FlowsOfKind("ingress") {
				if f.To == to {
					paths = append(paths, networkingv1.HTTPIngressPath{
						Path: path, PathType: ptr(networkingv1.PathTypeExact),
						Backend: networkingv1.IngressBackend{Service: &networkingv1.IngressServiceBackend{
							Name: to, Port: networkingv1.ServiceBackendPort{Number: int32(f.Port)},
						}},
					})
					break
				}
			}
		}
	}
	ing := networkingv1.Ingress{
		TypeMeta:   typeMeta("networking.k8s.io/v1", "Ingress"),
		ObjectMeta: meta,
		Spec: networkingv1.IngressSpec{
			IngressClassName: ptr(served[0].IngressClass()),
			Rules:            []networkingv1.IngressRule{{Host: served[0].IngressHost(), IngressRuleValue: networkingv1.IngressRuleValue{HTTP: &networkingv1.HTTPIngressRuleValue{Paths: paths}}}},
		},
	}
	for _, s := range plan.Facets[IngressSecured](c.e) {
		ing.Spec.TLS = append(ing.Spec.TLS, s.IngressTLS()...)
	}
	return ing, true
}
