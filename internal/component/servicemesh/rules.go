package servicemesh

import (
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Rules implements check.Ruled: the block's own rule.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "AV017", Family: "availability", Severity: check.Warning,
			Title:     "Service mesh sidecars without a reservation in production",
			Rationale: "A sidecar that requests no CPU or memory is not counted in the node packing: the nodes then hold fewer pods than planned, and under pressure the proxies, on every request's path, are the first starved or evicted.",
			Fix:       "Set serviceMesh.sidecarCPUMillis and sidecarMemoryMiB to what the proxies use (Istio's defaults are 100 and 128).",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					x, ok := plan.Find[*Component](e)
					if !ok {
						continue
					}
					switch {
					case x.CPUM == 0:
						out = append(out, check.At(e, c, "serviceMesh.sidecarCPUMillis", "each sidecar requests no CPU: the node pools do not count it"))
					case x.MemMiB == 0:
						out = append(out, check.At(e, c, "serviceMesh.sidecarMemoryMiB", "each sidecar requests no memory: the node pools do not count it"))
					}
				}
				return out
			}},
	}
}
