package servicebus

import (
	"strconv"

	"github.com/physarch/physarch/internal/render/claim"
)

// tfNamespace is the namespace's Terraform address.
const tfNamespace = "azurerm_servicebus_namespace.main"

// ttlAt locates the message TTL on every queue and topic.
func (c *Component) ttlAt() []claim.Locator {
	var out []claim.Locator
	if len(c.Queues) > 0 {
		out = append(out, claim.TF("azurerm_servicebus_queue.*", "default_message_ttl").Is(isoDuration(c.TTL)))
	}
	if len(c.Topics) > 0 {
		out = append(out, claim.TF("azurerm_servicebus_topic.*", "default_message_ttl").Is(isoDuration(c.TTL)))
	}
	if len(out) == 0 {
		out = append(out, claim.TF(tfNamespace, "")) // no entity to carry it
	}
	return out
}

// unitsAt locates Premium's messaging units; the other tiers have none
// to set.
func (c *Component) unitsAt() claim.Locator {
	if c.Premium() {
		return claim.TF(tfNamespace, "capacity").Is(strconv.Itoa(c.MessagingUnits))
	}
	return claim.TF(tfNamespace, "sku").Is(c.Tier)
}

// endpointAt locates the private endpoint, or the namespace reached
// publicly without one.
func (c *Component) endpointAt() claim.Locator {
	if c.endpoint {
		return claim.TF("azurerm_private_endpoint."+c.ID(), "private_service_connection.subresource_names").Is("namespace")
	}
	return claim.TF(tfNamespace, "")
}
