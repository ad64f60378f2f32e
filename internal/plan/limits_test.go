package plan_test

import (
	"errors"
	"net/netip"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"

	"github.com/physarch/physarch/internal/spec"
	"github.com/physarch/physarch/internal/testspec"
)

// The spec the limit cases start from: every key a case changes is
// written, so errors can point at its line.
const bounded = `apiVersion: physarch.dev/v1
kind: System
metadata: {name: shop, title: {en: Shop}}
cloud: azure
region: koreacentral
services:
  - name: api
    route: /
    resources: {requests: {cpu: 500m, memory: 1Gi}}
    replicas: {min: 3, max: 20}
    load: {requestsPerUserPerMinute: 6, cpuMillisPerRequest: 35}
  - name: worker
    resources: {requests: {cpu: 250m, memory: 512Mi}}
    load: {requestsPerUserPerMinute: 1, cpuMillisPerRequest: 20}
backing:
  postgresql: {}
  redis: {}
environments:
  - name: prod
    profile: prod
    targets: {users: 1000}
    scaling: {minReplicas: 2}
    nodePools: {apps: {max: 30}, system: {max: 5}}
    network: {serviceCIDR: 172.16.0.0/16, subnets: [{role: gateway, cidr: 10.20.200.0/24}]}
`

// planMutated loads the spec, changes the loaded values (as a loader
// that bounds less would leave them), and plans: the planner must not
// rely on the loader's bounds.
func planMutated(t *testing.T, mutate func(s *spec.Spec)) (*plan.Plan, spec.Errors) {
	t.Helper()
	doc, err := components.Load("shop.yaml", []byte(bounded))
	if err != nil {
		t.Fatalf("spec should load: %v", err)
	}
	mutate(&doc.Spec)
	pl, err := components.Plan(doc)
	if err == nil {
		return pl, nil
	}
	var errs spec.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("want positioned errors, got %v", err)
	}
	return nil, errs
}

// lineOf is the line of the first line of bounded holding text.
func lineOf(t *testing.T, text string) int {
	t.Helper()
	for i, l := range strings.Split(bounded, "\n") {
		if strings.Contains(l, text) {
			return i + 1
		}
	}
	t.Fatalf("%q is not in the spec", text)
	return 0
}

// TestUnboundedInputsEndInAPositionedError: each of these hung the planner
// and exhausted memory, or computed nonsense, before.
func TestUnboundedInputsEndInAPositionedError(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(s *spec.Spec)
		line   string // the spec line the error must point at
		want   string
	}{
		{"peak users 2e9", func(s *spec.Spec) { s.Environments[0].Targets.Users = 2e9 }, "targets: {users:", "at most 1000 replicas per service"},
		{"minReplicas 2e9", func(s *spec.Spec) { s.Environments[0].Scaling.MinReplicas = 2e9 }, "scaling: {minReplicas:", "at most 1000 per service"},
		{"pinned replicas 2e9", func(s *spec.Spec) { s.Services[0].Replicas.Max = 2e9 }, "replicas: {min: 3", "pins 2000000000 replicas"},
		{"CPU ms per request 1e300", func(s *spec.Spec) { s.Services[1].Load.CPUMillisPerRequest = 1e300 }, "cpuMillisPerRequest: 20", "needs 9.53e+298 replicas at peak"},
		{"apps pool max 17,111,423", func(s *spec.Spec) { s.Environments[0].NodePools.Apps.Max = 17111423 }, "nodePools: {apps: {max: 30}", "over AKS's limit of 1000 nodes per pool"},
		{"system pool max 5,000", func(s *spec.Spec) { s.Environments[0].NodePools.System.Max = 5000 }, "nodePools: {apps: {max: 30}", "over AKS's limit of 1000 nodes per pool"},
		{"service CIDR /30", func(s *spec.Spec) { s.Environments[0].Network.ServiceCIDR = "172.16.0.0/30" }, "serviceCIDR:", "DNS service IP 172.16.0.10 inside it"},
		{"service CIDR /8", func(s *spec.Spec) { s.Environments[0].Network.ServiceCIDR = "172.0.0.0/8" }, "serviceCIDR:", "smaller than /12"},
		{"pinned IPv6 subnet", func(s *spec.Spec) { s.Environments[0].Network.Subnets[0].CIDR = "fd00::/64" }, "subnets: [{role: gateway", "subnet fd00::/64 is not IPv4"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errs := planMutated(t, c.mutate)
			if len(errs) == 0 {
				t.Fatal("planned without an error")
			}
			found := false
			for _, e := range errs {
				if strings.Contains(e.Msg, c.want) {
					found = true
					if e.Pos.File != "shop.yaml" || e.Pos.Line != lineOf(t, c.line) {
						t.Errorf("error at %v, want shop.yaml:%d: %v", e.Pos, lineOf(t, c.line), e)
					}
					if e.Hint == "" {
						t.Errorf("no hint: %v", e)
					}
				}
			}
			if !found {
				t.Errorf("want an error containing %q, got %v", c.want, errs)
			}
		})
	}
}

