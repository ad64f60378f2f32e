package plan

import (
	"fmt"
	"math"
	"sort"

	"k8s.io/apimachinery/pkg/api/resource"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/spec"
)

// daemonSetPods is the fewest pod slots per node the DaemonSets are
// counted to take, whatever the catalog lists (plan.Env.DaemonSets: one
// pod a node each), so that the packing never plans a node full to its
// max-pods limit.
const daemonSetPods = 8

// podSlots is what a node of maxPods leaves the system's pods: maxPods
// less one pod of each DaemonSet every node runs (at least daemonSetPods).
func podSlots(e *Env, maxPods int) int {
	return maxPods - max(daemonSetPods, len(e.DaemonSets.DaemonSets))
}

// Hard limits. Beyond them a figure is a typo or a different kind of
// system, and planning it would only cost time and memory.
const (
	// maxReplicas bounds every service's replicas, computed or pinned.
	// Kubernetes truncates a Service's Endpoints object at 1,000
	// addresses (the endpoints.kubernetes.io/over-capacity annotation),
	// and at 1,000 replicas even the smallest pods fill hundreds of
	// nodes: a service that needs more is split or sized by hand, not
	// by this formula.
	maxReplicas = 1000
	// AKS allows 1,000 nodes per node pool and 5,000 per cluster
	// (learn.microsoft.com/azure/aks/quotas-skus-regions, "Service
	// quotas and limits").
	maxNodesPerPool    = 1000
	maxNodesPerCluster = 5000
)

