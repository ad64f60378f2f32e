package spec

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure"
)

// AppsPool is the pool services run on unless they name another.
const AppsPool = "apps"

// reservedLabelPrefixes are label prefixes AKS and physarch set on nodes
// themselves; AKS refuses user labels under its own.
var reservedLabelPrefixes = []string{"kubernetes.azure.com/", "kubernetes.io/", "k8s.io/", "physarch.dev/"}

// DedicatedNames are an environment's dedicated pools, sorted: the order
// every output lists them in.
func (n NodePools) DedicatedNames() []string {
	out := make([]string, 0, len(n.Dedicated))
	for k := range n.Dedicated {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// dedicatedPools checks an environment's dedicated pools: bounds that run
// backwards, zones the region has, labels AKS or physarch reserve.
func (v *validator) dedicatedPools(p string, e Environment, region azure.Region, regionKnown bool) {
	for _, name := range e.NodePools.DedicatedNames() {
		dp := e.NodePools.Dedicated[name]
		pp := p + ".nodePools." + name
		if dp.Min > 0 && dp.Max > 0 && dp.Max < dp.Min {
			v.fail(pp+".max", "make max at least min", "node pool %s max %d is below min %d", name, dp.Max, dp.Min)
		}
		seen := map[int]bool{}
		for j, z := range dp.Zones {
			zp := fmt.Sprintf("%s.zones[%d]", pp, j)
			switch {
			case seen[z]:
				v.fail(zp, "list each zone once", "zone %d is listed twice", z)
			case regionKnown && z > region.Zones:
				v.fail(zp, fmt.Sprintf("the region has %d availability zone(s)", region.Zones), "zone %d does not exist in %s", z, region.Name)
			}
			seen[z] = true
		}
		for _, key := range sortedKeys(dp.Labels) {
			for _, prefix := range reservedLabelPrefixes {
				if strings.HasPrefix(key, prefix) {
					v.fail(pp+".labels."+key, "use a prefix of your own, such as example.com/, or none", "label %q uses the prefix %s, which AKS or physarch sets on nodes itself", key, prefix)
				}
			}
		}
	}
}

// reservedGroups are namespace groups that read as Kubernetes' own
// namespaces (or as the environment's, whose directory is "default").
var reservedGroups = []string{"default", "kube-system", "kube-public", "kube-node-lease"}

// namespaceGroups refuses the groups that read as Kubernetes' own.
func (v *validator) namespaceGroups() {
	for i, sv := range v.doc.Spec.Services {
		if slices.Contains(reservedGroups, sv.Namespace) {
			v.fail(fmt.Sprintf("services[%d].namespace", i), "leave namespace out to run in the environment's own namespace, or choose another group such as core",
				"namespace group %q reads as Kubernetes' own namespace", sv.Namespace)
		}
	}
}

// placements checks that every service's pool exists in every
// environment: the service's pods must run somewhere in each.
func (v *validator) placements() {
	s := &v.doc.Spec
	for i, sv := range s.Services {
		p := fmt.Sprintf("services[%d].nodePool", i)
		if sv.NodePool == "" || sv.NodePool == AppsPool || v.failed[p] {
			continue
		}
		if sv.NodePool == "system" {
			v.fail(p, "use apps or a dedicated pool", "the system pool runs only AKS's own pods (it is tainted CriticalAddonsOnly); %s cannot run there", sv.Name)
			continue
		}
		var missing, known []string
		for j, e := range s.Environments {
			if e.Profile == "" || v.failedBelow(fmt.Sprintf("environments[%d].nodePools", j)) {
				continue // a pool the decoder refused is not also missing
			}
			if _, ok := e.NodePools.Dedicated[sv.NodePool]; !ok {
				missing = append(missing, e.Name)
			}
			for _, n := range e.NodePools.DedicatedNames() {
				if !slices.Contains(known, n) {
					known = append(known, n)
				}
			}
		}
		if len(missing) > 0 {
			hint := fmt.Sprintf("declare nodePools.%s in environment %s", sv.NodePool, strings.Join(missing, ", "))
			if !slices.Contains(known, sv.NodePool) {
				hint = v.didYouMean("pools", sv.NodePool, append(known, AppsPool), hint)
			}
			v.fail(p, hint, "node pool %q, where %s runs, is not declared in environment %s", sv.NodePool, sv.Name, strings.Join(missing, ", "))
		}
	}
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
