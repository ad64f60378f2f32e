package check

import (
	"fmt"
	"strings"

	"k8s.io/apimachinery/pkg/api/resource"

	"github.com/physarch/physarch/internal/plan"
)

func capacityRules(r *Registry) {
	r.Add(
		Rule{ID: "CP001", Family: "capacity", Severity: Error,
			Title:     "Limits below requests",
			Rationale: "Kubernetes rejects a container whose limit is below its request; where it does not (defaults, LimitRanges) the pod is throttled or killed below what the scheduler reserved.",
			Fix:       "Make resources.limits at least resources.requests, or omit limits (physarch then uses twice the request).",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range c.Plan.Envs {
					for _, w := range e.Workloads {
						for _, q := range [][3]string{{"cpu", w.CPURequest, w.CPULimit}, {"memory", w.MemRequest, w.MemLimit}} {
							req, err1 := resource.ParseQuantity(q[1])
							lim, err2 := resource.ParseQuantity(q[2])
							if err1 == nil && err2 == nil && q[2] != "" && lim.Cmp(req) < 0 {
								f := at(e, c, "", "%s: %s limit %s is below the request %s", w.Name, q[0], q[2], q[1])
								f.Path = c.servicePath(w.Name) + ".resources.limits." + q[0]
								out = append(out, f)
							}
						}
					}
				}
				return out
			}},
		Rule{ID: "CP002", Family: "capacity", Severity: Error,
			Title:     "Pod larger than a node's allocatable resources",
			Rationale: "A pod that fits no node stays Pending forever; the autoscaler cannot help because a new node is no bigger.",
			Fix:       "Use a larger vmSize for the service's pool (nodePools.apps, or the dedicated pool it names) or smaller requests.",
			Check: func(c *Context) []Finding {
				return eachWorkload(c, c.Plan.Envs, "resources.requests", func(e *plan.Env, w *plan.Workload) string {
					pool := e.Pool("apps")
					if w.Pool != "" {
						pool = e.Pool(w.Pool)
					}
					if pool != nil && (w.CPURequestM > pool.FreeCPUM || w.MemRequestMiB > pool.FreeMemMiB) {
						return fmt.Sprintf("%s requests %s CPU / %s, a %s node of pool %s offers %dm / %d MiB after its DaemonSets", w.Name, w.CPURequest, w.MemRequest, pool.VMSize, pool.Name, pool.FreeCPUM, pool.FreeMemMiB)
					}
					return ""
				})
			}},
		Rule{ID: "CP016", Family: "capacity", Severity: Warning,
			Title:     "GPU node pool without a NoSchedule taint",
			Rationale: "Without a taint any pod the scheduler finds room for may land on a GPU node and take the CPU and memory the GPU workloads need; GPU nodes cost several times a general-purpose node.",
			Fix:       "Give the pool a taint such as nodePools.<name>.taints: [sku=gpu:NoSchedule]; the services placed on it tolerate it.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range c.Plan.Envs {
					for _, p := range e.Pools {
						if p.GPUs == 0 {
							continue
						}
						tainted := false
						for _, t := range p.Taints {
							tainted = tainted || strings.HasSuffix(t, ":NoSchedule") || strings.HasSuffix(t, ":NoExecute")
						}
						if !tainted {
							out = append(out, at(e, c, "nodePools."+p.Name, "pool %s runs %s nodes (%d × %s) without a NoSchedule taint", p.Name, p.VMSize, p.GPUs, p.GPU))
						}
					}
				}
				return out
			}},
		Rule{ID: "CP017", Family: "capacity", Severity: Error,
			Title:     "Spot node pool without the cluster autoscaler",
			Rationale: "Azure may evict a Spot node at any time and, with eviction_policy Delete, deletes it. A fixed-size pool never gets it back: its pods stay Pending until someone scales the pool by hand. Only the cluster autoscaler adds a node for the pods an eviction left pending.",
			Fix:       "Set nodePools.apps.autoscale: true (the dev profile's default), or spot: false.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range c.Plan.Envs {
					for _, p := range e.Pools {
						if p.Spot && !p.Autoscale {
							out = append(out, at(e, c, "nodePools."+p.Name+".autoscale", "pool %s runs on Spot at a fixed %d nodes: an evicted node is deleted and not replaced", p.Name, p.Min))
						}
					}
				}
				return out
			}},
		Rule{ID: "CP005", Family: "capacity", Severity: Error,
			Title:     "AKS subnet too small for maximum nodes × maximum pods",
			Rationale: "Azure CNI gives every pod a VNet address: when the subnet runs out at scale-out, new nodes and pods fail to get addresses.",
			Fix:       "Give the aks subnet a larger prefix (network.subnets) or lower nodePools maxPods/max.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range c.Plan.Envs {
					s, ok := e.Network.Subnet("aks")
					if ok && s.Usable < s.Required {
						out = append(out, at(e, c, "network.subnets", "subnet %s (%s) has %d usable addresses, %d are needed at maximum scale", s.Name, s.CIDR, s.Usable, s.Required))
					}
				}
				return out
			}},
		Rule{ID: "CP006", Family: "capacity", Severity: Warning,
			Title:     "No room to scale out in production",
			Rationale: "An HPA whose maximum equals its minimum cannot absorb a peak above the estimate.",
			Fix:       "Raise replicas.max or scaling.headroom.",
			Check: func(c *Context) []Finding {
				return eachWorkload(c, prodEnvs(c), "replicas", func(_ *plan.Env, w *plan.Workload) string {
					if w.Autoscaled() && w.Max <= w.Min {
						return fmt.Sprintf("%s runs %d..%d replicas", w.Name, w.Min, w.Max)
					}
					return ""
				})
			}},
		Rule{ID: "CP007", Family: "capacity", Severity: Warning,
			Title:     "Peak load needs every replica the HPA allows",
			Rationale: "Without headroom the first request above the estimate, or one failed replica, overloads the rest.",
			Fix:       "Raise replicas.max or scaling.headroom above 1.",
			Check: func(c *Context) []Finding {
				return eachWorkload(c, prodEnvs(c), "replicas", func(_ *plan.Env, w *plan.Workload) string {
					if w.Autoscaled() && w.Needed >= w.Max && w.Max > w.Min {
						return fmt.Sprintf("%s needs %d replicas at peak and may have %d", w.Name, w.Needed, w.Max)
					}
					return ""
				})
			}},
		Rule{ID: "CP015", Family: "capacity", Severity: Warning,
			Title:     "CronJob runs may overlap",
			Rationale: "With concurrencyPolicy Allow a run that is due while the last one still runs starts anyway. The node pools hold one run (its parallelism pods), so overlapping runs leave pods Pending, run longer and pile up further.",
			Fix:       "Set cronJob.concurrencyPolicy to Forbid (the default) or Replace, or keep cronJob.activeDeadlineSeconds below the time between two runs.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, s := range c.Plan.Services {
					if cj := s.CronJob; cj != nil && cj.ConcurrencyPolicy == "Allow" {
						out = append(out, Finding{Path: c.servicePath(s.Name) + ".cronJob.concurrencyPolicy",
							Message: fmt.Sprintf("%s allows overlapping runs; the node pools count one run of %d pods", s.Name, cj.Parallelism)})
					}
				}
				return out
			}},
		Rule{ID: "CP008", Family: "capacity", Severity: Warning,
			Title:     "Pinned node pool maximum leaves no spare node",
			Rationale: "When the pods at maximum replicas need every node a pinned maximum allows, one node failure leaves pods Pending. (A maximum physarch computes already sits above the peak by scaling.headroom.)",
			Fix:       "Raise nodePools.apps.max, or drop the pin and let physarch size the pool.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range prodEnvs(c) {
					for _, p := range e.Pools {
						path := c.envPath(e) + ".nodePools." + p.Name + ".max"
						pinned := c.Doc.Has(path) && c.Doc.At(path).File == c.Doc.File
						if pinned && p.Autoscale && p.NodesAtMax >= p.Max {
							out = append(out, at(e, c, "nodePools."+p.Name+".max", "pool %s needs %d nodes at maximum replicas and may grow to %d", p.Name, p.NodesAtMax, p.Max))
						}
					}
				}
				return out
			}},
	)
}
