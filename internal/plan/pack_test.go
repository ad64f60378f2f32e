package plan

import (
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/physarch/physarch/internal/catalog/azure"
)

// packPerPod is the packing physarch used before packing by pod shape:
// first-fit decreasing over every single pod, O(pods × nodes) time and a
// slice of every pod. It stays here as the reference pack must equal.
func packPerPod(ws []Workload, atMax bool, alloc azure.Allocatable, maxPods int) (nodes int, cpu, mem int64) {
	type pod struct{ cpu, mem int64 }
	var pods []pod
	for _, w := range ws {
		n := w.Min
		if atMax {
			n = w.Max
		}
		for range n {
			pods = append(pods, pod{w.CPURequestM, w.MemRequestMiB})
			cpu += w.CPURequestM
			mem += w.MemRequestMiB
		}
	}
	sort.SliceStable(pods, func(i, j int) bool {
		if pods[i].cpu != pods[j].cpu {
			return pods[i].cpu > pods[j].cpu
		}
		return pods[i].mem > pods[j].mem
	})
	type node struct {
		cpu, mem int64
		pods     int
	}
	var bins []node
	slots := maxPods - daemonSetPods
	for _, pd := range pods {
		placed := false
		for i := range bins {
			b := &bins[i]
			if b.cpu+pd.cpu <= alloc.CPUMilli && b.mem+pd.mem <= alloc.MemoryMiB && b.pods < slots {
				b.cpu, b.mem, b.pods = b.cpu+pd.cpu, b.mem+pd.mem, b.pods+1
				placed = true
				break
			}
		}
		if !placed {
			bins = append(bins, node{pd.cpu, pd.mem, 1})
		}
	}
	return len(bins), cpu, mem
}

// TestPackEqualsPerPodFFD compares packing by shape with per-pod
// first-fit decreasing on many random small inputs: few and many shapes,
// repeated shapes, zero requests, pods larger than a node, tight pod slots.
func TestPackEqualsPerPodFFD(t *testing.T) {
	r := rand.New(rand.NewPCG(10, 20))
	for i := range 20000 {
		alloc := azure.Allocatable{CPUMilli: 1 + r.Int64N(4000), MemoryMiB: 1 + r.Int64N(8000)}
		maxPods := daemonSetPods + 1 + r.IntN(12)
		var ws []Workload
		palette := 1 + r.IntN(4) // how many distinct request values: repeats matter
		val := func(limit int64) int64 {
			switch r.IntN(8) {
			case 0:
				return 0
			case 1:
				return limit + r.Int64N(limit+1) // larger than a node
			}
			return (1 + r.Int64N(int64(palette))) * (1 + limit/int64(1+palette))
		}
		for range 1 + r.IntN(7) {
			lo := r.IntN(15)
			ws = append(ws, Workload{CPURequestM: val(alloc.CPUMilli), MemRequestMiB: val(alloc.MemoryMiB), Min: lo, Max: lo + r.IntN(25)})
		}
		for _, atMax := range []bool{false, true} {
			n1, c1, m1 := pack(ws, atMax, alloc, maxPods-daemonSetPods)
			n2, c2, m2 := packPerPod(ws, atMax, alloc, maxPods)
			if n1 != n2 || c1 != c2 || m1 != m2 {
				t.Fatalf("case %d (atMax %v, alloc %+v, maxPods %d, workloads %+v): by shape %d nodes %d/%d, per pod %d nodes %d/%d",
					i, atMax, alloc, maxPods, ws, n1, c1, m1, n2, c2, m2)
			}
		}
	}
}

// TestPackWorkIsBoundedByShapes packs 800,000 pods of two shapes, which
// per pod took minutes and gigabytes, and checks the count by hand: 500m
// pods go 7 to a D4s_v3 node (3,860m) → 57,143 nodes, the last with 6;
// then one 250m pod fits beside each full node (360m left) and 3 beside
// the last (860m) → 57,145; the other 342,855 go 15 to a node → 22,857.
func TestPackWorkIsBoundedByShapes(t *testing.T) {
	alloc := azure.Allocatable{CPUMilli: 3860, MemoryMiB: 12690}
	ws := []Workload{
		{CPURequestM: 500, MemRequestMiB: 1024, Max: 400000},
		{CPURequestM: 250, MemRequestMiB: 512, Max: 400000},
	}
	nodes, cpu, mem := pack(ws, true, alloc, 30-daemonSetPods)
	if nodes != 57143+22857 || cpu != 400000*(500+250) || mem != 400000*(1024+512) {
		t.Errorf("%d nodes, %dm CPU, %dMi", nodes, cpu, mem)
	}
}

func BenchmarkPackMillionPods(b *testing.B) {
	alloc := azure.Allocatable{CPUMilli: 3860, MemoryMiB: 12690}
	ws := []Workload{{CPURequestM: 500, MemRequestMiB: 1024, Max: 1000000}, {CPURequestM: 250, MemRequestMiB: 700, Max: 1000000}}
	for b.Loop() {
		pack(ws, true, alloc, 30-daemonSetPods)
	}
}
