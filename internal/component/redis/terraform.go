package redis

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/terraform"
)

// family splits a size such as P1 into the provider's family and capacity.
func family(sku string) (string, int, error) {
	if len(sku) < 2 {
		return "", 0, fmt.Errorf("redis size %q", sku)
	}
	n, err := strconv.Atoi(sku[1:])
	if err != nil {
		return "", 0, fmt.Errorf("redis size %q: %w", sku, err)
	}
	return strings.ToUpper(sku[:1]), n, nil
}

// Variables implements terraform.Terraformed: the cache's name (globally
// unique, so the user may have to change it).
func (c *Component) Variables(m terraform.Module) {
	switch {
	case c.AMR():
		m.Variable("redis_name", "string", "Azure Managed Redis (unique in its region: <name>.<region>.redis.azure.net).", c.Cache)
	case c.CacheForRedis():
		m.Variable("redis_name", "string", "Azure Cache for Redis (globally unique).", c.Cache)
	}
}

// Terraform implements terraform.Terraformed.
func (c *Component) Terraform(m terraform.Module) {
	switch {
	case c.AMR():
		c.managedRedis(m)
	case c.CacheForRedis():
		c.cacheForRedis(m)
	}
}

// evictionPolicies are the provider's spellings of Redis's eviction
// policies (azurerm_managed_redis default_database.eviction_policy).
var evictionPolicies = map[string]string{
	"noeviction": "NoEviction", "allkeys-lru": "AllKeysLRU", "allkeys-lfu": "AllKeysLFU", "allkeys-random": "AllKeysRandom",
	"volatile-lru": "VolatileLRU", "volatile-lfu": "VolatileLFU", "volatile-random": "VolatileRandom", "volatile-ttl": "VolatileTTL",
}

// clusteringPolicies are the provider's spellings of the policies.
var clusteringPolicies = map[string]string{ClusterEnterprise: "EnterpriseCluster", ClusterOSS: "OSSCluster"}

// rdbFrequency is how often Azure Managed Redis writes its RDB snapshot:
// hourly, as Azure Cache for Redis Premium does here (the provider offers
// 1h, 6h and 12h).
const rdbFrequency = "1h"

// aofFrequency is how often the append-only file is written: every
// second, the only value the provider accepts.
const aofFrequency = "1s"

// cacheRDBMinutes is how often Azure Cache for Redis Premium writes its
// RDB snapshot: hourly, as Azure Managed Redis does (rdbFrequency); the
// provider accepts 15, 30, 60, 360, 720 or 1440 minutes.
const cacheRDBMinutes = 60

// managedRedis writes Azure Managed Redis: one azurerm_managed_redis
// (cluster and default database), TLS only, access keys on (the services
// read the key from Key Vault), private where the plan uses private
// endpoints. Zone redundancy needs no argument: a highly available cache
// spreads over the region's zones by itself.
func (c *Component) managedRedis(m terraform.Module) {
	policy, ok := clusteringPolicies[c.Clustering]
	if !ok {
		m.Fail(fmt.Errorf("redis clustering policy %q", c.Clustering))
		return
	}
	b := m.Placed("azurerm_managed_redis", "main", "redis_name")
	b.Set("sku_name", azure.ManagedRedisSKU{Tier: c.Tier, Name: c.SKU}.ARMName())
	b.Set("high_availability_enabled", c.HA)
	if c.endpoint {
		b.Set("public_network_access", "Disabled")
	}
	db := b.Child("default_database")
	db.Set("access_keys_authentication_enabled", true)
	db.Set("client_protocol", "Encrypted")
	db.Set("clustering_policy", policy)
	if p, ok := evictionPolicies[c.Eviction]; ok {
		db.Set("eviction_policy", p)
	}
	switch c.Persistence {
	case "rdb":
		db.Set("persistence_redis_database_backup_frequency", rdbFrequency)
	case "aof":
		db.Set("persistence_append_only_file_backup_frequency", aofFrequency)
	}
	m.Tags(b)
}

// cacheForRedis writes Azure Cache for Redis, TLS only, private where the
// plan uses private endpoints, zones on Premium, RDB persistence into a
// storage account when the plan asks for it.
func (c *Component) cacheForRedis(m terraform.Module) {
	fam, capacity, err := family(c.SKU)
	if err != nil {
		m.Fail(err)
		return
	}
	premium := c.Tier == "Premium"
	if c.rdb() {
		sa := m.Resource("azurerm_storage_account", "redis_backup")
		sa.Set("name", c.Backup)
		sa.Expr("location", "azurerm_resource_group.main.location")
		sa.Expr("resource_group_name", "azurerm_resource_group.main.name")
		sa.Set("account_tier", "Standard")
		sa.Set("account_replication_type", "ZRS")
		sa.Set("min_tls_version", "TLS1_2")
		m.Tags(sa)
	}
	b := m.Placed("azurerm_redis_cache", "main", "redis_name")
	b.Set("sku_name", c.Tier)
	b.Set("family", fam)
	b.Set("capacity", capacity)
	b.Set("non_ssl_port_enabled", false)
	b.Set("minimum_tls_version", "1.2")
	b.Set("redis_version", c.Version)
	if c.endpoint {
		b.Set("public_network_access_enabled", false)
	}
	if len(c.Zones) > 1 {
		zs := make([]string, len(c.Zones))
		for i, z := range c.Zones {
			zs[i] = strconv.Itoa(z)
		}
		b.Set("zones", zs)
	}
	if premium && c.Shards > 0 {
		b.Set("shard_count", c.Shards)
	}
	cfg := b.Child("redis_configuration")
	if c.Eviction != "" {
		cfg.Set("maxmemory_policy", c.Eviction)
	}
	if c.rdb() {
		cfg.Set("rdb_backup_enabled", true)
		cfg.Set("rdb_backup_frequency", cacheRDBMinutes)
		cfg.Expr("rdb_storage_connection_string", "azurerm_storage_account.redis_backup.primary_blob_connection_string")
	}
	if premium && c.Persistence == "aof" {
		cfg.Set("aof_backup_enabled", true)
	}
	m.Tags(b)
}

// resource is the Terraform resource of the managed cache.
func (c *Component) resource() string {
	if c.AMR() {
		return "azurerm_managed_redis.main"
	}
	return "azurerm_redis_cache.main"
}

// Outputs implements terraform.Terraformed.
func (c *Component) Outputs(m terraform.Module) {
	switch {
	case c.AMR():
		m.Output("redis_hostname", c.resource()+".hostname", "Redis host (TLS port 10000).")
	case c.CacheForRedis():
		m.Output("redis_hostname", c.resource()+".hostname", "Redis host (TLS port 6380).")
	}
}

// PrivateLinkTarget implements terraform.Linked.
func (c *Component) PrivateLinkTarget(plan.PrivateEndpoint) string {
	return c.resource() + ".id"
}
