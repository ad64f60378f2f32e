package bastion

import (
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Rules implements check.Ruled: the block's own rules.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "SC013", Family: "security", Severity: check.Error,
			Title:     "Private production cluster with no way in",
			Rationale: "A private API server, Key Vault and registry answer only inside the VNet: without Bastion and a jump host (or another way into the VNet) nobody can set the secrets, push images or run kubectl, and the first deploy stops there.",
			Fix:       "Set operatorAccess.bastion: auto (Standard where the cluster is private) and operatorAccess.jumpHost: true, or make the cluster public (aks.privateCluster: false) with authorised IP ranges.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if !e.Settings.AKS.PrivateCluster {
						continue
					}
					b, ok := plan.Find[*Component](e)
					switch {
					case !ok:
						out = append(out, check.At(e, c, "operatorAccess.bastion", "the private cluster %s has no Bastion: its API, and the private Key Vault and registry, are reachable only from inside the VNet", e.Names.Cluster))
					case !b.JumpHost:
						out = append(out, check.At(e, c, "operatorAccess.jumpHost", "Bastion %s has no jump host to reach: nothing in the VNet runs kubectl, az keyvault or docker push", b.Host))
					}
				}
				return out
			}},
		{ID: "OP011", Family: "operations", Severity: check.Warning,
			Title:     "Bastion Basic: no native client",
			Rationale: "Bastion Basic connects only in the Azure portal's browser session; az network bastion ssh and az network bastion tunnel (scp, port forwarding, a local kubectl) need the Standard tier's native client support.",
			Fix:       "Set operatorAccess.bastion: Standard.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if b, ok := plan.Find[*Component](e); ok && b.SKU == Basic {
						out = append(out, check.At(e, c, "operatorAccess.bastion", "Bastion %s is Basic: the documented az network bastion ssh and tunnel commands cannot run", b.Host))
					}
				}
				return out
			}},
	}
}
