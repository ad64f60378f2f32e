// Package redis is the Redis building block: the shared cache. In dev a
// pod, in prod Azure Cache for Redis. Services use it with `cache: true`.
package redis

import (
	"fmt"
	"reflect"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's name, its backing and settings key, and its ID.
const Name = "redis"

// Backing is backing.redis.
type Backing struct {
	Version       string `yaml:"version" jsonschema_description:"Redis version such as 7.2 (the dev pod's image)"`
	WorkingSetMiB int    `yaml:"workingSetMiB" jsonschema_description:"expected cache working set in MiB"`
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
	Mode           string `yaml:"mode"`
	Tier           string `yaml:"tier"`
	SKU            string `yaml:"sku" jsonschema_description:"cache size such as C1 or P1"`
	Shards         int    `yaml:"shards"`
	Persistence    string `yaml:"persistence"`
	CPU            string `yaml:"cpu" jsonschema_description:"pod CPU request (mode pod)"`
	Memory         string `yaml:"memory" jsonschema_description:"pod memory request (mode pod)"`
	MaxMemory      string `yaml:"maxMemory" jsonschema_description:"Redis maxmemory of the pod (mode pod)"`
	EvictionPolicy string `yaml:"evictionPolicy"`
	StorageGB      int    `yaml:"storageGB" jsonschema_description:"managed disk for the pod's data, 0 for none (mode pod)"`
	StorageClass   string `yaml:"storageClass" jsonschema_description:"managed-disk storage class (mode pod)"`
}

// FieldRules constrains the settings.
func (Settings) FieldRules() spec.Rules {
	return spec.Rules{
		"mode":        spec.OneOf("pod", "managed"),
		"tier":        spec.OneOf("Basic", "Standard", "Premium"),
		"sku":         spec.OneOf(azure.RedisSizes()...),
		"shards":      spec.Between(0, 30).WithHint("0 (no clustering) or from 1 to 30 shards"),
		"persistence": spec.OneOf("none", "rdb", "aof"),
		"cpu":         spec.Quantity("cpu"),
		"memory":      spec.Quantity("memory"),
		"maxMemory":   spec.Pattern(`^[0-9]{1,9}(kb|mb|gb|k|m|g)?$`, 12, "a Redis memory size such as 200mb or 1gb"),
		"evictionPolicy": spec.OneOf("noeviction", "allkeys-lru", "allkeys-lfu", "allkeys-random",
			"volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl"),
		"storageGB":    spec.Between(0, 1024).WithHint("GiB, from 0 (no disk) to 1,024"),
		"storageClass": spec.Pattern(`^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$`, 63, "a Kubernetes storage class name such as managed-csi"),
	}
}

// Profile defaults: a pod in dev (the cache is rebuilt, so no disk),
// Premium P1 with RDB backups in prod.
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
tier: Premium
sku: P1
shards: 0
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

// validate checks that the services using the cache have one, and that a
// managed cache's size exists in its tier.
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
	for i, e := range s.Environments {
		st, ok := spec.Block[Settings](e.Blocks, Name)
		if !ok || st.Mode != "managed" {
			continue
		}
		if _, ok := azure.LookupRedis(st.Tier, st.SKU); !ok {
			v.Fail(fmt.Sprintf("environments[%d].redis.sku", i), spec.DidYouMean(st.SKU, azure.RedisNames(st.Tier), "sizes of "+st.Tier+": "+fmt.Sprint(azure.RedisNames(st.Tier))),
				"Redis %s has no size %q", st.Tier, st.SKU)
		}
	}
}
