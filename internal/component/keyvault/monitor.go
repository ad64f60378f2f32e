package keyvault

import "github.com/physarch/physarch/internal/plan"

// Diagnostics implements plan.Diagnosed: the vault's audit events (who
// read which secret) and the rest of its logs.
func (c *Component) Diagnostics() []plan.Diagnostic {
	return []plan.Diagnostic{{Component: c.ID(), Key: "keyvault", Resource: "Key Vault " + c.Vault, CategoryGroups: []string{"allLogs"}}}
}

// MonitorTarget implements terraform.Watched.
func (*Component) MonitorTarget(string) string { return "azurerm_key_vault.main.id" }
