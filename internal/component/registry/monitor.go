package registry

import "github.com/physarch/physarch/internal/plan"

// Diagnostics implements plan.Diagnosed: logins and repository events
// (pushes, pulls, deletions).
func (c *Component) Diagnostics() []plan.Diagnostic {
	return []plan.Diagnostic{{Component: c.ID(), Key: "registry", Resource: "Container Registry " + c.Registry, CategoryGroups: []string{"allLogs"}}}
}

// MonitorTarget implements terraform.Watched.
func (*Component) MonitorTarget(string) string { return "azurerm_container_registry.main.id" }
