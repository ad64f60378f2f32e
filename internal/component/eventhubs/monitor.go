package eventhubs

import "github.com/physarch/physarch/internal/plan"

// Diagnostics implements plan.Diagnosed: operational, Kafka and runtime
// logs.
func (c *Component) Diagnostics() []plan.Diagnostic {
	return []plan.Diagnostic{{Component: c.ID(), Key: "eventhubs", Resource: "Event Hubs " + c.Namespace, CategoryGroups: []string{"allLogs"}}}
}

// MonitorTarget implements terraform.Watched.
func (*Component) MonitorTarget(string) string { return "azurerm_eventhub_namespace.main.id" }
