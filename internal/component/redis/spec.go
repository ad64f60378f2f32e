// Package redis is the Redis building block: the shared cache. In dev a
// pod; managed, Azure Managed Redis (the default) or Azure Cache for
// Redis, which Microsoft is retiring and which check rule OP006 reports.
// Services use it with `cache: true`.
package redis

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's name, its backing and settings key, and its ID.
const Name = "redis"

// The managed services the block offers.
const (
	ManagedRedis  = "managedRedis"  // Azure Managed Redis (Microsoft.Cache/redisEnterprise)
	CacheForRedis = "cacheForRedis" // Azure Cache for Redis (Microsoft.Cache/redis), retiring
)

// Clustering policies of Azure Managed Redis.
const (
	ClusterEnterprise = "Enterprise"
	ClusterOSS        = "OSS"
)

// Backing is backing.redis.
type Backing struct {
	Version       string `yaml:"version" jsonschema_description:"Redis version such as 7.2 (the dev pod's image)"`
	WorkingSetMiB int    `yaml:"workingSetMiB" jsonschema_description:"expected cache working set in MiB; sizes Azure Managed Redis when redis.sku is not given"`
}

// FieldRules constrains the backing section.
func (Backing) FieldRules() spec.Rules {
	return spec.Rules{
		"version":       spec.Pattern(`^[0-9]+(\.[0-9]+){0,2}$`, 10, `a version such as "7.2", in quotes`),
		"workingSetMiB": spec.Between(0, 1048576).WithHint("MiB, from 0 to 1,048,576"),
	}
}

// Settings are environments[].redis.
type Settings struct {
	Mode             string `yaml:"mode"`
	Service          string `yaml:"service" jsonschema_description:"managed cache: managedRedis (Azure Managed Redis, the default) or cacheForRedis (Azure Cache for Redis, retiring)"`
	Tier             string `yaml:"tier" jsonschema_description:"Azure Managed Redis: MemoryOptimized, Balanced, ComputeOptimized, FlashOptimized; Azure Cache for Redis: Basic, Standard, Premium"`
	SKU              string `yaml:"sku" jsonschema_description:"cache size such as B5 (Azure Managed Redis) or C1, P1 (Azure Cache for Redis)"`
	HighAvailability bool   `yaml:"highAvailability" jsonschema_description:"Azure Managed Redis: a replicated pair of nodes (the SLA needs it); off halves the cost"`
	ClusteringPolicy string `yaml:"clusteringPolicy" jsonschema_description:"Azure Managed Redis: Enterprise (one endpoint, any client; the default) or OSS (cluster-aware clients, node ports 8500-8599)"`
	ZoneRedundant    bool   `yaml:"zoneRedundant" jsonschema_description:"the cache survives a zone outage: Azure Managed Redis with high availability in a region with zones, Azure Cache for Redis Premium over the environment's zones"`
	Shards           int    `yaml:"shards" jsonschema_description:"Azure Cache for Redis Premium clustering (Azure Managed Redis sets its shards by size)"`
	Persistence      string `yaml:"persistence"`
	CPU              string `yaml:"cpu" jsonschema_description:"pod CPU request (mode pod)"`
	Memory           string `yaml:"memory" jsonschema_description:"pod memory request (mode pod)"`
	MaxMemory        string `yaml:"maxMemory" jsonschema_description:"Redis maxmemory of the pod (mode pod)"`
	EvictionPolicy   string `yaml:"evictionPolicy"`
	StorageGB        int    `yaml:"storageGB" jsonschema_description:"managed disk for the pod's data, 0 for none (mode pod)"`
	StorageClass     string `yaml:"storageClass" jsonschema_description:"managed-disk storage class (mode pod)"`
}

// cacheForRedisTiers are Azure Cache for Redis's tiers.
var cacheForRedisTiers = []string{"Basic", "Standard", "Premium"}

// FieldRules constrains the settings.
func (Settings) FieldRules() spec.Rules {
	return spec.Rules{
		"mode":             spec.OneOf("pod", "managed"),
		"service":          spec.OneOf(ManagedRedis, CacheForRedis),
		"tier":             spec.OneOf(append(append([]string(nil), cacheForRedisTiers...), azure.ManagedRedisTiers()...)...),
		"sku":              spec.OneOf(append(azure.RedisSizes(), azure.ManagedRedisSizes()...)...),
		"clusteringPolicy": spec.OneOf(ClusterEnterprise, ClusterOSS),
		"shards":           spec.Between(0, 30).WithHint("0 (no clustering) or from 1 to 30 shards"),
		"persistence":      spec.OneOf("none", "rdb", "aof"),
		"cpu":              spec.Quantity("cpu"),
		"memory":           spec.Quantity("memory"),
		"maxMemory":        spec.Pattern(`^[0-9]{1,9}(kb|mb|gb|k|m|g)?$`, 12, "a Redis memory size such as 200mb or 1gb"),
		"evictionPolicy": spec.OneOf("noeviction", "allkeys-lru", "allkeys-lfu", "allkeys-random",
			"volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl"),
		"storageGB":    spec.Between(0, 1024).WithHint("GiB, from 0 (no disk) to 1,024"),
		"storageClass": spec.Pattern(`^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$`, 63, "a Kubernetes storage class name such as managed-csi"),
	}
}

