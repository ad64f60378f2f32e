package loganalytics

import "github.com/physarch/physarch/internal/render/terraform"

// Cluster implements terraform.ClusterAddon: Container Insights sends the
// cluster's logs and metrics to the workspace.
func (c *Component) Cluster(b terraform.Block) {
	if c.Workspace {
		b.Child("oms_agent").Expr("log_analytics_workspace_id", "azurerm_log_analytics_workspace.main.id")
	}
}

// Variables implements terraform.Terraformed.
func (c *Component) Variables(m terraform.Module) {
	if c.Workspace {
		m.Variable("log_analytics_name", "string", "Log Analytics workspace.", c.WorkspaceName)
	}
}

// Terraform implements terraform.Terraformed: the workspace and, when
// asked, workspace-based Application Insights.
func (c *Component) Terraform(m terraform.Module) {
	if !c.Workspace {
		return
	}
	b := m.Placed("azurerm_log_analytics_workspace", "main", "log_analytics_name")
	b.Set("sku", "PerGB2018")
	b.Set("retention_in_days", c.RetentionDays)
	m.Tags(b)
	if c.AppInsights {
		ai := m.Resource("azurerm_application_insights", "main")
		ai.Set("name", c.InsightsName)
		ai.Expr("location", "azurerm_resource_group.main.location")
		ai.Expr("resource_group_name", "azurerm_resource_group.main.name")
		ai.Expr("workspace_id", "azurerm_log_analytics_workspace.main.id")
		ai.Set("application_type", "web")
		m.Tags(ai)
	}
}

// Outputs implements terraform.Terraformed.
func (c *Component) Outputs(m terraform.Module) {
	if c.Workspace {
		m.Output("log_analytics_workspace_id", "azurerm_log_analytics_workspace.main.id", "Log Analytics workspace.")
	}
	if c.AppInsights {
		m.SensitiveOutput(insightsOutput, "azurerm_application_insights.main.connection_string", "Application Insights connection string: each service's APPLICATIONINSIGHTS_CONNECTION_STRING (ConfigMap).")
	}
}
