package check

import (
	"fmt"

	"github.com/physarch/physarch/internal/plan"
)

// daemonSetRules judge each node pool against the DaemonSets every node
// runs (plan.Env.DaemonSets): they come out of every node's allocatable
// before any pod of the system's.
func daemonSetRules(r *Registry) {
	r.Add(
		Rule{ID: "CP018", Family: "capacity", Severity: Warning,
			Title:     "Node size left mostly to DaemonSets",
			Rationale: "Every node runs AKS's DaemonSets (kube-proxy, the CNI, the CSI drivers) and those of the add-ons the plan turns on (a log agent, a secrets driver, a security sensor), and their requests are the same on a small node as on a large one. Where they take half a node's allocatable CPU or memory or more, every node pays more for them than for the system's own pods: the pool needs more nodes, and more of each node's cost goes to agents.",
			Fix:       "Choose a larger vmSize for the pool (such as Standard_D4s_v3 over Standard_D2s_v3), so that the same DaemonSets take a smaller share of each node.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range c.Plan.Envs {
					ds := e.DaemonSets
					for _, p := range e.Pools {
						// The system pool runs no pods of the system's; its
						// size is the profile's choice.
						if p.Mode != "User" || p.AllocCPUM <= 0 || p.AllocMemMiB <= 0 {
							continue
						}
						if 2*p.FreeCPUM < p.AllocCPUM || 2*p.FreeMemMiB < p.AllocMemMiB {
							out = append(out, at(e, c, "nodePools."+p.Name+".vmSize",
								"pool %s: the DaemonSets request %dm CPU and %d MiB on every %s node, leaving %dm of %dm CPU and %d of %d MiB (under half) for the pods",
								p.Name, ds.CPUM, ds.MemMiB, p.VMSize, p.FreeCPUM, p.AllocCPUM, p.FreeMemMiB, p.AllocMemMiB))
						}
					}
				}
				return out
			}},
		Rule{ID: "CP019", Family: "capacity", Severity: Error,
			Title:     "Node pool cannot hold its DaemonSets and its largest pod",
			Rationale: "The DaemonSets (kube-proxy, the CNI, the CSI drivers, and the agents of the add-ons the plan turns on) take their requests on every node before any pod is scheduled. A pool whose allocatable is below the DaemonSets' requests plus its largest pod leaves that pod Pending on every node, and the cluster autoscaler cannot help, since a new node is no bigger; where the allocatable is below the DaemonSets alone, even they stay Pending and the node never becomes useful.",
			Fix:       "Choose a larger vmSize for the pool, lower the largest pod's requests, or turn off an add-on the pool does not need.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range c.Plan.Envs {
					ds := e.DaemonSets
					for _, p := range e.Pools {
						if m := poolShortfall(p, ds, e.PoolPods(p.Name)); m != "" {
							out = append(out, at(e, c, "nodePools."+p.Name+".vmSize", "%s", m))
						}
					}
				}
				return out
			}},
	)
}

// poolShortfall says why a pool's nodes cannot hold the DaemonSets, or
// the DaemonSets and the pool's largest pod that does not fit beside
// them; "" when every pod fits.
func poolShortfall(p plan.NodePool, ds plan.DaemonSetReservation, pods []plan.Workload) string {
	offers := fmt.Sprintf("pool %s: a %s node offers %dm CPU and %d MiB; the %d DaemonSets request %dm and %d MiB",
		p.Name, p.VMSize, p.AllocCPUM, p.AllocMemMiB, len(ds.DaemonSets), ds.CPUM, ds.MemMiB)
	if ds.CPUM > p.AllocCPUM || ds.MemMiB > p.AllocMemMiB {
		return offers + ", more than the node has before any pod"
	}
	var worst *plan.Workload
	for i := range pods {
		w := &pods[i]
		if ds.CPUM+w.PodCPUM() <= p.AllocCPUM && ds.MemMiB+w.PodMemMiB() <= p.AllocMemMiB {
			continue
		}
		if worst == nil || w.PodCPUM()+w.PodMemMiB() > worst.PodCPUM()+worst.PodMemMiB() {
			worst = w
		}
	}
	if worst == nil {
		return ""
	}
	return fmt.Sprintf("%s, and its pod %s %dm and %d MiB beside them", offers, worst.Name, worst.PodCPUM(), worst.PodMemMiB())
}
