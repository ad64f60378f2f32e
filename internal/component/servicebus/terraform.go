package servicebus

import (
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/terraform"
)

// isoDuration turns the spec's TTL (such as 14d) into ISO 8601 (P14D).
func isoDuration(ttl string) string {
	if n, ok := strings.CutSuffix(ttl, "d"); ok {
		return "P" + n + "D"
	}
	if n, ok := strings.CutSuffix(ttl, "h"); ok {
		return "PT" + n + "H"
	}
	if n, ok := strings.CutSuffix(ttl, "m"); ok {
		return "PT" + n + "M"
	}
	return "P14D"
}

// Variables implements terraform.Terraformed: the namespace's name
// (globally unique, so the user may have to change it).
func (c *Component) Variables(m terraform.Module) {
	m.Variable("servicebus_namespace_name", "string", "Service Bus namespace (globally unique).", c.Namespace)
}

// Terraform implements terraform.Terraformed: the namespace (private on
// Premium where the plan uses private endpoints), its queues and topics.
func (c *Component) Terraform(m terraform.Module) {
	b := m.Placed("azurerm_servicebus_namespace", "main", "servicebus_namespace_name")
	b.Set("sku", c.Tier)
	if c.Premium() {
		b.Set("capacity", c.MessagingUnits)
		b.Set("premium_messaging_partitions", Partitions)
		if c.endpoint {
			b.Set("public_network_access_enabled", false)
		}
	}
	b.Set("minimum_tls_version", "1.2")
	m.Tags(b)
	ttl := isoDuration(c.TTL)
	for _, q := range c.Queues {
		r := m.Resource("azurerm_servicebus_queue", m.Ident("azurerm_servicebus_queue", q))
		r.Set("name", q)
		r.Expr("namespace_id", "azurerm_servicebus_namespace.main.id")
		r.Set("max_size_in_megabytes", c.MaxSizeMB)
		r.Set("default_message_ttl", ttl)
		r.Set("dead_lettering_on_message_expiration", true)
		if c.duplicateDetection() {
			r.Set("requires_duplicate_detection", true)
		}
	}
	for _, t := range c.Topics {
		r := m.Resource("azurerm_servicebus_topic", m.Ident("azurerm_servicebus_topic", t))
		r.Set("name", t)
		r.Expr("namespace_id", "azurerm_servicebus_namespace.main.id")
		r.Set("max_size_in_megabytes", c.MaxSizeMB)
		r.Set("default_message_ttl", ttl)
		if c.duplicateDetection() {
			r.Set("requires_duplicate_detection", true)
		}
	}
}

// duplicateDetection: Standard and Premium detect resent messages (Basic
// cannot), and the documents say so.
func (c *Component) duplicateDetection() bool { return c.Tier != "Basic" }

// Outputs implements terraform.Terraformed.
func (c *Component) Outputs(m terraform.Module) {
	m.Output("servicebus_namespace", "azurerm_servicebus_namespace.main.name", "Service Bus namespace.")
}

// PrivateLinkTarget implements terraform.Linked.
func (c *Component) PrivateLinkTarget(plan.PrivateEndpoint) string {
	return "azurerm_servicebus_namespace.main.id"
}
