package cosmosdb

import "github.com/physarch/physarch/internal/plan"

// Diagnostics implements plan.Diagnosed: data-plane and control-plane
// logs, where the account is deployed.
func (c *Component) Diagnostics() []plan.Diagnostic {
	if !c.Managed() {
		return nil
	}
	return []plan.Diagnostic{{Component: c.ID(), Key: "cosmosdb", Resource: "Cosmos DB " + c.Account, CategoryGroups: []string{"allLogs"}}}
}

// MonitorTarget implements terraform.Watched.
func (*Component) MonitorTarget(string) string { return "azurerm_cosmosdb_account.main.id" }
