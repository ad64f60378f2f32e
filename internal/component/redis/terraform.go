package redis

import (
	"fmt"
	"strconv"
	"strings"

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
	if c.Managed() {
		m.Variable("redis_name", "string", "Azure Cache for Redis (globally unique).", c.Cache)
	}
}

// Terraform implements terraform.Terraformed: Azure Cache for Redis, TLS
// only, private where the plan uses private endpoints, zones on Premium,
// RDB persistence into a storage account when the plan asks for it.
func (c *Component) Terraform(m terraform.Module) {
	if !c.Managed() {
		return
	}
	fam, capacity, err := family(c.SKU)
	if err != nil {
		m.Fail(err)
		return
	}
	e := m.Env()
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
	if premium && len(e.Zones) > 1 {
		zs := make([]string, len(e.Zones))
		for i, z := range e.Zones {
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
		cfg.Set("rdb_backup_frequency", 60)
		cfg.Expr("rdb_storage_connection_string", "azurerm_storage_account.redis_backup.primary_blob_connection_string")
	}
	if premium && c.Persistence == "aof" {
		cfg.Set("aof_backup_enabled", true)
	}
	m.Tags(b)
}

// Outputs implements terraform.Terraformed.
func (c *Component) Outputs(m terraform.Module) {
	if c.Managed() {
		m.Output("redis_hostname", "azurerm_redis_cache.main.hostname", "Redis host (TLS port 6380).")
	}
}

// PrivateLinkTarget implements terraform.Linked.
func (c *Component) PrivateLinkTarget(plan.PrivateEndpoint) string {
	return "azurerm_redis_cache.main.id"
}
