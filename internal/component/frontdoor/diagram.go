package frontdoor

import "github.com/physarch/physarch/internal/render/mermaid"

// Draw implements mermaid.Drawn: production's diagrams draw Front Door
// with the users, the first stop on the way in.
func (c *Component) Draw(v mermaid.View) mermaid.Drawing {
	if !v.Env.IsProdLike() {
		return mermaid.Drawing{}
	}
	return mermaid.Drawing{Entrance: &mermaid.Entrance{
		Outside: []mermaid.Shape{{ID: "FrontDoor", Label: c.label()}},
		In:      "FrontDoor", InLabel: "HTTPS",
	}}
}

// label names the tier and, where deployed, its WAF.
func (c *Component) label() string {
	if c.Origin == "" {
		return "Azure Front Door " + c.Tier
	}
	return "Azure Front Door " + c.Tier + " + WAF"
}
