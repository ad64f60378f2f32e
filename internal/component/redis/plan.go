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

// Ports: the pod speaks plain TCP, Azure Cache for Redis TLS on 6380,
// Azure Managed Redis TLS on 10000 ("Verify if your application is
// connecting to <instancename>.<region>.redis.azure.net on port 10000",
// MicrosoftDocs/azure-docs articles/redis/troubleshoot-connectivity.md).
// With the OSS clustering policy clients then connect to the nodes'
// shards on "ports in the 85XX range" (articles/redis/architecture.md,
// Cluster policies).
const (
	PortPlain        = 6379
	PortTLS          = 6380
	PortManagedRedis = 10000
	NodePortFirst    = 8500
	NodePortLast     = 8599
)

// Secret is the cache's password (its access key).
const Secret = "redis-password"

// managedRedisVersion is the Redis version Azure Managed Redis runs
// ("Azure Managed Redis supports Redis version 7.4.x", articles/redis/overview.md).
const managedRedisVersion = "7.4"

// Kind is the Redis block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Component is the cache as one environment runs it.
type Component struct {
	Mode string // pod or managed
	// Service is the managed service (ManagedRedis or CacheForRedis),
	// empty for the pod.
	Service     string
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
	// TLS: the cache speaks TLS only (both managed services).
	TLS bool
	// Image is the spec's version as a container image: the dev pod's,
	// and compose's wherever the environment runs the cache.
	Image string
	// WorkingSetMiB is what the spec says the cache must hold.
	WorkingSetMiB int
	// Cache and Backup are the managed cache's and its RDB storage
	// account's (Azure Cache for Redis Premium) names.
	Cache, Backup string
	Pod           *plan.Workload

	// Azure Managed Redis only.

	// UsableMiB is what the size leaves for data (80%; the rest is
	// reserved), VCPUs its vCPUs, Preview whether the size is in preview.
	UsableMiB int
	VCPUs     int
	Preview   bool
	// HA: high availability (a replicated pair of nodes).
	HA bool
	// Clustering is the clustering policy, Enterprise or OSS.
	Clustering string
	// Zones are the zones the cache's nodes are spread over, none when it
	// is not zone-redundant (both services).
	Zones []int
	// SKUStated: the spec names the size; otherwise Sizing says how the
	// plan chose it (sizedByWorkingSet, sizedByDefault).
	SKUStated bool
	Sizing    string

	// endpoint: the managed cache is reached through a private endpoint.
	endpoint bool
}

// ID implements plan.Component.
func (*Component) ID() string { return Name }

// Managed reports whether the environment runs a managed cache.
func (c *Component) Managed() bool { return c.Mode == "managed" }

// AMR reports whether the environment runs Azure Managed Redis.
func (c *Component) AMR() bool { return c.Managed() && c.Service == ManagedRedis }

// CacheForRedis reports whether the environment runs Azure Cache for
// Redis, which Microsoft is retiring.
func (c *Component) CacheForRedis() bool { return c.Managed() && c.Service == CacheForRedis }

// OSS reports whether clients use the OSS cluster API (Azure Managed
// Redis), connecting to the nodes' ports besides the endpoint's.
func (c *Component) OSS() bool { return c.AMR() && c.Clustering == ClusterOSS }

