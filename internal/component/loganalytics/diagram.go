package loganalytics

import "github.com/physarch/physarch/internal/render/mermaid"

// Draw implements mermaid.Drawn: the workspace in Azure and Container
// Insights reading the cluster (the physical diagram).
func (c *Component) Draw(v mermaid.View) mermaid.Drawing {
	if v.Network || !c.Workspace {
		return mermaid.Drawing{}
	}
	return mermaid.Drawing{
		Azure: []mermaid.Shape{{ID: "Monitor", Label: "Log Analytics + Application Insights"}},
		Ties:  []mermaid.Edge{{From: mermaid.NodeCluster, To: "Monitor", Label: "Container Insights", Dotted: true}},
	}
}
