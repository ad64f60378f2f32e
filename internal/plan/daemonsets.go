package plan

import (
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/spec"
)

// NodeAgented is a component that runs DaemonSets on every node (Container
// Insights' ama-logs, the Secrets Store CSI driver, Defender's sensor):
// the catalog groups it turns on (azure.DSContainerInsight, ...). Their
// requests are taken off every node's allocatable before the packing.
type NodeAgented interface{ DaemonSetGroups() []string }

// DaemonSetReservation is what the DaemonSets take on each node: the
// catalog's DaemonSets the environment runs, and their sums.
type DaemonSetReservation struct {
	DaemonSets []azure.DaemonSet
	CPUM       int64
	MemMiB     int64
}

// Estimated reports whether any figure in the sum is an estimate or an
// upper bound rather than a stated request.
func (r DaemonSetReservation) Estimated() bool {
	for _, d := range r.DaemonSets {
		if d.Estimate || d.UpperBound {
			return true
		}
	}
	return false
}

// daemonSets selects the DaemonSets every node of the environment runs:
// AKS's own on every node, the network plugin's and policy engine's, and
// those of the components that turn an add-on on.
func daemonSets(e *Env) DaemonSetReservation {
	groups := []string{azure.DSCore}
	if e.Settings.AKS.NetworkPlugin == "azure" {
		groups = append(groups, azure.DSAzureCNI)
	}
	switch e.Settings.AKS.NetworkPolicy {
	case "azure":
		groups = append(groups, azure.DSPolicyAzure)
	case "calico":
		groups = append(groups, azure.DSPolicyCalico)
	case "cilium":
		groups = append(groups, azure.DSPolicyCilium)
	}
	for _, c := range Facets[NodeAgented](e) {
		groups = append(groups, c.DaemonSetGroups()...)
	}
	var r DaemonSetReservation
	seen := map[string]bool{}
	for _, g := range groups {
		if seen[g] {
			continue
		}
		seen[g] = true
		for _, d := range azure.DaemonSets(g) {
			r.DaemonSets = append(r.DaemonSets, d)
			r.CPUM += d.CPUM
			r.MemMiB += d.MemMiB
		}
	}
	return r
}

// room is what a node of the pool offers the system's pods: the AKS
// allocatable less the DaemonSets' requests (never below zero).
func room(alloc azure.Allocatable, r DaemonSetReservation) azure.Allocatable {
	alloc.CPUMilli = max(0, alloc.CPUMilli-r.CPUM)
	alloc.MemoryMiB = max(0, alloc.MemoryMiB-r.MemMiB)
	return alloc
}

// PoolPods are the pods a pool packs: the services placed on it and, on
// the apps pool, the components' own pods (dev).
func (e *Env) PoolPods(pool string) []Workload {
	pods := e.onPool(pool)
	if pool == spec.AppsPool {
		pods = append(pods, e.Backing...)
	}
	return pods
}