// workloads sizes every service from the expected load:
//
//	peak RPS      = users × requests per user per minute / 60
//	CPU at peak   = peak RPS × CPU ms per request            (millicores)
//	needed        = ⌈CPU at peak / (CPU request × target)⌉
//	min replicas  = max(profile floor, zones when spread, ⌈needed × off-peak share⌉)
//	max replicas  = max(⌈needed × headroom⌉, min, 2 × min when headroom > 1)
//
// The figures are computed in float64 and checked against maxReplicas
// before they become ints, so no input can overflow them. It reports
// false when a figure is out of bounds.
func (p *planner) workloads(e *Env, path string) bool {
	s := &p.doc.Spec
	sc := e.Settings.Scaling
	users := float64(e.Settings.Targets.Users)
	ok := true
	for i, sv := range s.Services {
		sp := fmt.Sprintf("services[%d]", i)
		w := Workload{
			EphemeralRequest: defaultEphemeralRequest, EphemeralLimit: defaultEphemeralLimit,
			Name: sv.Name, Kind: sv.Kind, Pool: or(sv.NodePool, spec.AppsPool), Port: sv.Port,
			CPURequest: sv.Resources.Requests.CPU, MemRequest: sv.Resources.Requests.Memory,
			CPULimit: sv.Resources.Limits.CPU, MemLimit: sv.Resources.Limits.Memory,
			HPACPU: sc.TargetCPUUtilization, HPAMem: sc.TargetMemUtilization,
		}
		if a := sv.Autoscale; a != nil && a.MemoryPercent != nil {
			w.HPAMem = *a.MemoryPercent
		}
		w.CPURequestM = milli(w.CPURequest)
		w.MemRequestMiB = mebi(w.MemRequest)
		if sv.Kind == spec.WorkloadCronJob || sv.Kind == spec.WorkloadWorker {
			e.Workloads = append(e.Workloads, offPath(w, sv))
			continue
		}
		w.PeakRPS = round2(users * sv.Load.RequestsPerUserPerMinute / 60)
		w.CPUNeededM = math.Round(w.PeakRPS * sv.Load.CPUMillisPerRequest)
		perPod := float64(w.CPURequestM) * float64(sc.TargetCPUUtilization) / 100
		needed := max(1, math.Ceil(w.CPUNeededM/perPod))
		if !(needed <= maxReplicas) { // also NaN and +Inf
			at, hint := p.loadDriver(e, i, sv, perPod, path)
			p.fail(at, hint, "in %s, %s needs %s replicas at peak (%s req/s × %g ms CPU per request at %d%% of %s); physarch plans at most %d replicas per service",
				e.Name, sv.Name, big(needed), big(w.PeakRPS), sv.Load.CPUMillisPerRequest, sc.TargetCPUUtilization, w.CPURequest, maxReplicas)
			ok = false
			continue
		}
		minR := max(1, float64(sc.MinReplicas), math.Ceil(needed*sc.OffPeakFraction))
		if sc.SpreadZones {
			minR = max(minR, float64(len(e.Zones)))
		}
		maxR := max(math.Ceil(needed*sc.Headroom), minR)
		if sc.Headroom > 1 {
			maxR = max(maxR, 2*minR)
		}
		if r := sv.Replicas; r != nil {
			minR, maxR, w.Pinned = float64(r.Min), float64(r.Max), true
			if !(maxR <= maxReplicas) || !(minR <= maxReplicas) {
				at := sp + ".replicas.max"
				if !(minR <= maxReplicas) {
					at = sp + ".replicas.min"
				}
				p.fail(at, fmt.Sprintf("pin at most %d replicas, or split the service", maxReplicas),
					"%s pins %s replicas; physarch plans at most %d per service", sv.Name, big(max(minR, maxR)), maxReplicas)
				ok = false
				continue
			}
		}
		if !(maxR <= maxReplicas) || !(minR <= maxReplicas) {
			at, hint := p.scalingDriver(e, minR, needed, path)
			p.fail(at, hint, "in %s, %s would scale between %s and %s replicas; physarch plans at most %d per service",
				e.Name, sv.Name, big(minR), big(maxR), maxReplicas)
			ok = false
			continue
		}
		w.Needed, w.Min, w.Max = int(needed), int(minR), int(maxR)
		if w.Pinned && w.Max < w.Needed {
			p.fail(sp+".replicas.max", fmt.Sprintf("raise replicas.max to at least %d, raise the CPU request, or lower the load", w.Needed),
				"in %s, %d replicas cannot carry the peak: %.0f req/s × %g ms = %.0fm CPU needs %d pods at %d%% of %s",
				e.Name, w.Max, w.PeakRPS, sv.Load.CPUMillisPerRequest, w.CPUNeededM, w.Needed, sc.TargetCPUUtilization, w.CPURequest)
		}
		if w.Min >= 2 {
			w.PDBMinAvail = w.Min - 1
		}
		e.PeakRPS += w.PeakRPS
		e.Workloads = append(e.Workloads, w)
	}
	e.PeakRPS = round2(e.PeakRPS)
	return ok
}

// offPath sizes a workload off the request path, which takes no user
// load: a cronjob's run is its parallelism (counted in the node pools at
// minimum and at maximum, since a schedule may fire at peak; with
// concurrencyPolicy Allow, runs that overlap need more and the documents
// say so), a worker's bounds are its KEDA bounds. Neither has an HPA.
func offPath(w Workload, sv spec.Service) Workload {
	w.HPACPU, w.HPAMem = 0, 0
	if sv.Kind == spec.WorkloadCronJob {
		if sv.CronJob != nil {
			w.Min, w.Max = sv.CronJob.Parallelism, sv.CronJob.Parallelism
		}
		return w
	}
	if sv.Worker != nil {
		w.Min, w.Max = sv.Worker.MinReplicas, sv.Worker.MaxReplicas
	}
	if w.Min >= 2 {
		w.PDBMinAvail = w.Min - 1
	}
	return w
}

// loadDriver is the spec key to blame for too many replicas at peak: the
// service's load when a single user alone would need a whole pod (such a
// figure is a typo), else the environment's peak users.
func (p *planner) loadDriver(e *Env, i int, sv spec.Service, perPod float64, path string) (at, hint string) {
	sp := fmt.Sprintf("services[%d]", i)
	perUser := sv.Load.RequestsPerUserPerMinute / 60 * sv.Load.CPUMillisPerRequest / perPod
	if !(perUser < 1) {
		for _, key := range []string{".load.cpuMillisPerRequest", ".load.requestsPerUserPerMinute", ".resources.requests.cpu"} {
			if p.doc.Has(sp + key) {
				return sp + key, "check the service's load figures: one user alone needs a whole pod"
			}
		}
	}
	return path + ".targets.users", fmt.Sprintf("lower the peak users or the load of %s, or raise its CPU request, so that it needs at most %d replicas", sv.Name, maxReplicas)
}

