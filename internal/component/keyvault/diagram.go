package keyvault

import "github.com/physarch/physarch/internal/render/diagram"

// Draw implements diagram.Drawn: the vault beside the VNet, its private
// endpoint, and the services' pods reading it through the CSI driver (the
// physical diagram); where the vault is private, the network diagram's
// endpoint and the vault it reaches among the managed services.
func (c *Component) Draw(v diagram.View) diagram.Drawing {
	if v.Network {
		if !c.Private {
			return diagram.Drawing{}
		}
		return diagram.Drawing{
			Endpoints: []diagram.Shape{{ID: "PEVault", Label: "PE: Key Vault"}},
			Managed:   []diagram.Shape{{ID: "KeyVault", Label: "Key Vault", Tier: diagram.TierPlatform, Icon: "Security/AzureKeyVault"}},
			Links:     []diagram.Edge{{From: "PEVault", To: "KeyVault", Label: "Private Link"}},
		}
	}
	d := diagram.Drawing{
		Azure: []diagram.Shape{{ID: "KeyVault", Label: "Key Vault", Icon: "Security/AzureKeyVault"}},
		Ties:  []diagram.Edge{{From: diagram.NodeServices, To: "KeyVault", Label: "CSI", Dotted: true}},
	}
	if c.Private {
		// the CSI driver reads the vault through its endpoint: drawn in that path
		d.Endpoints = []diagram.Shape{{ID: "PEVault", Label: "Private Endpoint: Key Vault"}}
		d.Ties = []diagram.Edge{{From: diagram.NodeServices, To: "PEVault", Label: "CSI", Dotted: true}, {From: "PEVault", To: "KeyVault", Label: "Private Link", Dotted: true}}
	}
	return d
}
