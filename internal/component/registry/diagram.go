package registry

import "github.com/physarch/physarch/internal/render/diagram"

// Draw implements diagram.Drawn: the registry in Azure (the physical
// diagram), the images the services pull and, in production, what CI/CD
// pushes; a Premium registry's private endpoint in both diagrams, and in
// the network diagram the registry it reaches among the managed services.
func (c *Component) Draw(v diagram.View) diagram.Drawing {
	if v.Network {
		if !c.Premium() {
			return diagram.Drawing{}
		}
		return diagram.Drawing{
			Endpoints: []diagram.Shape{{ID: "PEACR", Label: "PE: Container Registry"}},
			Managed:   []diagram.Shape{{ID: "ACR", Label: "Azure Container Registry " + c.SKU, Tier: diagram.TierPlatform, Icon: "Containers/AzureContainerRegistry"}},
			Links:     []diagram.Edge{{From: "PEACR", To: "ACR", Label: "Private Link"}},
		}
	}
	d := diagram.Drawing{
		Azure: []diagram.Shape{{ID: "ACR", Label: "Azure Container Registry", Icon: "Containers/AzureContainerRegistry"}},
		Ties:  []diagram.Edge{{From: "ACR", To: diagram.NodeServices, Label: v.T("이미지", "images"), Dotted: true}},
	}
	if c.Premium() {
		// the nodes pull the images through the registry's endpoint
		d.Endpoints = []diagram.Shape{{ID: "PEACR", Label: "Private Endpoint: Container Registry"}}
		d.Ties = []diagram.Edge{{From: "ACR", To: "PEACR", Label: "Private Link", Dotted: true}, {From: "PEACR", To: diagram.NodeServices, Label: v.T("이미지", "images"), Dotted: true}}
	}
	if v.Env.IsProdLike() {
		d.Ties = append(d.Ties, diagram.Edge{From: diagram.NodeCICD, To: "ACR", Label: "push", Dotted: true})
	}
	return d
}
