package plan

import "github.com/physarch/physarch/internal/spec"

// sidecars gives every long-running service the containers Sidecared
// components inject, so that the pools are packed and the quotas sized
// with them. A cronjob gets none: the mesh does not inject Jobs' pods.
func sidecars(e *Env) {
	for _, c := range Facets[Sidecared](e) {
		sc := c.Sidecar()
		for i := range e.Workloads {
			if e.Workloads[i].Kind != spec.WorkloadCronJob {
				e.Workloads[i].Sidecar = &sc
			}
		}
	}
}

// PodCPUM is the pod's CPU request in millicores: the service's container
// and its sidecar.
func (w Workload) PodCPUM() int64 {
	if w.Sidecar == nil {
		return w.CPURequestM
	}
	return w.CPURequestM + milli(w.Sidecar.CPURequest)
}

// PodMemMiB is the pod's memory request in MiB, with its sidecar's.
func (w Workload) PodMemMiB() int64 {
	if w.Sidecar == nil {
		return w.MemRequestMiB
	}
	return w.MemRequestMiB + mebi(w.Sidecar.MemRequest)
}
