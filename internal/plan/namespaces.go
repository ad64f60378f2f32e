package plan

import (
	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/spec"
)

// Namespace is one Kubernetes namespace of an environment and what runs
// in it.
type Namespace struct {
	Name  string // the Kubernetes namespace
	Group string // services[].namespace; "" for the environment's own
	// Dir is the directory of its manifests (base/<dir>, overlays/<env>/<dir>)
	// where the environment has several namespaces: the group, or
	// DefaultNamespaceDir for the environment's own.
	Dir      string
	Services []string // in spec order
	// Components: the components' pods and one-off Jobs run here (the
	// environment's own namespace).
	Components bool
	Quota      Quota
	Limits     LimitRange
}

// DefaultNamespaceDir is the manifests' directory of the environment's own
// namespace, where the environment has several.
const DefaultNamespaceDir = "default"

// Quota is a namespace's ResourceQuota.
type Quota struct {
	Pods                         int
	RequestsCPUM, LimitsCPUM     int64
	RequestsMemMiB, LimitsMemMiB int64
	// Basis are the same figures before the headroom, for the documents.
	BasisPods                          int
	BasisRequestsCPUM, BasisLimitsCPUM int64
}

// LimitRange is a namespace's per-container limits and defaults.
type LimitRange struct {
	MaxCPUM, MaxMemMiB                       int64
	DefaultCPUM, DefaultMemMiB               int64 // the limit of a container that states none
	DefaultRequestCPUM, DefaultRequestMemMiB int64 // the request of a container that states none
}

// Component Jobs' sizing (a schema or data script: k8s.Context.Job). The
// namespace quotas leave room for one.
const (
	JobCPURequest = "50m"
	JobMemRequest = "64Mi"
	JobCPULimit   = "200m"
	JobMemLimit   = "128Mi"
)

// quotaHeadroomPct is a namespace's quota over its pods at their
// maximum, in percent: 10% more, so that a pod's resources rising with
// the next change does not meet a quota error first.
const quotaHeadroomPct = 110

// MultiNamespace reports whether the environment runs services in several
// namespaces (some service names a namespace group).
func (e *Env) MultiNamespace() bool { return len(e.Namespaces) > 1 }

// NamespaceOf is the namespace a service (or a component's pod) runs in.
func (e *Env) NamespaceOf(name string) string {
	if !e.MultiNamespace() {
		return e.Namespace // no lookup where there is one namespace
	}
	if w := e.Workload(name); w != nil && w.Namespace != "" {
		return w.Namespace
	}
	return e.Namespace
}

// namespaces groups the services by services[].namespace: the
// environment's own namespace holds the services that name none and the
// components' pods; each group is <system>-<env>-<group>. With several,
// each namespace gets a quota and limits (see quota).
func (p *planner) namespaces(e *Env, pl *Plan, r *renamer) {
	own := Namespace{Name: e.Namespace, Dir: DefaultNamespaceDir, Components: true}
	groups := map[string]int{}
	var out []Namespace
	for _, sv := range p.doc.Spec.Services {
		if sv.Namespace == "" {
			own.Services = append(own.Services, sv.Name)
			continue
		}
		i, ok := groups[sv.Namespace]
		if !ok {
			name := r.use("Kubernetes namespace", naming.Namespace(pl.Name+"-"+e.Name+"-"+sv.Namespace))
			out = append(out, Namespace{Name: name, Group: sv.Namespace, Dir: sv.Namespace})
			i = len(out) - 1
			groups[sv.Namespace] = i
		}
		out[i].Services = append(out[i].Services, sv.Name)
	}
	e.Namespaces = append([]Namespace{own}, out...)
	for _, ns := range e.Namespaces {
		for _, name := range ns.Services {
			if w := e.Workload(name); w != nil {
				w.Namespace = ns.Name
			}
		}
	}
	if !e.MultiNamespace() {
		// One namespace has nothing to share out: the node pools bound it.
		return
	}
	for i := range e.Namespaces {
		e.sizeNamespace(&e.Namespaces[i], pl)
	}
}