// Profile defaults: a pod in dev (the cache is rebuilt, so no disk);
// Azure Managed Redis with high availability in prod, hourly RDB
// snapshots. Tier and size are left to the plan because they depend on
// the service: Azure Managed Redis is Balanced (Microsoft's "good
// starting point if you're unsure") sized from the working set, Azure
// Cache for Redis stays Premium P1 as before.
const (
	devProfile = `mode: pod
persistence: none
cpu: 100m
memory: 256Mi
maxMemory: 200mb
evictionPolicy: allkeys-lru
storageClass: managed-csi
`
	prodProfile = `mode: managed
service: managedRedis
highAvailability: true
persistence: rdb
evictionPolicy: volatile-lru
`
)

func section() spec.Section {
	return spec.Section{
		Kind:       Name,
		BackingKey: Name, Backing: reflect.TypeFor[Backing](),
		SettingsKey: Name, Settings: reflect.TypeFor[Settings](),
		Profiles: map[string]string{"dev": devProfile, "prod": prodProfile},
		Validate: validate,
		Reserved: []string{Name},
	}
}

// choice is what one environment's settings choose once the service is
// known: the service, its tier and size (empty when the plan sizes it).
type choice struct {
	Service, Tier, SKU string
}

// choose resolves the managed service of an environment. A service the
// user's file states wins; otherwise a stated tier or size of Azure
// Cache for Redis keeps a spec written for it on it (specs from before
// Azure Managed Redis existed state tier: Premium or sku: P1), and
// everything else takes the profile's service, Azure Managed Redis.
func choose(doc *spec.Document, path string, st *Settings) choice {
	stated := func(key string) bool { return doc.Stated(path + ".redis." + key) }
	svc := st.Service
	switch {
	case stated("service"):
	case stated("tier") && st.Tier != "":
		svc = ManagedRedis
		if isCacheForRedisTier(st.Tier) {
			svc = CacheForRedis
		}
	case stated("sku") && st.SKU != "":
		svc = ManagedRedis
		if _, amr := azure.ManagedRedisTierOf(st.SKU); !amr {
			svc = CacheForRedis
		}
	}
	if svc == "" {
		svc = ManagedRedis
	}
	c := choice{Service: svc, Tier: st.Tier, SKU: st.SKU}
	if svc == CacheForRedis {
		// As before Azure Managed Redis: Premium P1 unless stated.
		if c.Tier == "" {
			c.Tier = "Premium"
		}
		if c.SKU == "" {
			c.SKU = "P1"
		}
		return c
	}
	if c.Tier == "" {
		if t, ok := azure.ManagedRedisTierOf(c.SKU); ok {
			c.Tier = t
		} else {
			c.Tier = "Balanced"
		}
	}
	return c
}

func isCacheForRedisSize(sku string) bool {
	for _, n := range azure.RedisSizes() {
		if n == sku {
			return true
		}
	}
	return false
}

func isCacheForRedisTier(tier string) bool {
	for _, t := range cacheForRedisTiers {
		if t == tier {
			return true
		}
	}
	return false
}

// validate checks that the services using the cache have one, and that a
// managed cache's tier, size and settings exist for its service and agree
// with each other.
func validate(v *spec.Validation) {
	s := v.Spec()
	_, declared := spec.Block[Backing](s.Backing.Blocks, Name)
	for i, sv := range s.Services {
		if sv.Cache && !declared && !v.Failed("backing."+Name) {
			v.Fail(fmt.Sprintf("services[%d].cache", i), "add backing.redis", "service %q uses the cache but the spec declares no Redis", sv.Name)
		}
	}
	if !declared {
		return
	}
	doc := v.Doc()
	for i, e := range s.Environments {
		st, ok := spec.Block[Settings](e.Blocks, Name)
		if !ok || st.Mode != "managed" {
			continue
		}
		path := fmt.Sprintf("environments[%d]", i)
		c := choose(doc, path, st)
		if c.Service == CacheForRedis {
			validateCacheForRedis(v, path, st, c)
			continue
		}
		validateManagedRedis(v, path, st, c)
	}
}

