package terraform

import (
	"strings"
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

// serviceBus writes the namespace, its queues and topics.
func (m *module) serviceBus() {
	bus := m.e.Bus
	if bus == nil {
		return
	}
	b := m.placed("azurerm_servicebus_namespace", "main", "servicebus_namespace_name")
	b.set("sku", bus.Tier)
	if bus.Tier == "Premium" {
		b.set("capacity", bus.MessagingUnits)
		b.set("premium_messaging_partitions", 1)
		if m.privateEndpointsOn() {
			b.set("public_network_access_enabled", false)
		}
	}
	b.set("minimum_tls_version", "1.2")
	m.tags(b)
	for _, q := range bus.Queues {
		r := m.resource("azurerm_servicebus_queue", m.uniqueIdent("azurerm_servicebus_queue", q))
		r.set("name", q)
		r.expr("namespace_id", "azurerm_servicebus_namespace.main.id")
		r.set("max_size_in_megabytes", bus.MaxSizeMB)
		r.set("default_message_ttl", isoDuration(bus.TTL))
		r.set("dead_lettering_on_message_expiration", true)
	}
	for _, t := range bus.Topics {
		r := m.resource("azurerm_servicebus_topic", m.uniqueIdent("azurerm_servicebus_topic", t))
		r.set("name", t)
		r.expr("namespace_id", "azurerm_servicebus_namespace.main.id")
		r.set("max_size_in_megabytes", bus.MaxSizeMB)
		r.set("default_message_ttl", isoDuration(bus.TTL))
	}
}
