package loganalytics

import "github.com/physarch/physarch/internal/catalog/azure"

// DaemonSetGroups implements plan.NodeAgented: Container Insights runs
// ama-logs on every node, whose requests the node packing counts.
func (c *Component) DaemonSetGroups() []string {
	if !c.Workspace {
		return nil
	}
	return []string{azure.DSContainerInsight}
}
