package cosmosdb

import "github.com/physarch/physarch/internal/render/claim"

// tfAccount is the account's Terraform address.
const tfAccount = "azurerm_cosmosdb_account.main"

// kind is the account's kind in Terraform.
func (c *Component) kind() string {
	if c.API == "MongoDB" {
		return "MongoDB"
	}
	return "GlobalDocumentDB"
}

// capacityAt locates the capacity mode: the serverless capability, or
// every container's throughput.
func (c *Component) capacityAt() claim.Locator {
	ct := "azurerm_cosmosdb_sql_container.*"
	if c.API == "MongoDB" {
		ct = "azurerm_cosmosdb_mongo_collection.*"
	}
	switch c.Capacity {
	case "serverless":
		return claim.TF(tfAccount, "capabilities.name").Is("EnableServerless")
	case "autoscale":
		return claim.TF(ct, "autoscale_settings.max_throughput")
	}
	return claim.TF(ct, "throughput")
}

// backupAt locates the backup policy.
func (c *Component) backupAt() claim.Locator {
	if c.Backup.Type == "continuous" {
		return claim.TF(tfAccount, "backup.tier").Is(c.Backup.Tier)
	}
	return claim.TF(tfAccount, "backup.type").Is("Periodic")
}

// networkAt locates the private endpoint and the closed public access,
// or the account's public default.
func (c *Component) networkAt() []claim.Locator {
	if !c.endpoint {
		return []claim.Locator{claim.TF(tfAccount, "")}
	}
	return []claim.Locator{claim.TF(tfAccount, "public_network_access_enabled").Is("false"), claim.TF("azurerm_private_endpoint."+c.ID(), "private_service_connection.subresource_names")}
}
