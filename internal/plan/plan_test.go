package plan_test

import (
	"errors"
	"net/netip"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/component/appgateway"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/spec"
	"github.com/physarch/physarch/internal/testspec"
)

const shop = `apiVersion: physarch.dev/v1
kind: System
metadata: {name: shop, title: {en: Shop}}
cloud: azure
region: koreacentral
services:
  - name: api
    route: /api
    resources: {requests: {cpu: 500m, memory: 1Gi}}
    load: {requestsPerUserPerMinute: 6, cpuMillisPerRequest: 35}
backing:
  postgresql: {}
environments:
  - name: prod
    profile: prod
    targets: {users: 1000}
`

func mustPlan(t *testing.T, src string) *plan.Plan {
	t.Helper()
	doc, err := components.Load("shop.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatal(err)
	}
	return pl
}

func planErr(t *testing.T, src string) spec.Errors {
	t.Helper()
	doc, err := components.Load("shop.yaml", []byte(src))
	if err != nil {
		t.Fatalf("spec should load: %v", err)
	}
	_, err = components.Plan(doc)
	var errs spec.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("want plan errors, got %v", err)
	}
	return errs
}

func TestCapacityFormula(t *testing.T) {
	w := mustPlan(t, shop).Envs[0].Workloads[0]
	// 1000 users × 6 / 60 = 100 req/s; × 35 ms = 3500m; 500m × 70% = 350m
	// per pod → 10 pods; min = max(2, 3 zones, ⌈10 × 0.3⌉) = 3;
	// max = max(⌈10 × 1.5⌉, 2 × 3) = 15; PDB minAvailable = 2.
	if w.PeakRPS != 100 || w.CPUNeededM != 3500 || w.Needed != 10 || w.Min != 3 || w.Max != 15 || w.PDBMinAvail != 2 {
		t.Errorf("got rps %v cpu %v needed %d min %d max %d pdb %d", w.PeakRPS, w.CPUNeededM, w.Needed, w.Min, w.Max, w.PDBMinAvail)
	}
	if f, v := w.PDB(); f != "minAvailable" || v >= w.Min {
		t.Errorf("PDB %s %d must allow a voluntary disruption at min %d", f, v, w.Min)
	}
}

func TestNodePoolsPackPods(t *testing.T) {
	e := mustPlan(t, shop).Envs[0]
	apps := e.Pool("apps")
	// D4s_v3 allocatable: 3860m CPU, less the prod DaemonSets' 1310m
	// (AKS's own, Azure CNI and NPM, ama-logs, the Secrets Store driver,
	// Defender's sensor) = 2550m → 5 pods of 500m per node; 15 pods at
	// max → 3 nodes; rounded to a multiple of 3 zones.
	if apps.AllocCPUM != 3860 || apps.FreeCPUM != 2550 || apps.NodesAtMax != 3 || apps.Min != 3 || apps.Max != 3 {
		t.Errorf("apps pool: alloc %d, room %d, at max %d, min %d, max %d", apps.AllocCPUM, apps.FreeCPUM, apps.NodesAtMax, apps.Min, apps.Max)
	}
	if sys := e.Pool("system"); sys.Min != 3 || sys.Max != 5 {
		t.Errorf("system pool %d–%d, want the profile's 3–5", sys.Min, sys.Max)
	}
}

