package registry

import "github.com/physarch/physarch/internal/render/mermaid"

// Draw implements mermaid.Drawn: the registry in Azure (the physical
// diagram), the images the services pull and, in production, what CI/CD
// pushes.
func (*Component) Draw(v mermaid.View) mermaid.Drawing {
	if v.Network {
		return mermaid.Drawing{}
	}
	d := mermaid.Drawing{
		Azure: []mermaid.Shape{{ID: "ACR", Label: "Azure Container Registry"}},
		Ties:  []mermaid.Edge{{From: "ACR", To: mermaid.NodeServices, Label: v.T("이미지", "images"), Dotted: true}},
	}
	if v.Env.IsProdLike() {
		d.Ties = append(d.Ties, mermaid.Edge{From: mermaid.NodeCICD, To: "ACR", Label: "push", Dotted: true})
	}
	return d
}
