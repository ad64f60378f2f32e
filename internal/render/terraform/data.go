package terraform

import (
	"fmt"
	"strconv"
	"strings"
)

// redisSKU splits a size such as P1 into family and capacity.
func redisSKU(sku string) (family string, capacity int, err error) {
	if len(sku) < 2 {
		return "", 0, fmt.Errorf("redis size %q", sku)
	}
	capacity, err = strconv.Atoi(sku[1:])
	return strings.ToUpper(sku[:1]), capacity, err
}

// redis writes Azure Cache for Redis: TLS only, private where the plan
// uses private endpoints, zones on Premium, RDB persistence into a storage
// account when the plan asks for it.
func (m *module) redis() {
	r := m.e.Redis
	if r == nil || r.Mode != "managed" {
		return
	}
	family, capacity, err := redisSKU(r.SKU)
	if err != nil {
		m.err = err
		return
	}
	premium := r.Tier == "Premium"
	if premium && r.Persistence == "rdb" {
		sa := m.resource("azurerm_storage_account", "redis_backup")
		sa.set("name", m.e.Names.RedisBackup)
		sa.expr("location", "azurerm_resource_group.main.location")
		sa.expr("resource_group_name", "azurerm_resource_group.main.name")
		sa.set("account_tier", "Standard")
		sa.set("account_replication_type", "ZRS")
		sa.set("min_tls_version", "TLS1_2")
		m.tags(sa)
	}
	b := m.placed("azurerm_redis_cache", "main", "redis_name")
	b.set("sku_name", r.Tier)
	b.set("family", family)
	b.set("capacity", capacity)
	b.set("non_ssl_port_enabled", false)
	b.set("minimum_tls_version", "1.2")
	b.set("redis_version", r.Version)
	if m.privateEndpointsOn() {
		b.set("public_network_access_enabled", false)
	}
	if premium && len(m.e.Zones) > 1 {
		b.set("zones", zones(m.e.Zones))
	}
	if premium && r.Shards > 0 {
		b.set("shard_count", r.Shards)
	}
	cfg := b.child("redis_configuration")
	if r.Eviction != "" {
		cfg.set("maxmemory_policy", r.Eviction)
	}
	if premium && r.Persistence == "rdb" {
		cfg.set("rdb_backup_enabled", true)
		cfg.set("rdb_backup_frequency", 60)
		cfg.expr("rdb_storage_connection_string", "azurerm_storage_account.redis_backup.primary_blob_connection_string")
	}
	if premium && r.Persistence == "aof" {
		cfg.set("aof_backup_enabled", true)
	}
	m.tags(b)
}

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