// validateCacheForRedis keeps Azure Cache for Redis as it was and refuses
// what only Azure Managed Redis has.
func validateCacheForRedis(v *spec.Validation, path string, st *Settings, c choice) {
	doc := v.Doc()
	at := func(key string) string { return path + ".redis." + key }
	if !isCacheForRedisTier(c.Tier) {
		v.Fail(at("tier"), "Azure Cache for Redis tiers: Basic, Standard, Premium; or service: managedRedis for "+azure.TierTitle(c.Tier),
			"%s is an Azure Managed Redis tier, and this environment's service is Azure Cache for Redis", c.Tier)
		return
	}
	if _, ok := azure.LookupRedis(c.Tier, c.SKU); !ok {
		v.Fail(at("sku"), v.DidYouMean("redis:"+c.Tier, c.SKU, azure.RedisNames(c.Tier), "sizes of "+c.Tier+": "+fmt.Sprint(azure.RedisNames(c.Tier))),
			"Redis %s has no size %q", c.Tier, c.SKU)
	}
	for _, key := range []string{"highAvailability", "clusteringPolicy"} {
		if doc.Stated(at(key)) {
			v.Fail(at(key), "remove it: Azure Cache for Redis has high availability by tier (Standard and Premium) and clusters only with shards (Premium)",
				"%s is a setting of Azure Managed Redis, not of Azure Cache for Redis", key)
		}
	}
	if doc.Stated(at("zoneRedundant")) && st.ZoneRedundant && c.Tier != "Premium" {
		v.Fail(at("zoneRedundant"), "use tier: Premium, or Azure Managed Redis (service: managedRedis)",
			"Azure Cache for Redis %s is not zone-redundant; only Premium spreads over zones", c.Tier)
	}
}

// validateManagedRedis checks an Azure Managed Redis choice: the tier's
// sizes, and settings that only Azure Cache for Redis has or that Azure
// would not honour.
func validateManagedRedis(v *spec.Validation, path string, st *Settings, c choice) {
	doc := v.Doc()
	at := func(key string) string { return path + ".redis." + key }
	if !azure.IsManagedRedisTier(c.Tier) {
		v.Fail(at("tier"), "Azure Managed Redis tiers: "+strings.Join(azure.ManagedRedisTiers(), ", ")+"; or service: cacheForRedis for "+c.Tier,
			"%s is an Azure Cache for Redis tier, and this environment's service is Azure Managed Redis", c.Tier)
		return
	}
	if c.SKU != "" {
		if _, ok := azure.LookupManagedRedis(c.Tier, c.SKU); !ok {
			names := azure.ManagedRedisNames(c.Tier)
			hint := v.DidYouMean("managedredis:"+c.Tier, c.SKU, names, "sizes of "+c.Tier+": "+strings.Join(names, ", "))
			if t, ok := azure.ManagedRedisTierOf(c.SKU); ok {
				hint = fmt.Sprintf("%s is a %s size; use tier: %s, or one of %s", c.SKU, azure.TierTitle(t), t, strings.Join(names, ", "))
			} else if isCacheForRedisSize(c.SKU) {
				hint = fmt.Sprintf("%s is an Azure Cache for Redis size (service: cacheForRedis); sizes of %s: %s", c.SKU, azure.TierTitle(c.Tier), strings.Join(names, ", "))
			}
			v.Fail(at("sku"), hint, "Azure Managed Redis %s has no size %q", azure.TierTitle(c.Tier), c.SKU)
		}
	}
	if doc.Stated(at("shards")) {
		v.Fail(at("shards"), "remove it, or choose a larger size or tier for more shards",
			"Azure Managed Redis sets its shards by size; shards is a setting of Azure Cache for Redis Premium")
	}
	if doc.Stated(at("zoneRedundant")) {
		switch {
		case st.ZoneRedundant && !st.HighAvailability:
			v.Fail(at("zoneRedundant"), "set highAvailability: true, or zoneRedundant: false",
				"zone redundancy needs high availability: Azure Managed Redis without it runs on one node in one zone")
		case !st.ZoneRedundant && st.HighAvailability && regionZones(doc) > 1:
			v.Fail(at("zoneRedundant"), "remove zoneRedundant, or set highAvailability: false",
				"Azure Managed Redis spreads a highly available cache over the region's zones by itself; zoneRedundant: false cannot be honoured")
		case st.ZoneRedundant && regionZones(doc) <= 1:
			v.Fail(at("zoneRedundant"), "choose a region with availability zones, or remove zoneRedundant",
				"region %s has no availability zones, so Azure Managed Redis cannot be zone-redundant there", doc.Spec.Region)
		}
	}
}

// regionZones is how many availability zones the spec's region has.
func regionZones(doc *spec.Document) int {
	r, _ := azure.LookupRegion(doc.Spec.Region)
	return r.Zones
}