// scalingDriver is the spec key to blame for replica bounds that are too
// large although the replicas needed at peak are not: the minimum floor,
// the off-peak share, or the headroom.
func (p *planner) scalingDriver(e *Env, minR, needed float64, path string) (at, hint string) {
	sc := e.Settings.Scaling
	switch {
	case float64(sc.MinReplicas) > maxReplicas/2:
		return path + ".scaling.minReplicas", fmt.Sprintf("a minimum of at most %d replicas (the maximum is at least twice the minimum)", maxReplicas/2)
	case math.Ceil(needed*sc.OffPeakFraction) >= minR && !(needed*sc.OffPeakFraction <= maxReplicas/2):
		return path + ".scaling.offPeakFraction", "a share of the peak between 0 and 1, such as 0.3"
	default:
		return path + ".scaling.headroom", "a factor over the peak such as 1.5"
	}
}

// big prints a figure that may be huge (1e300) or not finite.
func big(f float64) string {
	if f < 1e15 {
		return fmt.Sprintf("%.0f", f)
	}
	return fmt.Sprintf("%.3g", f)
}

// backingPods adds the pods of the components the cluster runs (dev's
// PostgreSQL and Redis): always on managed disks, never hostPath.
func (p *planner) backingPods(e *Env, path string) {
	for _, c := range Facets[Podded](e) {
		e.Backing = append(e.Backing, c.Pods()...)
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

// BackingPod is a component's single pod: one replica, the request as its
// CPU limit doubled, a managed disk of storageGB (or none).
func BackingPod(name string, port int, cpu, mem string, storageGB int, class, image string) Workload {
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
	e.DaemonSets = daemonSets(e)
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
		if podSlots(e, cfg.MaxPods) < 2 {
			p.fail(def.path+".maxPods", fmt.Sprintf("raise maxPods to at least %d (30 is the default)", cfg.MaxPods-podSlots(e, cfg.MaxPods)+2),
				"in %s, maxPods %d leaves %d pods a node once the %d DaemonSets have theirs", e.Name, cfg.MaxPods, podSlots(e, cfg.MaxPods), len(e.DaemonSets.DaemonSets))
			continue
		}
		if cfg.Spot && !azure.SpotOffered(vm.Name) {
			p.refuseSpot(def.path, def.name, vm.Name)
			continue
		}
		alloc := azure.NodeAllocatable(vm, cfg.MaxPods)
		free := room(alloc, e.DaemonSets)
		np := NodePool{
			Name: def.name, Mode: def.mode, VMSize: vm.Name, VCPU: vm.VCPU, MemoryGiB: vm.MemoryGiB,
			AllocCPUM: alloc.CPUMilli, AllocMemMiB: alloc.MemoryMiB, FreeCPUM: free.CPUMilli, FreeMemMiB: free.MemoryMiB, MaxPods: cfg.MaxPods, PodSlots: podSlots(e, cfg.MaxPods),
			Autoscale: cfg.Autoscale, Spot: cfg.Spot, Zones: e.Zones, OSDiskGB: cfg.OSDiskGB,
		}
		if def.name == "system" {
			// The system pool runs only system pods, so its size is the
			// profile's (or the spec's) choice, not a packing result.
			np.Taints = []string{"CriticalAddonsOnly=true:NoSchedule"}
			np.Min, np.Max = max(cfg.Min, 1), max(cfg.Max, cfg.Min, 1)
			np.NodesAtMin, np.NodesAtMax = np.Min, np.Max
			if p.poolWithinLimit(e, np, cfg, def.path) {
				e.Pools = append(e.Pools, np)
			}
			continue
		}
		if cfg.Spot {
			np.Taints = []string{"kubernetes.azure.com/scalesetpriority=spot:NoSchedule"}
		}
		pods := e.PoolPods(spec.AppsPool)
		if !p.fits(e, pods, vm, free, def.path) {
			return
		}
		np.NodesAtMin, np.RequestedCPUM, np.RequestedMiB = pack(pods, false, free, np.PodSlots)
		np.NodesAtMax, _, _ = pack(pods, true, free, np.PodSlots)
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
		if !p.poolWithinLimit(e, np, cfg, def.path) {
			return
		}
		e.Pools = append(e.Pools, np)
	}
	for _, name := range se.NodePools.DedicatedNames() {
		if !p.dedicatedPool(e, path, name) {
			return
		}
	}
	p.clusterWithinLimit(e, path)
}

// onPool are the workloads placed on a pool.
func (e *Env) onPool(pool string) []Workload {
	var out []Workload
	for _, w := range e.Workloads {
		if w.Pool == pool || (w.Pool == "" && pool == spec.AppsPool) {
			out = append(out, w)
		}
	}
	return out
}

// fits reports whether every pod fits one node of the pool's VM size
// (its room after the DaemonSets), and otherwise blames the pod's requests (or the pool's VM size, when
// the requests are defaults).
func (p *planner) fits(e *Env, pods []Workload, vm azure.VMSize, alloc azure.Allocatable, poolPath string) bool {
	for _, w := range pods {
		if w.PodCPUM() > alloc.CPUMilli || w.PodMemMiB() > alloc.MemoryMiB {
			at := poolPath + ".vmSize"
			for i, sv := range p.doc.Spec.Services {
				if sv.Name == w.Name && p.doc.Has(fmt.Sprintf("services[%d].resources.requests", i)) {
					at = fmt.Sprintf("services[%d].resources.requests", i)
				}
			}
			p.fail(at, "choose a larger VM size or lower the pod's requests",
				"in %s, a %s pod (%s CPU, %s memory) is larger than a %s node's allocatable less its DaemonSets, %dm CPU, %dMi memory",
				e.Name, w.Name, w.CPURequest, w.MemRequest, vm.Name, alloc.CPUMilli, alloc.MemoryMiB)
			return false
		}
	}
	return true
}

// dedicatedPool sizes a pool for a group of services (nodePools.<name>)
// as the apps pool is sized, from the pods placed on it only:
//
//	min = 0 when no pod runs at minimum replicas (a worker scaled to zero,
//	      an idle GPU pool), else ⌈nodes at min⌉ rounded up to a multiple
//	      of the pool's zones, at least one per zone
//	max = nodes at max, at least min and 1, rounded up to the zones
//
// Its zones are its own (a zonal pool) or the environment's; maxPods,
// OS disk and autoscaling default to the apps pool's.
func (p *planner) dedicatedPool(e *Env, path, name string) bool {
	se := e.Settings
	cfg := se.NodePools.Dedicated[name]
	pp := path + ".nodePools." + name
	vm, ok := azure.LookupVM(cfg.VMSize)
	if !ok {
		p.fail(pp+".vmSize", hintFrom(cfg.VMSize, azure.VMNames()), "VM size %q is not in the catalog", cfg.VMSize)
		return false
	}
	apps := se.NodePools.Apps
	maxPods := cfg.MaxPods
	if maxPods == 0 {
		maxPods = defaultMaxPods
	}
	autoscale := apps.Autoscale
	if cfg.Autoscale != nil {
		autoscale = *cfg.Autoscale
	}
	zones := append([]int(nil), cfg.Zones...)
	sort.Ints(zones)
	if len(zones) == 0 {
		zones = e.Zones
	}
	alloc := azure.NodeAllocatable(vm, maxPods)
	free := room(alloc, e.DaemonSets)
	np := NodePool{
		Name: name, Mode: "User", VMSize: vm.Name, VCPU: vm.VCPU, MemoryGiB: vm.MemoryGiB, GPUs: vm.GPUs, GPU: vm.GPU,
		AllocCPUM: alloc.CPUMilli, AllocMemMiB: alloc.MemoryMiB, FreeCPUM: free.CPUMilli, FreeMemMiB: free.MemoryMiB, MaxPods: maxPods, PodSlots: podSlots(e, maxPods),
		Autoscale: autoscale, Zones: zones, Taints: cfg.Taints, Labels: cfg.Labels, OSDiskGB: or0(cfg.OSDiskGB, apps.OSDiskGB), Dedicated: true,
	}
	pods := e.onPool(name)
	for _, w := range pods {
		np.Services = append(np.Services, w.Name)
	}
	if !p.fits(e, pods, vm, free, pp) {
		return false
	}
	np.NodesAtMin, np.RequestedCPUM, np.RequestedMiB = pack(pods, false, free, np.PodSlots)
	np.NodesAtMax, _, _ = pack(pods, true, free, np.PodSlots)
	z := len(zones)
	if np.NodesAtMin > 0 {
		np.Min = roundUp(max(np.NodesAtMin, z), z)
	}
	np.Max = roundUp(max(np.NodesAtMax, np.Min, 1), z)
	if p.doc.Has(pp + ".min") {
		np.Min = cfg.Min
	}
	if cfg.Max > 0 {
		if cfg.Max < np.NodesAtMax {
			p.fail(pp+".max", fmt.Sprintf("raise max to at least %d or choose a larger VM size", np.NodesAtMax),
				"in %s, %d %s nodes cannot hold the pods placed on pool %s at maximum replicas; they need %d", e.Name, cfg.Max, vm.Name, name, np.NodesAtMax)
			return false
		}
		np.Max = cfg.Max
	}
	if !np.Autoscale {
		np.Min = max(np.Min, np.Max)
		np.Max = np.Min
	}
	if np.Max < np.Min {
		p.fail(pp+".max", "make max at least min", "node pool %s max %d is below min %d", name, np.Max, np.Min)
		return false
	}
	if !p.poolWithinLimit(e, np, spec.NodePool{Min: cfg.Min, Max: cfg.Max}, pp) {
		return false
	}
	e.Pools = append(e.Pools, np)
	return true
}

// defaultMaxPods is Azure CNI's default pods per node, a dedicated pool's
// unless it states its own.
const defaultMaxPods = 30

func or0(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

// clusterWithinLimit checks the pools together against AKS's 5,000 nodes
// per cluster: with dedicated pools (up to 1,000 nodes each) the sum can
// pass it.
func (p *planner) clusterWithinLimit(e *Env, path string) {
	if lo, hi := e.TotalNodes(); hi > maxNodesPerCluster || lo > maxNodesPerCluster {
		p.fail(path+".nodePools", fmt.Sprintf("AKS allows %d nodes per cluster; choose larger VM sizes or lower the load", maxNodesPerCluster),
			"in %s, the node pools reach %d nodes; AKS allows %d per cluster", e.Name, max(lo, hi), maxNodesPerCluster)
	}
}

// poolWithinLimit checks a pool against AKS's 1,000 nodes per pool,
// pointing at the pinned bound when the spec pins one and at the VM size
// otherwise (more pods per node is the usual fix).
func (p *planner) poolWithinLimit(e *Env, np NodePool, cfg spec.NodePool, path string) bool {
	if np.Min <= maxNodesPerPool && np.Max <= maxNodesPerPool {
		return true
	}
	switch {
	case cfg.Min > maxNodesPerPool:
		p.fail(path+".min", fmt.Sprintf("AKS allows at most %d nodes per pool", maxNodesPerPool), "node pool min %d is over AKS's limit of %d nodes per pool", cfg.Min, maxNodesPerPool)
	case cfg.Max > maxNodesPerPool:
		p.fail(path+".max", fmt.Sprintf("AKS allows at most %d nodes per pool", maxNodesPerPool), "node pool max %d is over AKS's limit of %d nodes per pool", cfg.Max, maxNodesPerPool)
	default:
		p.fail(path+".vmSize", "choose a larger VM size, or lower the load or the replicas",
			"in %s, the %s pool needs %d %s nodes; AKS allows %d per pool", e.Name, np.Name, max(np.Min, np.Max), np.VMSize, maxNodesPerPool)
	}
	return false
}

// pack places pods first-fit decreasing onto nodes and returns how many
// nodes it used and the total requests it placed. It works on counts per
// pod shape (CPU, memory) instead of single pods, and holds the nodes as
// runs of identical nodes, so its work grows with the number of shapes,
// not with the number of pods; the result is exactly per-pod first-fit
// decreasing (pack_test.go compares the two). Requests are non-negative.
func pack(ws []Workload, atMax bool, alloc azure.Allocatable, slotsPerNode int) (nodes int, cpu, mem int64) {
	type shape struct{ cpu, mem, n int64 }
	var shapes []shape
	for _, w := range ws {
		n := int64(w.Min)
		if atMax {
			n = int64(w.Max)
		}
		if n <= 0 {
			continue
		}
		c, m := w.PodCPUM(), w.PodMemMiB()
		shapes = append(shapes, shape{c, m, n})
		cpu += n * c
		mem += n * m
	}
	// Decreasing by CPU, then memory; pods of one shape are then
	// contiguous, as in the per-pod order.
	sort.SliceStable(shapes, func(i, j int) bool {
		if shapes[i].cpu != shapes[j].cpu {
			return shapes[i].cpu > shapes[j].cpu
		}
		return shapes[i].mem > shapes[j].mem
	})
	slots := int64(slotsPerNode)
	// fit is how many more pods of a shape a node with the given free
	// room takes (a node already over its room takes none).
	fit := func(freeCPU, freeMem, freeSlots, c, m int64) int64 {
		if freeCPU < 0 || freeMem < 0 || freeSlots <= 0 {
			return 0
		}
		k := freeSlots
		if c > 0 {
			k = min(k, freeCPU/c)
		}
		if m > 0 {
			k = min(k, freeMem/m)
		}
		return k
	}
	// run is count identical nodes, in the order first-fit opened them.
	type run struct{ cpu, mem, pods, count int64 }
	var runs []run
	for _, sh := range shapes {
		left := sh.n
		var next []run
		for _, r := range runs {
			k := fit(alloc.CPUMilli-r.cpu, alloc.MemoryMiB-r.mem, slots-r.pods, sh.cpu, sh.mem)
			if left == 0 || k == 0 {
				next = append(next, r)
				continue
			}
			full := min(left/k, r.count) // nodes of the run that take k pods each
			left -= full * k
			filled := run{r.cpu + k*sh.cpu, r.mem + k*sh.mem, r.pods + k, full}
			if full > 0 {
				next = append(next, filled)
			}
			rest := r.count - full
			if rest > 0 && left > 0 {
				// The next node takes what is left (fewer than k).
				next = append(next, run{r.cpu + left*sh.cpu, r.mem + left*sh.mem, r.pods + left, 1})
				left, rest = 0, rest-1
			}
			if rest > 0 {
				next = append(next, run{r.cpu, r.mem, r.pods, rest})
			}
		}
		if left > 0 {
			// New nodes, each opened with one pod and then filled; a pod
			// larger than a node still opens one (the caller refuses
			// such pods before packing).
			k := max(1, fit(alloc.CPUMilli, alloc.MemoryMiB, slots, sh.cpu, sh.mem))
			if full := left / k; full > 0 {
				next = append(next, run{k * sh.cpu, k * sh.mem, k, full})
			}
			if rest := left % k; rest > 0 {
				next = append(next, run{rest * sh.cpu, rest * sh.mem, rest, 1})
			}
		}
		runs = next[:0:0]
		for _, r := range next {
			if n := len(runs); n > 0 && runs[n-1].cpu == r.cpu && runs[n-1].mem == r.mem && runs[n-1].pods == r.pods {
				runs[n-1].count += r.count
				continue
			}
			runs = append(runs, r)
		}
	}
	var total int64
	for _, r := range runs {
		total += r.count
	}
	return int(total), cpu, mem
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
