package terraform

// monitoring writes Log Analytics (Container Insights reads it through the
// cluster's oms_agent) and, when asked, workspace-based Application Insights.
func (m *module) monitoring() {
	mon := m.e.Settings.Monitoring
	if !mon.LogAnalytics {
		return
	}
	b := m.placed("azurerm_log_analytics_workspace", "main", "log_analytics_name")
	b.set("sku", "PerGB2018")
	b.set("retention_in_days", mon.RetentionDays)
	m.tags(b)
	if mon.AppInsights {
		ai := m.resource("azurerm_application_insights", "main")
		ai.set("name", m.e.Names.AppInsights)
		ai.expr("location", "azurerm_resource_group.main.location")
		ai.expr("resource_group_name", "azurerm_resource_group.main.name")
		ai.expr("workspace_id", "azurerm_log_analytics_workspace.main.id")
		ai.set("application_type", "web")
		m.tags(ai)
	}
}
