package eventhubs

import (
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/terraform"
)

// Variables implements terraform.Terraformed: the namespace's name
// (globally unique, so the user may have to change it).
func (c *Component) Variables(m terraform.Module) {
	m.Variable("eventhubs_namespace_name", "string", "Event Hubs namespace (globally unique).", c.Namespace)
}

// Terraform implements terraform.Terraformed: the namespace with its
// units (auto-inflate on Standard where the plan inflates), TLS 1.2,
// private where the plan reaches it through a private endpoint; one event
// hub per planned hub with its partitions and retention (in hours, which
// message_retention's days cannot say); one consumer group per planned
// group ($Default, Azure's own, is never declared). Zone redundancy and
// the Kafka endpoint are Azure's doing, not arguments.
func (c *Component) Terraform(m terraform.Module) {
	ns := m.Placed("azurerm_eventhub_namespace", "main", "eventhubs_namespace_name")
	ns.Set("sku", c.Tier)
	ns.Set("capacity", c.Units)
	if c.AutoInflate {
		ns.Set("auto_inflate_enabled", true)
		ns.Set("maximum_throughput_units", c.MaxUnits)
	}
	ns.Set("minimum_tls_version", "1.2")
	if c.endpoint {
		ns.Set("public_network_access_enabled", false)
	}
	m.Tags(ns)
	for _, h := range c.Hubs {
		id := m.Ident("azurerm_eventhub", h.Name)
		r := m.Resource("azurerm_eventhub", id)
		r.Set("name", h.Name)
		r.Expr("namespace_id", "azurerm_eventhub_namespace.main.id")
		r.Set("partition_count", h.Partitions)
		ret := r.Child("retention_description")
		ret.Set("cleanup_policy", "Delete")
		ret.Set("retention_time_in_hours", h.RetentionHours)
		for _, g := range h.ConsumerGroups {
			cg := m.Resource("azurerm_eventhub_consumer_group", m.Ident("azurerm_eventhub_consumer_group", h.Name+"-"+g))
			cg.Set("name", g)
			cg.Expr("namespace_name", "azurerm_eventhub_namespace.main.name")
			cg.Expr("eventhub_name", "azurerm_eventhub."+id+".name")
			cg.Expr("resource_group_name", "azurerm_resource_group.main.name")
		}
	}
}

// Outputs implements terraform.Terraformed.
func (c *Component) Outputs(m terraform.Module) {
	m.Output("eventhubs_namespace", "azurerm_eventhub_namespace.main.name", "Event Hubs namespace.")
}

// PrivateLinkTarget implements terraform.Linked.
func (c *Component) PrivateLinkTarget(plan.PrivateEndpoint) string {
	return "azurerm_eventhub_namespace.main.id"
}
