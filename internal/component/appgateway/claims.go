package appgateway

import (
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
)

// SummaryAt implements docs.SummaryLocated: AGIC is the cluster's add-on
// bound to the gateway, and the Ingress objects name its class.
func (c *Component) SummaryAt(_ *plan.Env, key string) []claim.Locator {
	if key != docs.SummaryIngress {
		return nil
	}
	return []claim.Locator{
		claim.TF("azurerm_kubernetes_cluster.main", "ingress_application_gateway.gateway_id"),
		claim.K8s("Ingress", "*", "spec.ingressClassName").Is(c.IngressClass()),
	}
}

// tfGateway is the gateway's Terraform address.
const tfGateway = "azurerm_application_gateway.main"
