package plan

import (
	"fmt"
	"math"
	"sort"

	"k8s.io/apimachinery/pkg/api/resource"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/spec"
)

// daemonSetPods is how many pod slots per node AKS's own DaemonSets take
// (kube-proxy, CNI, CSI drivers, node agents): an estimate, so that the
// packing never plans a node full to its max-pods limit.
const daemonSetPods = 8

// workloads sizes every service from the expected load:
//
//	peak RPS      = users × requests per user per minute / 60
//	CPU at peak   = peak RPS × CPU ms per request            (millicores)
//	needed        = ⌈CPU at peak / (CPU request × target)⌉
//	min replicas  = max(profile floor, zones when spread, ⌈needed × off-peak share⌉)
//	max replicas  = max(⌈needed × headroom⌉, min, 2 × min when headroom > 1)
func (p *planner) workloads(e *Env, path string) {
	s := &p.doc.Spec
	sc := e.Settings.Scaling
	users := float64(e.Settings.Targets.Users)
	for i, sv := range s.Services {
		sp := fmt.Sprintf("services[%d]", i)
		w := Workload{
			EphemeralRequest: defaultEphemeralRequest, EphemeralLimit: defaultEphemeralLimit,
			Name: sv.Name, Port: sv.Port,
			CPURequest: sv.Resources.Requests.CPU, MemRequest: sv.Resources.Requests.Memory,
			CPULimit: sv.Resources.Limits.CPU, MemLimit: sv.Resources.Limits.Memory,
			HPACPU: sc.TargetCPUUtilization, HPAMem: sc.TargetMemUtilization,
		}
		w.CPURequestM = milli(w.CPURequest)
		w.MemRequestMiB = mebi(w.MemRequest)
		w.PeakRPS = round2(users * sv.Load.RequestsPerUserPerMinute / 60)
		w.CPUNeededM = math.Round(w.PeakRPS * sv.Load.CPUMillisPerRequest)
		perPod := float64(w.CPURequestM) * float64(sc.TargetCPUUtilization) / 100
		w.Needed = max(1, int(math.Ceil(w.CPUNeededM/perPod)))
		w.Min = max(1, sc.MinReplicas, int(math.Ceil(float64(w.Needed)*sc.OffPeakFraction)))
		if sc.SpreadZones {
			w.Min = max(w.Min, len(e.Zones))
		}
		w.Max = max(int(math.Ceil(float64(w.Needed)*sc.Headroom)), w.Min)
		if sc.Headroom > 1 {
			w.Max = max(w.Max, 2*w.Min)
		}
		if r := sv.Replicas; r != nil {
			w.Min, w.Max, w.Pinned = r.Min, r.Max, true
			if r.Max < w.Needed {
				p.fail(sp+".replicas.max", fmt.Sprintf("raise replicas.max to at least %d, raise the CPU request, or lower the load", w.Needed),
					"in %s, %d replicas cannot carry the peak: %.0f req/s × %g ms = %.0fm CPU needs %d pods at %d%% of %s",
					e.Name, r.Max, w.PeakRPS, sv.Load.CPUMillisPerRequest, w.CPUNeededM, w.Needed, sc.TargetCPUUtilization, w.CPURequest)
			}
		}
		if w.Min >= 2 {
			w.PDBMinAvail = w.Min - 1
		}
		e.PeakRPS += w.PeakRPS
		e.Workloads = append(e.Workloads, w)
	}
	e.PeakRPS = round2(e.PeakRPS)
}

// backingPods adds PostgreSQL and Redis as pods where the environment runs
// them in the cluster (dev): always on managed disks, never hostPath.
func (p *planner) backingPods(pl *Plan, e *Env, path string) {
	s := &p.doc.Spec
	se := e.Settings
	if s.Backing.PostgreSQL != nil && se.PostgreSQL.Mode == "pod" {
		e.Backing = append(e.Backing, backingPod("postgresql", 5432, se.PostgreSQL.CPU, se.PostgreSQL.Memory,
			se.PostgreSQL.StorageGB, se.PostgreSQL.StorageClass, "postgres:"+pl.PGVersion))
	}
	if s.Backing.Redis != nil && se.Redis.Mode == "pod" {
		e.Backing = append(e.Backing, backingPod("redis", 6379, se.Redis.CPU, se.Redis.Memory,
			se.Redis.StorageGB, se.PostgreSQL.StorageClass, "redis:"+pl.RedisVer))
	}
	for _, b := range e.Backing {
		if b.CPURequestM <= 0 || b.MemRequestMiB <= 0 {
			p.fail(path+"."+b.Name+".cpu", "set cpu: 500m and memory: 1Gi", "%s pod in %s has no valid CPU/memory request", b.Name, e.Name)
		}
	}
}

// Ephemeral storage per pod: enough for /tmp (JVM and Python scratch
// files) and container logs before rotation; not derived from load.
const (
	defaultEphemeralRequest = "256Mi"
	defaultEphemeralLimit   = "1Gi"
)

func backingPod(name string, port int, cpu, mem string, storageGB int, class, image string) Workload {
	w := Workload{Name: name, Port: port, CPURequest: cpu, MemRequest: mem, CPULimit: cpu, MemLimit: mem,
		EphemeralRequest: defaultEphemeralRequest, EphemeralLimit: defaultEphemeralLimit,
		Min: 1, Max: 1, Needed: 1, StorageGB: storageGB, StorageClass: class, Image: image}
	w.CPULimit = spec.DoubleQuantity(cpu)
	w.CPURequestM, w.MemRequestMiB = milli(cpu), mebi(mem)
	return w
}