// sizeNamespace sizes a namespace's quota and limits from what runs in it:
//
//	pods at most = Σ services and workers (max replicas + 1 rollout surge,
//	               maxSurge 1) + Σ cronjobs (parallelism × runs: 1 under
//	               Forbid, 2 under Replace or Allow, whose runs overlap)
//	               + in the environment's own namespace, where the
//	               components run pods, those pods and one of their Jobs
//	quota        = ⌈1.1 × Σ pods at most × each pod's request (limit)⌉,
//	               for pods, requests and limits of CPU and memory
//	LimitRange   : max = the largest container limit in the namespace;
//	               defaults = physarch's own (250m/512Mi requests, twice
//	               that as limits), at most max
func (e *Env) sizeNamespace(ns *Namespace, pl *Plan) {
	q := &ns.Quota
	lr := &ns.Limits
	add := func(n int, cpuReq, memReq, cpuLim, memLim string) {
		cl, ml := milli(cpuLim), mebi(memLim)
		q.BasisPods += n
		q.BasisRequestsCPUM += int64(n) * milli(cpuReq)
		q.BasisLimitsCPUM += int64(n) * cl
		q.RequestsMemMiB += int64(n) * mebi(memReq)
		q.LimitsMemMiB += int64(n) * ml
		lr.MaxCPUM, lr.MaxMemMiB = max(lr.MaxCPUM, cl), max(lr.MaxMemMiB, ml)
	}
	for _, name := range ns.Services {
		w := e.Workload(name)
		if w == nil {
			continue
		}
		n := w.Max + 1
		if w.Kind == spec.WorkloadCronJob {
			runs := 2
			for _, sv := range pl.Services {
				if sv.Name == name && sv.CronJob != nil && sv.CronJob.ConcurrencyPolicy == "Forbid" {
					runs = 1
				}
			}
			n = w.Max * runs
		}
		add(n, w.CPURequest, w.MemRequest, w.CPULimit, w.MemLimit)
		if sc := w.Sidecar; sc != nil {
			add(n, sc.CPURequest, sc.MemRequest, sc.CPULimit, sc.MemLimit)
		}
	}
	if ns.Components && (len(e.Backing) > 0 || e.RunsJobs(pl)) {
		// The components' pods, and room for one of the Jobs that set
		// them up (a database's init Job, also where the database is
		// managed and only the Job runs here).
		for _, b := range e.Backing {
			add(b.Max, b.CPURequest, b.MemRequest, b.CPULimit, b.MemLimit)
		}
		add(1, JobCPURequest, JobMemRequest, JobCPULimit, JobMemLimit)
	}
	// ⌈1.1 × v⌉ in integers: no float rounding in a quota.
	up := func(v int64) int64 { return (v*quotaHeadroomPct + 99) / 100 }
	q.Pods = int(up(int64(q.BasisPods)))
	q.RequestsCPUM, q.LimitsCPUM = up(q.BasisRequestsCPUM), up(q.BasisLimitsCPUM)
	q.RequestsMemMiB, q.LimitsMemMiB = up(q.RequestsMemMiB), up(q.LimitsMemMiB)
	lr.DefaultRequestCPUM = min(milli(spec.DefaultCPURequest), lr.MaxCPUM)
	lr.DefaultRequestMemMiB = min(mebi(spec.DefaultMemoryRequest), lr.MaxMemMiB)
	lr.DefaultCPUM = min(2*milli(spec.DefaultCPURequest), lr.MaxCPUM)
	lr.DefaultMemMiB = min(2*mebi(spec.DefaultMemoryRequest), lr.MaxMemMiB)
}

// Grouped reports whether any service names a namespace group: then every
// environment has several namespaces, and the manifests one directory
// per namespace.
func (pl *Plan) Grouped() bool {
	for _, sv := range pl.Services {
		if sv.Group != "" {
			return true
		}
	}
	return false
}

// GroupDir is the manifests' directory of a namespace group.
func GroupDir(group string) string {
	if group == "" {
		return DefaultNamespaceDir
	}
	return group
}

// RunsJobs reports whether a component runs a Job of its own here
// (JobRunner).
func (e *Env) RunsJobs(pl *Plan) bool {
	for _, jr := range Facets[JobRunner](e) {
		if len(jr.Jobs(pl, e)) > 0 {
			return true
		}
	}
	return false
}