// rdb reports whether RDB backups go to a storage account (Azure Cache
// for Redis Premium only; Azure Managed Redis keeps them on its disk).
func (c *Component) rdb() bool {
	return c.CacheForRedis() && c.Tier == "Premium" && c.Persistence == "rdb"
}

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
		ch := choose(c.Doc, c.Path(), st)
		r.Service, r.Tier = ch.Service, ch.Tier
		r.TLS = true
		r.endpoint = e.Settings.Network.PrivateEndpoints
		base := c.Plan.Name + "-" + e.Name
		if r.Service == ManagedRedis {
			if !planManagedRedis(c, r, st, ch) {
				return nil
			}
			r.Cache = c.Name("Azure Managed Redis", naming.ManagedRedis("redis-"+base))
			r.Host, r.Port = r.Cache+"."+c.Plan.Region+".redis.azure.net", PortManagedRedis
			return r
		}
		sku, ok := azure.LookupRedis(ch.Tier, ch.SKU)
		if !ok {
			c.Fail(c.Path()+".redis.sku", spec.DidYouMean(ch.SKU, azure.RedisNames(ch.Tier), "a size of the tier"), "Redis %s size %q is not in the catalog", ch.Tier, ch.SKU)
			return nil
		}
		r.SKU, r.MemoryMiB, r.UsableMiB = sku.Name, sku.MemoryMiB, sku.MemoryMiB
		r.SKUStated = c.Doc.Stated(c.Path() + ".redis.sku")
		// Azure Cache for Redis runs major version 6 (4 is retired); the
		// spec's version applies to the dev pods.
		r.Version = "6"
		// Premium spreads over the environment's zones (the Terraform
		// sets zones under the same condition), unless the spec says
		// zoneRedundant: false.
		if r.Tier == "Premium" && len(e.Zones) > 1 && !(c.Doc.Stated(c.Path()+".redis.zoneRedundant") && !st.ZoneRedundant) {
			r.Zones = e.Zones
		}
		r.Cache = c.Name("Azure Cache for Redis", naming.RedisCache("redis-"+base))
		if r.rdb() {
			r.Backup = c.Name("storage account", naming.StorageAccount("st"+strings.ReplaceAll(c.Plan.Name, "-", "")+e.Name))
		}
		r.Host, r.Port = r.Cache+".redis.cache.windows.net", PortTLS
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
	r.UsableMiB = r.MemoryMiB
	return r
}

// How the plan sized Azure Managed Redis when the spec names no size.
const (
	sizedByWorkingSet = "working set"
	sizedByDefault    = "default"
)

// defaultMinMiB is the size Azure Managed Redis gets when the spec states
// neither a size nor a working set: 6 GB, the Balanced B5 that Microsoft's
// AMR team maps the old default Premium P1 (6 GB) to
// (AzureManagedRedis/amr-migration-skill references/sku-mapping.md,
// "Premium Non-Clustered → AMR Mapping").
const defaultMinMiB = 6 * 1024

