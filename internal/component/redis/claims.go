package redis

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
)

// The Terraform addresses the cache's rows name.
const (
	tfManaged = "azurerm_managed_redis.main"
	tfCache   = "azurerm_redis_cache.main"
)

// persistenceArgs are the dev pod's arguments for a persistence mode, as
// k8s.go writes them (args joined by ",").
func persistenceArgs(p string) []string {
	switch p {
	case "aof":
		return []string{"--appendonly,yes"}
	case "rdb":
		return []string{"--save,900 1"}
	}
	return []string{"--save,,--appendonly,no"}
}

// podArgs locate arguments among the dev pod's.
func (c *Component) podArgs(b *plan.Workload, args ...string) []claim.Locator {
	out := make([]claim.Locator, len(args))
	for i, a := range args {
		out[i] = claim.K8s("StatefulSet", b.Name, "spec.template.spec.containers.args").Has(a)
	}
	return out
}

// managedPersistenceAt locates Azure Managed Redis's persistence; none is
// the default database without a backup frequency.
func (c *Component) managedPersistenceAt() claim.Locator {
	switch c.Persistence {
	case "rdb":
		return claim.TF(tfManaged, "default_database.persistence_redis_database_backup_frequency").Is(rdbFrequency)
	case "aof":
		return claim.TF(tfManaged, "default_database.persistence_append_only_file_backup_frequency").Is(aofFrequency)
	}
	return claim.TF(tfManaged, "default_database")
}

// managedEvictionAt locates the eviction policy, or the default database
// where the policy is the service's default.
func (c *Component) managedEvictionAt() claim.Locator {
	if p, ok := evictionPolicies[c.Eviction]; ok {
		return claim.TF(tfManaged, "default_database.eviction_policy").Is(p)
	}
	return claim.TF(tfManaged, "default_database")
}

// cacheSKUAt locates Azure Cache for Redis's size: family and capacity.
func (c *Component) cacheSKUAt() []claim.Locator {
	fam, capacity, err := family(c.SKU)
	if err != nil {
		return nil // the Terraform fails the build for this SKU
	}
	return []claim.Locator{claim.TF(tfCache, "family").Is(fam), claim.TF(tfCache, "capacity").Is(fmt.Sprint(capacity))}
}

// shardsAt locates the shard count (Premium only writes one).
func (c *Component) shardsAt() claim.Locator {
	if c.Tier == "Premium" && c.Shards > 0 {
		return claim.TF(tfCache, "shard_count").Is(strconv.Itoa(c.Shards))
	}
	return claim.TF(tfCache, "")
}

// cachePersistenceAt locates Azure Cache for Redis's persistence.
func (c *Component) cachePersistenceAt() claim.Locator {
	switch {
	case c.rdb():
		return claim.TF(tfCache, "redis_configuration.rdb_backup_enabled").Is("true")
	case c.Tier == "Premium" && c.Persistence == "aof":
		return claim.TF(tfCache, "redis_configuration.aof_backup_enabled").Is("true")
	}
	return claim.TF(tfCache, "redis_configuration")
}

// cacheZonesAt locates the zones of Azure Cache for Redis.
func (c *Component) cacheZonesAt() claim.Locator {
	if len(c.Zones) > 1 {
		zs := make([]string, len(c.Zones))
		for i, z := range c.Zones {
			zs[i] = strconv.Itoa(z)
		}
		return claim.TF(tfCache, "zones").Is(strings.Join(zs, ","))
	}
	return claim.TF(tfCache, "")
}
