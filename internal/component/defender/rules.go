package defender

import (
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Rules implements check.Ruled: the block's own rule.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "OP010", Family: "operations", Severity: check.Info,
			Title:     "Production cluster without Microsoft Defender for Containers",
			Rationale: "Without Defender nothing scans the images the cluster runs for known vulnerabilities or watches the nodes and the Kubernetes API for attacks at run time; the security chapter's layers then stop at the network.",
			Fix:       "Set security.defender: true (the prod profile's default), or say why another tool does this.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if _, ok := plan.Find[*Component](e); !ok {
						out = append(out, check.At(e, c, "security.defender", "no image scanning or runtime threat detection"))
					}
				}
				return out
			}},
	}
}
