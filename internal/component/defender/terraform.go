package defender

import "github.com/physarch/physarch/internal/render/terraform"

// Cluster implements terraform.ClusterAddon: the Defender sensor reports
// to the workspace.
func (c *Component) Cluster(b terraform.Block) {
	if c.Sensor {
		b.Child("microsoft_defender").Expr("log_analytics_workspace_id", "azurerm_log_analytics_workspace.main.id")
	}
}

// Variables implements terraform.Terraformed: the plan is the
// subscription's, so a subscription another team already runs Defender in
// can leave it to them.
func (c *Component) Variables(m terraform.Module) {
	m.Variable("defender_for_containers_plan", "bool", "Turn on the subscription's Microsoft Defender for Containers plan (Standard); false where the subscription's owner manages it.", true)
}

// Terraform implements terraform.Terraformed: the plan, subscription-wide.
// Destroying the module sets it back to Free for the whole subscription.
func (c *Component) Terraform(m terraform.Module) {
	b := m.Resource("azurerm_security_center_subscription_pricing", "containers")
	b.Expr("count", "var.defender_for_containers_plan ? 1 : 0")
	b.Set("tier", "Standard")
	b.Set("resource_type", "Containers")
}

// Outputs implements terraform.Terraformed.
func (*Component) Outputs(terraform.Module) {}
