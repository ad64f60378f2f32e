package redis

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Ports: the pod speaks plain TCP, the managed cache TLS only.
const (
	PortPlain = 6379
	PortTLS   = 6380
)

// Secret is the cache's password (its access key).
const Secret = "redis-password"

// Kind is the Redis block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Component is the cache as one environment runs it.
type Component struct {
	Mode        string // pod or managed
	Tier        string
	SKU         string
	MemoryMiB   int
	Shards      int
	Persistence string
	MaxMemory   string
	Eviction    string
	Version     string
	Host        string
	Port        int
	// Image is the spec's version as a container image: the dev pod's,
	// and compose's wherever the environment runs the cache.
	Image string
	// WorkingSetMiB is what the spec says the cache must hold.
	WorkingSetMiB int
	// Cache and Backup are the managed cache's and its RDB storage
	// account's names.
	Cache, Backup string
	Pod           *plan.Workload
	// endpoint: the managed cache is reached through a private endpoint.
	endpoint bool
}

// ID implements plan.Component.
func (*Component) ID() string { return Name }

// Managed reports whether the environment runs Azure Cache for Redis.
func (c *Component) Managed() bool { return c.Mode == "managed" }

// rdb reports whether RDB backups go to a storage account (Premium only).
func (c *Component) rdb() bool { return c.Managed() && c.Tier == "Premium" && c.Persistence == "rdb" }

// Plan implements plan.Kind.
func (Kind) Plan(c *plan.Context) plan.Component {
	b, ok := plan.Backing[Backing](c, Name)
	if !ok {
		return nil
	}
	st := plan.Settings[Settings](c, Name)
	e := c.Env
	version := b.Version
	if version == "" {
		version = "7.2"
	}
	r := &Component{Mode: st.Mode, Tier: st.Tier, Shards: st.Shards, Persistence: st.Persistence,
		Eviction: st.EvictionPolicy, Version: version, MaxMemory: st.MaxMemory, WorkingSetMiB: b.WorkingSetMiB, Image: "redis:" + version}
	if r.Managed() {
		sku, ok := azure.LookupRedis(st.Tier, st.SKU)
		if !ok {
			c.Fail(c.Path()+".redis.sku", spec.DidYouMean(st.SKU, azure.RedisNames(st.Tier), "a size of the tier"), "Redis %s size %q is not in the catalog", st.Tier, st.SKU)
			return nil
		}
		r.SKU, r.MemoryMiB = sku.Name, sku.MemoryMiB
		// Azure Cache for Redis runs major version 6 (4 is retired); the
		// spec's version applies to the dev pods.
		r.Version = "6"
		base := c.Plan.Name + "-" + e.Name
		r.Cache = c.Name("Azure Cache for Redis", naming.RedisCache("redis-"+base))
		if r.rdb() {
			r.Backup = c.Name("storage account", naming.StorageAccount("st"+strings.ReplaceAll(c.Plan.Name, "-", "")+e.Name))
		}
		r.Host, r.Port = r.Cache+".redis.cache.windows.net", PortTLS
		r.endpoint = e.Settings.Network.PrivateEndpoints
		return r
	}
	r.SKU = r.Image
	r.Host, r.Port = fmt.Sprintf("%s.%s.svc.cluster.local", Name, e.Namespace), PortPlain
	pod := plan.BackingPod(Name, PortPlain, st.CPU, st.Memory, st.StorageGB, st.StorageClass, r.Image)
	if pod.CPURequestM <= 0 || pod.MemRequestMiB <= 0 {
		c.Fail(c.Path()+".redis.cpu", "set cpu: 100m and memory: 256Mi", "%s pod in %s has no valid CPU/memory request", Name, e.Name)
		return nil
	}
	pod.Owner, pod.Title = Name, "Redis"
	r.Pod = &pod
	r.MemoryMiB = maxMemoryMiB(st.MaxMemory, pod.MemRequestMiB)
	return r
}

// maxMemoryMiB is what a Redis pod may cache: its maxmemory setting
// ("200mb", "1gb"), else its memory request.
func maxMemoryMiB(maxMemory string, requestMiB int64) int {
	m := strings.ToLower(strings.TrimSpace(maxMemory))
	for _, u := range []struct {
		suffix string
		mul    float64
	}{{"gb", 1024}, {"mb", 1}, {"kb", 1.0 / 1024}, {"g", 1000 * 1000 * 1000 / 1048576.0}, {"m", 1000 * 1000 / 1048576.0}} {
		if n, ok := strings.CutSuffix(m, u.suffix); ok {
			if v, err := strconv.ParseFloat(n, 64); err == nil {
				return int(v * u.mul)
			}
		}
	}
	return int(requestMiB)
}

// Pods implements plan.Podded.
func (c *Component) Pods() []plan.Workload {
	if c.Pod == nil {
		return nil
	}
	return []plan.Workload{*c.Pod}
}

// PrivateEndpoints implements plan.Endpointed.
func (c *Component) PrivateEndpoints() []plan.PrivateEndpoint {
	if !c.endpoint {
		return nil
	}
	return []plan.PrivateEndpoint{{Service: Name, Title: "Redis", Subresource: "redisCache", DNSZone: "privatelink.redis.cache.windows.net", Ports: []int{PortTLS}}}
}

// Flows implements plan.Flowing.
func (c *Component) Flows(_ *plan.Plan, _ *plan.Env, sv plan.Service) []plan.Flow {
	if !sv.Cache {
		return nil
	}
	return []plan.Flow{{From: sv.Name, To: Name, Port: c.Port, Proto: "TCP", Kind: "cache"}}
}

// Secrets implements plan.Secreted.
func (c *Component) Secrets(_ *plan.Plan, _ *plan.Env) []string { return []string{Secret} }

// SecretRefs implements plan.Secreted.
func (c *Component) SecretRefs(_ *plan.Plan, _ *plan.Env, sv plan.Service) []plan.SecretRef {
	if !sv.Cache {
		return nil
	}
	return []plan.SecretRef{{Env: "REDIS_PASSWORD", Secret: Secret}}
}
