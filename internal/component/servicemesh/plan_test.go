package servicemesh_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
)

// shop is a production environment with two services and a cronjob;
// MESH is replaced by its serviceMesh key.
const shop = `apiVersion: physarch.dev/v1
kind: System
metadata: {name: shop, title: {en: Shop}}
cloud: azure
region: koreacentral
services:
  - name: api
    route: /api
    health: /healthz
    namespace: front
    resources: {requests: {cpu: 250m, memory: 512Mi}}
  - name: worker-api
    health: /healthz
    resources: {requests: {cpu: 500m, memory: 1Gi}}
  - name: report
    kind: cronjob
    resources: {requests: {cpu: 250m, memory: 512Mi}}
    cronJob: {schedule: "0 2 * * *"}
environments:
  - name: prod
    profile: prod
    targets: {users: 1000, availability: 99.5, budgetUSD: 9000, rto: 12h, rpo: 1h}
    MESH
`

func planned(t *testing.T, mesh string) *plan.Env {
	t.Helper()
	doc, err := components.Load("physarch.yaml", []byte(strings.Replace(shop, "MESH", mesh, 1)))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatal(err)
	}
	return pl.Envs[0]
}

// TestSidecarsAreCounted: with the mesh on, each long-running service's
// pods carry the sidecar's requests in the apps pool's packing and its
// requests and limits in the namespaces' quotas; the cronjob carries
// none.
func TestSidecarsAreCounted(t *testing.T) {
	off, on := planned(t, ""), planned(t, "serviceMesh: {mode: istio, sidecarCPUMillis: 200, sidecarMemoryMiB: 256}")
	var wantCPU, wantMem int64
	for _, w := range on.Workloads {
		if w.Name == "report" {
			if w.Sidecar != nil {
				t.Errorf("the cronjob got a sidecar")
			}
			wantCPU += int64(w.Min) * w.CPURequestM // one run at minimum
			wantMem += int64(w.Min) * w.MemRequestMiB
			continue
		}
		if w.Sidecar == nil || w.Sidecar.CPURequest != "200m" || w.Sidecar.MemRequest != "256Mi" {
			t.Fatalf("%s: sidecar %+v, want 200m/256Mi", w.Name, w.Sidecar)
		}
		if w.PodCPUM() != w.CPURequestM+200 || w.PodMemMiB() != w.MemRequestMiB+256 {
			t.Errorf("%s: pod %dm/%dMi, want the service's plus the sidecar's", w.Name, w.PodCPUM(), w.PodMemMiB())
		}
		wantCPU += int64(w.Min) * (w.CPURequestM + 200)
		wantMem += int64(w.Min) * (w.MemRequestMiB + 256)
	}
	pool := on.Pool("apps")
	if pool == nil {
		t.Fatal("no apps pool")
	}
	var backingCPU int64
	for _, b := range on.Backing {
		backingCPU += int64(b.Min) * b.CPURequestM
	}
	if pool.RequestedCPUM != wantCPU+backingCPU {
		t.Errorf("apps pool requests %dm at minimum, want %dm (the sidecars counted)", pool.RequestedCPUM, wantCPU+backingCPU)
	}
	if p := off.Pool("apps"); p == nil || p.RequestedCPUM >= pool.RequestedCPUM {
		t.Errorf("without the mesh the pool requests %v, want less than %dm", p, pool.RequestedCPUM)
	}
	for i, ns := range on.Namespaces {
		if ns.Quota.RequestsCPUM <= off.Namespaces[i].Quota.RequestsCPUM || ns.Quota.LimitsMemMiB <= off.Namespaces[i].Quota.LimitsMemMiB {
			t.Errorf("%s: quota %+v does not grow from %+v with the sidecars", ns.Name, ns.Quota, off.Namespaces[i].Quota)
		}
	}
}
