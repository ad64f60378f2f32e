package azuresql

import (
	"strconv"

	"github.com/physarch/physarch/internal/render/claim"
)

// The Terraform addresses the server's rows name: the server, and every
// database (each runs the same compute).
const (
	tfServer    = "azurerm_mssql_server.main"
	tfDatabases = "azurerm_mssql_database.*"
)

// computeAt locates the compute: the SKU, and serverless's auto-pause.
func (c *Component) computeAt() []claim.Locator {
	out := []claim.Locator{claim.TF(tfDatabases, "sku_name").Is(c.SKU)}
	if c.Serverless() {
		out = append(out, claim.TF(tfDatabases, "auto_pause_delay_in_minutes").Is(strconv.Itoa(c.AutoPause)))
	}
	return out
}

// networkAt locates the public access setting and, without a private
// endpoint, the Azure-services firewall rule.
func (c *Component) networkAt() []claim.Locator {
	out := []claim.Locator{claim.TF(tfServer, "public_network_access_enabled").Is(strconv.FormatBool(!c.endpoint))}
	if c.endpoint {
		return append(out, claim.TF("azurerm_private_endpoint."+c.ID(), "private_service_connection.subresource_names").Is("sqlServer"))
	}
	return append(out, claim.TF("azurerm_mssql_firewall_rule.azure_services", "start_ip_address").Is("0.0.0.0"))
}