// planManagedRedis chooses the size (the stated one, else the smallest of
// the tier whose usable memory holds the working set) and the settings.
func planManagedRedis(c *plan.Context, r *Component, st *Settings, ch choice) bool {
	var sku azure.ManagedRedisSKU
	var ok bool
	switch {
	case ch.SKU != "":
		sku, ok = azure.LookupManagedRedis(ch.Tier, ch.SKU)
		if !ok {
			c.Fail(c.Path()+".redis.sku", "sizes of "+ch.Tier+": "+strings.Join(azure.ManagedRedisNames(ch.Tier), ", "), "Azure Managed Redis %s has no size %q", azure.TierTitle(ch.Tier), ch.SKU)
			return false
		}
		r.SKUStated = true
	case r.WorkingSetMiB > 0:
		sku, ok = azure.SmallestManagedRedis(ch.Tier, r.WorkingSetMiB, 0)
		if !ok {
			c.Fail("backing.redis.workingSetMiB", "choose another tier (MemoryOptimized and FlashOptimized go largest), or cache less",
				"no Azure Managed Redis %s size holds a working set of %d MiB in the %d%% it leaves for data", azure.TierTitle(ch.Tier), r.WorkingSetMiB, azure.AMRUsablePercent)
			return false
		}
		r.Sizing = sizedByWorkingSet
	default:
		sku, ok = azure.SmallestManagedRedis(ch.Tier, 0, defaultMinMiB)
		if !ok {
			return false
		}
		r.Sizing = sizedByDefault
	}
	r.Tier, r.SKU = sku.Tier, sku.Name
	r.MemoryMiB, r.UsableMiB, r.VCPUs, r.Preview = sku.MemoryMiB, sku.UsableMiB(), sku.VCPUs, sku.Preview
	r.Version = managedRedisVersion
	r.HA = st.HighAvailability
	r.Clustering = st.ClusteringPolicy
	if r.Clustering == "" {
		r.Clustering = ClusterEnterprise
	}
	if r.Persistence == "" {
		r.Persistence = "none"
	}
	// A highly available cache is zone-redundant wherever the region has
	// zones, whatever the environment asks for: "When you create a new
	// Azure Managed Redis instance, enable high availability configuration
	// and deploy it into a region with availability zones. Then, it
	// automatically includes zone redundancy by default"
	// (reliability-docs articles/reliability/reliability-managed-redis.md).
	if region, _ := azure.LookupRegion(c.Plan.Region); r.HA && region.Zones > 1 {
		for z := 1; z <= region.Zones; z++ {
			r.Zones = append(r.Zones, z)
		}
	}
	return true
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

// PrivateEndpoints implements plan.Endpointed: Azure Cache for Redis's
// subresource redisCache, Azure Managed Redis's redisEnterprise with its
// zone privatelink.redis.azure.net (MicrosoftDocs/azure-docs
// articles/private-link/private-endpoint-dns.md, "Azure Managed Redis
// (Microsoft.Cache/RedisEnterprise) | redisEnterprise |
// privatelink.redis.azure.net"). Either takes one address, for the one
// name the subresource publishes (<name>.privatelink.redis.cache.windows.net,
// <name>.<region>.privatelink.redis.azure.net; the same page).
func (c *Component) PrivateEndpoints() []plan.PrivateEndpoint {
	if !c.endpoint {
		return nil
	}
	if c.AMR() {
		return []plan.PrivateEndpoint{{Service: Name, Title: "Redis", Subresource: "redisEnterprise", DNSZone: "privatelink.redis.azure.net", IPs: 1, Ports: []int{PortManagedRedis}}}
	}
	return []plan.PrivateEndpoint{{Service: Name, Title: "Redis", Subresource: "redisCache", DNSZone: "privatelink.redis.cache.windows.net", IPs: 1, Ports: []int{PortTLS}}}
}

// Flows implements plan.Flowing.
func (c *Component) Flows(_ *plan.Plan, _ *plan.Env, sv plan.Service) []plan.Flow {
	if !sv.Cache {
		return nil
	}
	return []plan.Flow{{From: sv.Name, To: Name, Port: c.Port, Proto: "TCP", Kind: "cache"}}
}

// nodePorts is the OSS cluster policy's node port range as NSG rules and
// documents spell it.
func nodePorts() string { return fmt.Sprintf("%d-%d", NodePortFirst, NodePortLast) }

// SecurityRules implements plan.Guarded: with the OSS clustering policy
// the pods also reach the cache's node ports through the private
// endpoint, which the endpoints' own rules (the endpoint port only) do
// not open.
func (c *Component) SecurityRules(e *plan.Env) []plan.SecurityRule {
	if !c.OSS() || !c.endpoint {
		return nil
	}
	aks, ok := e.Network.Subnet("aks")
	pe, ok2 := e.Network.Subnet("endpoints")
	if !ok || !ok2 {
		return nil
	}
	ports := []string{nodePorts()}
	return []plan.SecurityRule{
		{Subnet: "aks", Name: "AllowRedisNodes", Direction: "Outbound", Priority: 150, Ports: ports, Source: aks.CIDR, Destination: pe.CIDR, Access: "Allow"},
		{Subnet: "endpoints", Name: "AllowRedisNodes", Direction: "Inbound", Priority: 150, Ports: ports, Source: aks.CIDR, Destination: pe.CIDR, Access: "Allow"},
	}
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
