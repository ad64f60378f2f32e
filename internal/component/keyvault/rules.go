package keyvault

import (
	"strings"

	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Rules implements check.Ruled: the block's own rules.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "SC004", Family: "security", Severity: check.Error,
			Title:     "Production secrets outside Key Vault",
			Rationale: "Kubernetes Secrets are base64 in etcd, readable by anyone who can read the namespace; Key Vault adds access control, audit and rotation.",
			Fix:       "Set security.keyVault: true (secrets reach pods through the Secrets Store CSI driver).",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if _, ok := plan.Find[*Component](e); !ok && len(e.Secrets) > 0 {
						out = append(out, check.At(e, c, "security.keyVault", "%d secrets (%s) would live in Kubernetes Secrets", len(e.Secrets), strings.Join(e.Secrets, ", ")))
					}
				}
				return out
			}},
	}
}