func TestLimitsHold(t *testing.T) {
	pl, errs := planMutated(t, func(s *spec.Spec) {
		s.Environments[0].Targets.Users = 50000
		s.Services[0].Replicas = nil
		s.Environments[0].NodePools.Apps.Max = 0
	})
	if errs != nil {
		t.Fatal(errs)
	}
	for _, w := range pl.Envs[0].Workloads {
		if w.Max > spec.MaxReplicas {
			t.Errorf("%s: %d replicas", w.Name, w.Max)
		}
	}
	// The largest load below the limit still plans.
	if _, errs := planMutated(t, func(s *spec.Spec) {
		s.Environments[0].Targets.Users = 1000 * 600
		s.Services[0].Replicas = nil
		s.Environments[0].NodePools.Apps.Max = 0
	}); errs == nil || !strings.Contains(errs.Error(), "at most 1000") {
		t.Errorf("want the replica limit, got %v", errs)
	}
}

// TestServiceCIDRHoldsDNS: the smallest service CIDR that holds the DNS
// service IP plans, with the IP inside it.
func TestServiceCIDRHoldsDNS(t *testing.T) {
	pl, errs := planMutated(t, func(s *spec.Spec) { s.Environments[0].Network.ServiceCIDR = "172.16.0.0/28" })
	if errs != nil {
		t.Fatal(errs)
	}
	n := pl.Envs[0].Network
	if !netip.MustParsePrefix(n.ServiceCIDR).Contains(netip.MustParseAddr(n.DNSServiceIP)) {
		t.Errorf("DNS %s outside %s", n.DNSServiceIP, n.ServiceCIDR)
	}
}

// TestRootRoute: the route / is the pattern /**, not //**.
func TestRootRoute(t *testing.T) {
	pl, errs := planMutated(t, func(*spec.Spec) {})
	if errs != nil {
		t.Fatal(errs)
	}
	for _, f := range pl.Envs[0].FlowsOfKind("ingress") {
		if f.To == "api" && f.Route != "/**" {
			t.Errorf("route / printed as %q", f.Route)
		}
	}
	for in, want := range map[string]string{"/": "/**", "/api": "/api/**", "/api/": "/api/**"} {
		if got := plan.RoutePattern(in); got != want {
			t.Errorf("RoutePattern(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkPlanHugeLoad plans the inputs that hung the planner: each
// ends in an error, in microseconds.
func BenchmarkPlanHugeLoad(b *testing.B) {
	for _, c := range []struct {
		name, old, new string
	}{
		{"users-2e9", "targets: {users: 1000}", "targets: {users: 2000000000}"},
		{"minReplicas-2e9", "scaling: {minReplicas: 2}", "scaling: {minReplicas: 2000000000}"},
		{"replicas-2e9", "replicas: {min: 3, max: 20}", "replicas: {min: 3, max: 2000000000}"},
	} {
		src := []byte(strings.Replace(bounded, c.old, c.new, 1))
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				doc, err := components.Load("shop.yaml", src)
				if err != nil {
					continue // a loader that bounds the field refuses it first
				}
				if _, err := components.Plan(doc); err == nil {
					b.Fatal("planned without an error")
				}
			}
		})
	}
}

// TestManyServicesOneCredentialEach: 500 services get 500 identities,
// each with its one federated credential (Azure allows 20 per identity).
func TestManyServicesOneCredentialEach(t *testing.T) {
	doc, err := components.Load("large.yaml", testspec.Large(500))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range pl.Envs {
		names := map[string]bool{}
		services := 0
		for _, id := range e.Identities {
			if names[id.Name] {
				t.Fatalf("%s: identity %s twice", e.Name, id.Name)
			}
			names[id.Name] = true
			if id.Credential == "" || id.ServiceAccount != id.Service {
				t.Errorf("%s: %+v", e.Name, id)
			}
			if id.Component == "" {
				services++
			}
		}
		// Besides the services', a component's Job may have its own
		// (the database's init Job).
		if services != 500 || len(names) != 500+len(e.JobIdentities()) {
			t.Errorf("%s: %d identities (%d services') for 500 services", e.Name, len(names), services)
		}
	}
}
