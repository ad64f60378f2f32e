package eventhubs

import (
	"strconv"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
)

// tfNamespace is the namespace's Terraform address.
const tfNamespace = "azurerm_eventhub_namespace.main"

// autoInflateAt locates auto-inflate and its ceiling, or the namespace
// without it.
func (c *Component) autoInflateAt() claim.Locator {
	if c.AutoInflate {
		return claim.TF(tfNamespace, "maximum_throughput_units").Is(strconv.Itoa(c.MaxUnits))
	}
	return claim.TF(tfNamespace, "")
}

// endpointAt locates the private endpoint, or the namespace without one.
func (c *Component) endpointAt() claim.Locator {
	if c.endpoint {
		return claim.TF("azurerm_private_endpoint."+c.ID(), "private_service_connection.subresource_names").Is("namespace")
	}
	return claim.TF(tfNamespace, "")
}

// publicAt locates the closed public access, or its default.
func (c *Component) publicAt() claim.Locator {
	if c.endpoint {
		return claim.TF(tfNamespace, "public_network_access_enabled").Is("false")
	}
	return claim.TF(tfNamespace, "")
}

// kafkaAt locates the Kafka clients' bootstrap setting where a service
// speaks Kafka; otherwise the statement is how one would, and the
// namespace's tier is what offers it.
func (c *Component) kafkaAt(e *plan.Env) claim.Locator {
	for _, sv := range c.services(e) {
		if _, proto := port(c.Clients[sv].Protocol); proto == "Kafka" {
			return claim.K8s("ConfigMap", "*", "data.KAFKA_BOOTSTRAP_SERVERS")
		}
	}
	return claim.TF(tfNamespace, "sku").Is(c.Tier)
}
