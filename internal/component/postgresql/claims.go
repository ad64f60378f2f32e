package postgresql

import (
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
)

// The Terraform addresses the server's rows name.
const (
	tfServer = "azurerm_postgresql_flexible_server.main"
	tfTLS    = "azurerm_postgresql_flexible_server_configuration.ssl_min_protocol_version"
)

// haAt locates the HA mode; without one the server has no
// high_availability block, which is the provider's default.
func (c *Component) haAt() claim.Locator {
	if mode, ok := haMode[c.HA]; ok {
		return claim.TF(tfServer, "high_availability.mode").Is(mode)
	}
	return claim.TF(tfServer, "")
}

// podArg locates a server setting among the dev pod's arguments.
func podArg(b *plan.Workload, arg string) claim.Locator {
	return claim.K8s("StatefulSet", b.Name, "spec.template.spec.containers.args").Has(arg)
}
