package servicebus

import (
	"fmt"
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
// Premium where the plan uses private endpoints), its queues and topics,
// and the Send/Listen rule the services' connection string comes from.
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
	topicIdent := map[string]string{}
	for _, t := range c.Topics {
		topicIdent[t] = m.Ident("azurerm_servicebus_topic", t)
		r := m.Resource("azurerm_servicebus_topic", topicIdent[t])
		r.Set("name", t)
		r.Expr("namespace_id", "azurerm_servicebus_namespace.main.id")
		r.Set("max_size_in_megabytes", c.MaxSizeMB)
		r.Set("default_message_ttl", ttl)
		if c.duplicateDetection() {
			r.Set("requires_duplicate_detection", true)
		}
	}
	ar := m.Resource("azurerm_servicebus_namespace_authorization_rule", "services")
	ar.Set("name", AuthRule)
	ar.Expr("namespace_id", "azurerm_servicebus_namespace.main.id")
	ar.Set("listen", true)
	ar.Set("send", true)
	ar.Set("manage", false)
	// One subscription per consuming service and topic: a topic delivers
	// only to its subscriptions.
	for _, sv := range m.Plan().Services {
		for _, t := range sv.Consumes {
			if _, ok := topicIdent[t]; !ok {
				continue
			}
			r := m.Resource("azurerm_servicebus_subscription", m.Ident("azurerm_servicebus_subscription", sv.Name+"-"+t))
			r.Set("name", c.Subscriptions[sv.Name])
			r.Expr("topic_id", "azurerm_servicebus_topic."+topicIdent[t]+".id")
			r.Set("max_delivery_count", 10)
			r.Set("dead_lettering_on_message_expiration", true)
		}
	}
	c.kedaTerraform(m)
}

// kedaTerraform writes what KEDA needs to scale the workers on this
// namespace (their topic subscriptions are every consumer's, above): a role on the namespace for each worker's
// identity, which KEDA's operator acts as. Reading a queue's or a
// subscription's message count goes through the management operations,
// which need Azure Service Bus Data Owner (KEDA's scaler documentation).
func (c *Component) kedaTerraform(m terraform.Module) {
	for _, sv := range m.Plan().Services {
		if _, ok := c.KEDATrigger(sv); !ok {
			continue
		}
		ra := m.Resource("azurerm_role_assignment", m.Ident("azurerm_role_assignment", "keda-servicebus-"+sv.Name))
		ra.Expr("scope", "azurerm_servicebus_namespace.main.id")
		ra.Set("role_definition_name", "Azure Service Bus Data Owner")
		ra.Expr("principal_id", fmt.Sprintf("azurerm_user_assigned_identity.workload[%q].principal_id", sv.Name))
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
