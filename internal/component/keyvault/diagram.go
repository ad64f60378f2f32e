package keyvault

import "github.com/physarch/physarch/internal/render/mermaid"

// Draw implements mermaid.Drawn: the vault beside the VNet, its private
// endpoint, and the services' pods reading it through the CSI driver (the
// physical diagram); where the vault is private, the network diagram's
// endpoint and the vault it reaches among the managed services.
func (c *Component) Draw(v mermaid.View) mermaid.Drawing {
	if v.Network {
		if !c.Private {
			return mermaid.Drawing{}
		}
		return mermaid.Drawing{
			Endpoints: []mermaid.Shape{{ID: "PEVault", Label: "PE: Key Vault"}},
			Managed:   []mermaid.Shape{{ID: "KeyVault", Label: "Key Vault"}},
			Links:     []mermaid.Edge{{From: "PEVault", To: "KeyVault", Label: "Private Link"}},
		}
	}
	d := mermaid.Drawing{
		Azure: []mermaid.Shape{{ID: "KeyVault", Label: "Key Vault"}},
		Ties:  []mermaid.Edge{{From: mermaid.NodeServices, To: "KeyVault", Label: "CSI", Dotted: true}},
	}
	if c.Private {
		d.Endpoints = []mermaid.Shape{{ID: "PEVault", Label: "Private Endpoint: Key Vault"}}
	}
	return d
}
