package servicebus

import "github.com/physarch/physarch/internal/plan"

// Diagnostics implements plan.Diagnosed: operational and runtime logs.
func (c *Component) Diagnostics() []plan.Diagnostic {
	return []plan.Diagnostic{{Component: c.ID(), Key: "servicebus", Resource: "Service Bus " + c.Namespace, CategoryGroups: []string{"allLogs"}}}
}

// MonitorTarget implements terraform.Watched.
func (*Component) MonitorTarget(string) string { return "azurerm_servicebus_namespace.main.id" }
