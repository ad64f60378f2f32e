package loganalytics

import "github.com/physarch/physarch/internal/render/diagram"

// Draw implements diagram.Drawn: the workspace in Azure and Container
// Insights reading the cluster (the physical diagram).
func (c *Component) Draw(v diagram.View) diagram.Drawing {
	if v.Network || !c.Workspace {
		return diagram.Drawing{}
	}
	return diagram.Drawing{
		Azure: []diagram.Shape{{ID: "Monitor", Label: "Log Analytics + Application Insights", Icon: "Management/AzureLogAnalytics"}},
		Ties:  []diagram.Edge{{From: diagram.NodeCluster, To: "Monitor", Label: "Container Insights", Dotted: true}},
	}
}
