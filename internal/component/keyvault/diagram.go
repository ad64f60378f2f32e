package keyvault

import "github.com/physarch/physarch/internal/render/mermaid"

// Draw implements mermaid.Drawn: the vault beside the VNet, its private
// endpoint, and the services' pods reading it through the CSI driver (the
// physical diagram).
func (c *Component) Draw(v mermaid.View) mermaid.Drawing {
	if v.Network {
		return mermaid.Drawing{}
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
