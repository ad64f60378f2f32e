package frontdoor

import "github.com/physarch/physarch/internal/render/diagram"

// Draw implements diagram.Drawn: production's diagrams draw Front Door
// with the users, the first stop on the way in.
func (c *Component) Draw(v diagram.View) diagram.Drawing {
	if !v.Env.IsProdLike() {
		return diagram.Drawing{}
	}
	d := diagram.Drawing{Entrance: &diagram.Entrance{
		Outside: []diagram.Shape{{ID: "FrontDoor", Label: c.label(), Icon: "Networking/AzureFrontDoor"}},
		In:      "FrontDoor", InLabel: "HTTPS",
	}}
	// The static route goes from the edge straight to its container,
	// past the cluster: drawn last, when the account's node exists.
	if s := c.Static; s != nil {
		label := s.Pattern()
		if c.privateLink() {
			label += " (Private Link)"
		}
		d.Late = []diagram.Edge{{From: "FrontDoor", To: s.Node, Label: label}}
	}
	return d
}

// label names the tier and, where deployed, its WAF.
func (c *Component) label() string {
	if c.Origin == "" {
		return "Azure Front Door " + c.Tier
	}
	return "Azure Front Door " + c.Tier + " + WAF"
}