// TestSubnetsNeverOverlap checks every example: subnets inside the VNet,
// pairwise disjoint, large enough, fixed IPs inside their subnet.
func TestSubnetsNeverOverlap(t *testing.T) {
	for _, name := range examples.Names() {
		p, data, _ := examples.Spec(name)
		doc, err := components.Load(p, data)
		if err != nil {
			t.Fatal(err)
		}
		pl, err := components.Plan(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range pl.Envs {
			vnet := netip.MustParsePrefix(e.Network.VNet)
			var seen []netip.Prefix
			for _, s := range e.Network.Subnets {
				pfx := netip.MustParsePrefix(s.CIDR)
				if !vnet.Contains(pfx.Addr()) || pfx.Bits() < vnet.Bits() {
					t.Errorf("%s/%s: %s outside %s", name, e.Name, pfx, vnet)
				}
				for _, o := range seen {
					if o.Overlaps(pfx) {
						t.Errorf("%s/%s: %s overlaps %s", name, e.Name, pfx, o)
					}
				}
				seen = append(seen, pfx)
				if s.Usable < s.Required {
					t.Errorf("%s/%s: %s holds %d, needs %d", name, e.Name, s.Name, s.Usable, s.Required)
				}
			}
			if gw, ok := plan.Find[*appgateway.Component](e); ok {
				if !netip.MustParsePrefix(gw.Subnet.CIDR).Contains(netip.MustParseAddr(gw.PrivateIP)) {
					t.Errorf("%s/%s: gateway IP %s outside %s", name, e.Name, gw.PrivateIP, gw.Subnet.CIDR)
				}
			}
		}
	}
}

func TestImpossibleTargets(t *testing.T) {
	cases := []struct {
		name, old, new, want string
	}{
		{"pinned replicas below the load", "    load:", "    replicas: {min: 2, max: 4}\n    load:", "4 replicas cannot carry the peak"},
		{"pod larger than a node", "cpu: 500m, memory: 1Gi", "cpu: \"6\", memory: 1Gi", "larger than a Standard_D4s_v3 node"},
		{"pinned pool too small", "    targets: {users: 1000}", "    targets: {users: 1000}\n    nodePools: {apps: {max: 1}}", "1 Standard_D4s_v3 nodes cannot hold the pods"},
		{"overlapping pinned subnets", "    targets: {users: 1000}", "    targets: {users: 1000}\n    network: {subnets: [{role: aks, cidr: 10.20.0.0/22}, {role: gateway, cidr: 10.20.2.0/24}]}", "overlaps subnet 10.20.0.0/22"},
		{"pinned subnet outside VNet", "    targets: {users: 1000}", "    targets: {users: 1000}\n    network: {subnets: [{role: gateway, cidr: 192.168.0.0/24}]}", "outside the VNet"},
		{"pinned subnet too small", "    targets: {users: 1000}", "    targets: {users: 1000}\n    network: {subnets: [{role: aks, cidr: 10.20.0.0/26}]}", "too small"},
		{"service CIDR inside VNet", "    targets: {users: 1000}", "    targets: {users: 1000}\n    network: {serviceCIDR: 10.20.128.0/17}", "overlaps the VNet"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(shop, c.old) {
				t.Fatalf("case does not apply")
			}
			errs := planErr(t, strings.Replace(shop, c.old, c.new, 1))
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), c.want) {
				t.Fatalf("want one error containing %q, got %v", c.want, errs)
			}
			if errs[0].Pos.File != "shop.yaml" || errs[0].Pos.Line == 0 {
				t.Errorf("error not positioned in the spec: %v", errs[0].Pos)
			}
		})
	}
}

// BenchmarkPlanLarge plans a generated 1,000-service spec.
func BenchmarkPlanLarge(b *testing.B) {
	src := testspec.Large(1000)
	b.ReportAllocs()
	for b.Loop() {
		doc, err := components.Load("large.yaml", src)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := components.Plan(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDaemonSetsFollowThePlan: each environment reserves the DaemonSets
// of what it turns on, and no others; the apps pool packs into the room
// they leave.
func TestDaemonSetsFollowThePlan(t *testing.T) {
	p, data, _ := examples.Spec("kt-event-marketing")
	doc, err := components.Load(p, data)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		env       string
		want, not []string
	}{
		{"prod", []string{"kube-proxy", "azure-cns", "azure-npm", "ama-logs", "aks-secrets-store-provider-azure", "microsoft-defender-collector-ds"}, []string{"calico-node"}},
		{"dev", []string{"kube-proxy", "azure-cns", "calico-node"}, []string{"azure-npm", "ama-logs", "aks-secrets-store-csi-driver", "microsoft-defender-publisher-ds"}},
	} {
		var e *plan.Env
		for i := range pl.Envs {
			if pl.Envs[i].Name == tc.env {
				e = pl.Envs[i]
			}
		}
		names := map[string]bool{}
		var cpu, mem int64
		for _, d := range e.DaemonSets.DaemonSets {
			names[d.Name] = true
			cpu += d.CPUM
			mem += d.MemMiB
		}
		for _, n := range tc.want {
			if !names[n] {
				t.Errorf("%s: no %s among %v", tc.env, n, names)
			}
		}
		for _, n := range tc.not {
			if names[n] {
				t.Errorf("%s: %s reserved, but nothing turns it on", tc.env, n)
			}
		}
		if cpu != e.DaemonSets.CPUM || mem != e.DaemonSets.MemMiB || cpu == 0 {
			t.Errorf("%s: sums %dm/%dMi, the DaemonSets add up to %dm/%dMi", tc.env, e.DaemonSets.CPUM, e.DaemonSets.MemMiB, cpu, mem)
		}
		apps := e.Pool("apps")
		if apps.FreeCPUM != apps.AllocCPUM-cpu || apps.FreeMemMiB != apps.AllocMemMiB-mem {
			t.Errorf("%s: apps room %dm/%dMi, want allocatable %dm/%dMi less the DaemonSets", tc.env, apps.FreeCPUM, apps.FreeMemMiB, apps.AllocCPUM, apps.AllocMemMiB)
		}
	}
}
