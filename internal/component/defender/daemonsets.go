package defender

import "github.com/physarch/physarch/internal/catalog/azure"

// DaemonSetGroups implements plan.NodeAgented: the Defender sensor's
// collector and publisher run on every node.
func (c *Component) DaemonSetGroups() []string {
	if !c.Sensor {
		return nil
	}
	return []string{azure.DSDefender}
}
