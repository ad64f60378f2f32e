package cosmosdb

import (
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/terraform"
)

// Bounded staleness as Cosmos DB's multi-region minimum (100,000 versions
// or 300 seconds), which a single-region account accepts too: the same
// figures whatever the regions, and the documents print them.
const (
	stalenessSeconds = 300
	stalenessPrefix  = 100000
)

// Variables implements terraform.Terraformed: the account's name (globally
// unique, so the user may have to change it).
func (c *Component) Variables(m terraform.Module) {
	if c.Managed() {
		m.Variable("cosmosdb_account_name", "string", "Azure Cosmos DB account (globally unique).", c.Account)
	}
}

// Terraform implements terraform.Terraformed: the account (API, capacity
// mode, consistency, regions with zone redundancy, backup policy; no
// public access where it has a private endpoint), then each database and
// container with its RU/s (none on serverless).
func (c *Component) Terraform(m terraform.Module) {
	if !c.Managed() {
		return
	}
	b := m.Placed("azurerm_cosmosdb_account", "main", "cosmosdb_account_name")
	b.Set("offer_type", "Standard")
	mongo := c.API == "MongoDB"
	if mongo {
		b.Set("kind", "MongoDB")
		b.Set("mongo_server_version", c.MongoVersion)
	} else {
		b.Set("kind", "GlobalDocumentDB")
	}
	b.Set("minimal_tls_version", "Tls12")
	if len(c.Regions) > 1 {
		b.Set("automatic_failover_enabled", true)
	}
	b.Set("multiple_write_locations_enabled", c.MultiRegionWrites)
	if c.endpoint {
		b.Set("public_network_access_enabled", false)
	}
	if mongo {
		b.Child("capabilities").Set("name", "EnableMongo")
	}
	if c.Capacity == "serverless" {
		b.Child("capabilities").Set("name", "EnableServerless")
	}
	cp := b.Child("consistency_policy")
	cp.Set("consistency_level", c.Consistency)
	if c.Consistency == "BoundedStaleness" {
		cp.Set("max_interval_in_seconds", stalenessSeconds)
		cp.Set("max_staleness_prefix", stalenessPrefix)
	}
	for _, r := range c.Regions {
		g := b.Child("geo_location")
		if r.FailoverPriority == 0 {
			g.Expr("location", "azurerm_resource_group.main.location")
		} else {
			g.Set("location", r.Name)
		}
		g.Set("failover_priority", r.FailoverPriority)
		g.Set("zone_redundant", r.ZoneRedundant)
	}
	bk := b.Child("backup")
	if c.Backup.Type == "continuous" {
		bk.Set("type", "Continuous")
		bk.Set("tier", c.Backup.Tier)
	} else {
		bk.Set("type", "Periodic")
		bk.Set("interval_in_minutes", c.Backup.IntervalMinutes)
		bk.Set("retention_in_hours", c.Backup.RetentionHours)
		bk.Set("storage_redundancy", c.Backup.Redundancy)
	}
	m.Tags(b)
	dbType, ctType := "azurerm_cosmosdb_sql_database", "azurerm_cosmosdb_sql_container"
	if mongo {
		dbType, ctType = "azurerm_cosmosdb_mongo_database", "azurerm_cosmosdb_mongo_collection"
	}
	for _, db := range c.Databases {
		dbID := m.Ident(dbType, db.Name)
		d := m.Resource(dbType, dbID)
		d.Set("name", db.Name)
		d.Expr("resource_group_name", "azurerm_resource_group.main.name")
		d.Expr("account_name", "azurerm_cosmosdb_account.main.name")
		for _, ct := range db.Containers {
			r := m.Resource(ctType, m.Ident(ctType, db.Name+"-"+ct.Name))
			r.Set("name", ct.Name)
			r.Expr("resource_group_name", "azurerm_resource_group.main.name")
			r.Expr("account_name", "azurerm_cosmosdb_account.main.name")
			r.Expr("database_name", dbType+"."+dbID+".name")
			if mongo {
				r.Set("shard_key", shardKey(ct.PartitionKey))
			} else {
				r.Set("partition_key_paths", []string{ct.PartitionKey})
				r.Set("partition_key_version", 2)
			}
			switch c.Capacity {
			case "provisioned":
				r.Set("throughput", ct.RUs)
			case "autoscale":
				r.Child("autoscale_settings").Set("max_throughput", ct.RUs)
			}
			if mongo {
				// The API for MongoDB needs the unique _id index declared.
				ix := r.Child("index")
				ix.Set("keys", []string{"_id"})
				ix.Set("unique", true)
			}
		}
	}
}

// shardKey is a partition key path as the API for MongoDB names the shard
// key: /tenant/id becomes tenant.id.
func shardKey(path string) string {
	return strings.ReplaceAll(strings.TrimPrefix(path, "/"), "/", ".")
}

// Outputs implements terraform.Terraformed.
func (c *Component) Outputs(m terraform.Module) {
	if c.Managed() {
		m.Output("cosmosdb_endpoint", "azurerm_cosmosdb_account.main.endpoint", "Azure Cosmos DB endpoint; its key: az cosmosdb keys list --name <account> --resource-group <group>.")
	}
}

// PrivateLinkTarget implements terraform.Linked.
func (c *Component) PrivateLinkTarget(plan.PrivateEndpoint) string {
	return "azurerm_cosmosdb_account.main.id"
}