// pools sizes the node pools by packing pods onto each VM size's
// allocatable CPU and memory, at minimum and at maximum replicas.
func (p *planner) pools(e *Env, path string) {
	se := e.Settings
	for _, def := range []struct {
		name, mode string
		path       string
	}{{"system", "System", path + ".nodePools.system"}, {"apps", "User", path + ".nodePools.apps"}} {
		cfg := se.NodePools.System
		if def.name == "apps" {
			cfg = se.NodePools.Apps
		}
		vm, ok := azure.LookupVM(cfg.VMSize)
		if !ok {
			p.fail(def.path+".vmSize", hintFrom(cfg.VMSize, azure.VMNames()), "VM size %q is not in the catalog", cfg.VMSize)
			continue
		}
		if cfg.MaxPods < daemonSetPods+2 || cfg.MaxPods > 250 {
			p.fail(def.path+".maxPods", "Azure CNI allows 10 to 250; 30 is the default", "maxPods %d is out of range", cfg.MaxPods)
			continue
		}
		alloc := azure.NodeAllocatable(vm, cfg.MaxPods)
		np := NodePool{
			Name: def.name, Mode: def.mode, VMSize: vm.Name, VCPU: vm.VCPU, MemoryGiB: vm.MemoryGiB,
			AllocCPUM: alloc.CPUMilli, AllocMemMiB: alloc.MemoryMiB, MaxPods: cfg.MaxPods, PodSlots: cfg.MaxPods - daemonSetPods,
			Autoscale: cfg.Autoscale, Spot: cfg.Spot, Zones: e.Zones, OSDiskGB: cfg.OSDiskGB,
		}
		if def.name == "system" {
			// The system pool runs only system pods, so its size is the
			// profile's (or the spec's) choice, not a packing result.
			np.Taints = []string{"CriticalAddonsOnly=true:NoSchedule"}
			np.Min, np.Max = max(cfg.Min, 1), max(cfg.Max, cfg.Min, 1)
			np.NodesAtMin, np.NodesAtMax = np.Min, np.Max
			e.Pools = append(e.Pools, np)
			continue
		}
		if cfg.Spot {
			np.Taints = []string{"kubernetes.azure.com/scalesetpriority=spot:NoSchedule"}
		}
		pods := append(append([]Workload(nil), e.Workloads...), e.Backing...)
		for _, w := range pods {
			if w.CPURequestM > alloc.CPUMilli || w.MemRequestMiB > alloc.MemoryMiB {
				at := def.path + ".vmSize"
				for i, sv := range p.doc.Spec.Services {
					if sv.Name == w.Name && p.doc.Has(fmt.Sprintf("services[%d].resources.requests", i)) {
						at = fmt.Sprintf("services[%d].resources.requests", i)
					}
				}
				p.fail(at, "choose a larger VM size or lower the pod's requests",
					"in %s, a %s pod (%s CPU, %s memory) is larger than a %s node's allocatable %dm CPU, %dMi memory",
					e.Name, w.Name, w.CPURequest, w.MemRequest, vm.Name, alloc.CPUMilli, alloc.MemoryMiB)
				return
			}
		}
		np.NodesAtMin, np.RequestedCPUM, np.RequestedMiB = pack(pods, false, alloc, cfg.MaxPods)
		np.NodesAtMax, _, _ = pack(pods, true, alloc, cfg.MaxPods)
		zones := len(e.Zones)
		np.Min = roundUp(max(np.NodesAtMin, zones, 1), zones)
		np.Max = roundUp(max(np.NodesAtMax, np.Min), zones)
		if cfg.Min > 0 {
			np.Min = cfg.Min
		}
		if cfg.Max > 0 {
			if cfg.Max < np.NodesAtMax {
				p.fail(def.path+".max", fmt.Sprintf("raise max to at least %d or choose a larger VM size", np.NodesAtMax),
					"in %s, %d %s nodes cannot hold the pods at maximum replicas; they need %d", e.Name, cfg.Max, vm.Name, np.NodesAtMax)
				return
			}
			np.Max = cfg.Max
		}
		if !np.Autoscale {
			// A fixed pool must hold the pods at their maximum.
			np.Min = max(np.Min, np.Max)
			np.Max = np.Min
		}
		if np.Max < np.Min {
			p.fail(def.path+".max", "make max at least min", "node pool max %d is below min %d", np.Max, np.Min)
		}
		e.Pools = append(e.Pools, np)
	}
}

// pack places pods first-fit decreasing onto nodes and returns how many
// nodes it used and the total requests it placed.
func pack(ws []Workload, atMax bool, alloc azure.Allocatable, maxPods int) (nodes int, cpu, mem int64) {
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

func roundUp(n, multiple int) int {
	if multiple <= 1 {
		return n
	}
	return (n + multiple - 1) / multiple * multiple
}

func milli(q string) int64 {
	v, err := resource.ParseQuantity(q)
	if err != nil {
		return 0
	}
	return v.MilliValue()
}

func mebi(q string) int64 {
	v, err := resource.ParseQuantity(q)
	if err != nil {
		return 0
	}
	return (v.Value() + (1<<20 - 1)) >> 20
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
