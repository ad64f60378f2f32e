package plan_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
	"github.com/physarch/physarch/internal/testplan"
)

// TestDedicatedPoolsPackTheirServices: each pool packs only the pods
// placed on it, the apps pool the rest; a zonal pool rounds to its own
// zones; an autoscaled pool whose pods are all scaled to zero starts from
// zero nodes.
func TestDedicatedPoolsPackTheirServices(t *testing.T) {
	pl := testplan.Workloads(t)
	for _, e := range pl.Envs {
		for _, p := range e.Pools {
			if p.Name == "system" {
				continue
			}
			var cpu int64
			var placed []string
			for _, w := range e.Workloads {
				if w.Pool == p.Name {
					cpu += int64(w.Min) * w.CPURequestM
					placed = append(placed, w.Name)
				}
			}
			if p.Name == "apps" {
				for _, b := range e.Backing {
					cpu += int64(b.Min) * b.CPURequestM
				}
			} else if strings.Join(p.Services, ",") != strings.Join(placed, ",") || !p.Dedicated {
				t.Errorf("%s/%s: services %v, placed %v", e.Name, p.Name, p.Services, placed)
			}
			if p.RequestedCPUM != cpu {
				t.Errorf("%s/%s: packs %dm, its pods request %dm", e.Name, p.Name, p.RequestedCPUM, cpu)
			}
			if z := len(p.Zones); z > 0 && (p.Min%z != 0 || p.Max%z != 0) && p.Autoscale {
				t.Errorf("%s/%s: %d–%d nodes is not a multiple of its %d zones", e.Name, p.Name, p.Min, p.Max, z)
			}
		}
		gpu := e.Pool("gpu")
		if gpu.GPUs != 1 || gpu.GPU != "NVIDIA T4" || gpu.Taints[0] != "sku=gpu:NoSchedule" || gpu.Labels["accelerator"] != "nvidia-t4" {
			t.Errorf("%s: gpu pool %+v", e.Name, *gpu)
		}
		if e.Name == "prod" && (len(gpu.Zones) != 2 || len(e.Pool("batch").Zones) != 1) {
			t.Errorf("prod zonal pools: gpu %v, batch %v", gpu.Zones, e.Pool("batch").Zones)
		}
	}
	// The mailer scales to zero: on a pool of its own, that pool starts
	// from zero nodes and grows to what its maximum needs.
	src := strings.Replace(string(testplan.WorkloadsSpec()), "    consumes: [mail-jobs]\n", "    consumes: [mail-jobs]\n    nodePool: queue\n", 1)
	src = strings.ReplaceAll(src, "    nodePools:\n", "    nodePools:\n      queue: {vmSize: Standard_D2s_v5}\n")
	pl = planOf(t, src)
	for _, e := range pl.Envs {
		q := e.Pool("queue")
		// Autoscaled (prod): from zero; fixed (dev, as its apps pool): the
		// pods at maximum, always.
		if q.NodesAtMin != 0 || q.NodesAtMax < 1 || (q.Autoscale && q.Min != 0) || (!q.Autoscale && q.Min != q.Max) || q.Max < q.NodesAtMax {
			t.Errorf("%s: pool of a worker scaled to zero: %+v", e.Name, *q)
		}
	}
}

// TestDedicatedPoolPlanErrors: what only the plan can judge about a
// dedicated pool is one positioned error: a pinned maximum below what
// its pods need, a pod larger than its pool's nodes.
func TestDedicatedPoolPlanErrors(t *testing.T) {
	base := string(testplan.WorkloadsSpec())
	for _, c := range []struct {
		name, old, new, at string
		parts              []string
	}{
		{"pinned max below the pods' need", "        zones: [1, 2]\n", "        zones: [1, 2]\n        max: 2\n", "workloads.yaml:", []string{"2 Standard_NC4as_T4_v3 nodes cannot hold the pods placed on pool gpu", "raise max"}},
		{"pod larger than its pool's node", `resources: {requests: {cpu: "2", memory: 8Gi}}`, `resources: {requests: {cpu: "2", memory: 30Gi}}`, "workloads.yaml:", []string{"inference pod (2 CPU, 30Gi memory) is larger than a Standard_NC4as_T4_v3 node's allocatable"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.old) {
				t.Fatalf("case does not apply")
			}
			doc, err := components.Load("workloads.yaml", []byte(strings.Replace(base, c.old, c.new, 1)))
			if err != nil {
				t.Fatalf("the loader refused it: %v", err)
			}
			_, err = components.Plan(doc)
			var errs spec.Errors
			if !errors.As(err, &errs) || len(errs) < 1 {
				t.Fatalf("want plan errors, got %v", err)
			}
			e := errs[0]
			for _, p := range c.parts {
				if !strings.Contains(e.Error(), p) {
					t.Errorf("%q lacks %q", e.Error(), p)
				}
			}
			if e.Pos.Line == 0 || e.Hint == "" {
				t.Errorf("unpositioned or without hint: %v", e)
			}
		})
	}
}

// TestSurgeNodesAsAKSCountsThem: AKS's default surge of 10% is of the
// pool's size with fractional nodes rounded up, so one node for pools up
// to ten and ⌈10%⌉ beyond; the AKS subnet holds each pool's maximum plus
// that surge, every node with its pods.
func TestSurgeNodesAsAKSCountsThem(t *testing.T) {
	for _, c := range []struct{ max, want int }{{0, 1}, {1, 1}, {5, 1}, {10, 1}, {11, 2}, {20, 2}, {21, 3}, {100, 10}, {1000, 100}} {
		if got := (plan.NodePool{Max: c.max}).SurgeNodes(); got != c.want {
			t.Errorf("max %d: surge %d, want %d", c.max, got, c.want)
		}
	}
	pl := testplan.Example(t, "kt-event-marketing")
	for _, e := range pl.Envs {
		want := 0
		for _, p := range e.Pools {
			want += (p.Max + p.SurgeNodes()) * (p.MaxPods + 1)
		}
		aks, ok := e.Network.Subnet("aks")
		if !ok || aks.Required != want {
			t.Errorf("%s: AKS subnet needs %d addresses, want %d", e.Name, aks.Required, want)
		}
	}
}
