package registry

import "github.com/physarch/physarch/internal/render/mermaid"

// Draw implements mermaid.Drawn: the registry in Azure (the physical
// diagram), the images the services pull and, in production, what CI/CD
// pushes; a Premium registry's private endpoint in both diagrams, and in
// the network diagram the registry it reaches among the managed services.
func (c *Component) Draw(v mermaid.View) mermaid.Drawing {
	if v.Network {
		if !c.Premium() {
			return mermaid.Drawing{}
		}
		return mermaid.Drawing{
			Endpoints: []mermaid.Shape{{ID: "PEACR", Label: "PE: Container Registry"}},
			Managed:   []mermaid.Shape{{ID: "ACR", Label: "Azure Container Registry " + c.SKU}},
			Links:     []mermaid.Edge{{From: "PEACR", To: "ACR", Label: "Private Link"}},
		}
	}
	d := mermaid.Drawing{
		Azure: []mermaid.Shape{{ID: "ACR", Label: "Azure Container Registry"}},
		Ties:  []mermaid.Edge{{From: "ACR", To: mermaid.NodeServices, Label: v.T("이미지", "images"), Dotted: true}},
	}
	if c.Premium() {
		d.Endpoints = []mermaid.Shape{{ID: "PEACR", Label: "Private Endpoint: Container Registry"}}
	}
	if v.Env.IsProdLike() {
		d.Ties = append(d.Ties, mermaid.Edge{From: mermaid.NodeCICD, To: "ACR", Label: "push", Dotted: true})
	}
	return d
}
