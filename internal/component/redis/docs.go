package redis

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
)

// sku is the managed cache's tier and size, or the pod's image.
func (c *Component) sku() string {
	if c.AMR() {
		return c.skuTitle()
	}
	return strings.TrimSpace(c.Tier + " " + c.SKU)
}

// skuTitle is the tier (as Microsoft spells it) and size.
func (c *Component) skuTitle() string {
	if c.AMR() {
		return azure.TierTitle(c.Tier) + " " + c.SKU
	}
	return c.Tier + " " + c.SKU
}

// Overview implements docs.Overviewed.
func (c *Component) Overview(d *md.Doc, _ *plan.Env) []string {
	if c.Managed() {
		return []string{fmt.Sprintf(d.T("캐시: %s %s", "Cache: %s %s"), c.serviceTitle(), c.sku())}
	}
	return []string{fmt.Sprintf(d.T("캐시: Redis %s Pod", "Cache: Redis %s pod"), c.Version)}
}

// Discovery implements docs.Discovered.
func (c *Component) Discovery(d *md.Doc, _ *plan.Env) [][]string {
	return [][]string{{"Redis", c.Host, strconv.Itoa(c.Port), d.T("캐시", "cache")}}
}

// Data implements docs.Stored: the pod's settings (development), the
// managed cache's and the cache levels (production).
func (c *Component) Data(d *md.Doc, e *plan.Env, s *docs.Sections) {
	if !e.IsProdLike() {
		s.Next(d.T("Redis Pod 구성", "Redis pod"))
		if b := c.Pod; b != nil {
			d.KV(d.T("구성 항목", "Item"), d.T("값", "Value"),
				docs.Row(d, "redis.pod.image", d.T("이미지", "Image"), b.Image, docs.PodImage(b)),
				docs.Row(d, "redis.pod.resources", d.T("리소스", "Resources"), fmt.Sprintf("requests %s / %s, limits %s / %s", b.CPURequest, b.MemRequest, b.CPULimit, b.MemLimit), docs.PodResources(b)...),
				docs.Row(d, "redis.pod.persistence", d.T("영속성", "Persistence"), persistenceWord(d, c.Persistence), c.podArgs(b, persistenceArgs(c.Persistence)...)...),
				docs.Row(d, "redis.pod.maxmemory", "maxmemory", c.MaxMemory, c.podArgs(b, "--maxmemory,"+c.MaxMemory)...),
				docs.Row(d, "redis.pod.eviction", d.T("제거 정책", "Eviction policy"), c.Eviction, c.podArgs(b, "--maxmemory-policy,"+c.Eviction)...),
			)
		} else {
			c.cacheTable(d)
		}
		return
	}
	sub := s.Next(c.serviceTitle())
	sub.Next(d.T("캐시 구성", "Cache"))
	if c.Managed() {
		c.cacheTable(d)
	} else {
		d.P(fmt.Sprintf(d.T("이 환경은 Redis를 Pod(%s)로 실행합니다.", "This environment runs Redis as a pod (%s)."), c.Image))
	}
	sub.Next(d.T("캐시 전략", "Cache strategy"))
	d.Table([]string{d.T("레벨", "Level"), d.T("저장소", "Store"), d.T("데이터", "Data"), "TTL"}, [][]string{
		{"L1", d.T("애플리케이션 메모리", "in-process memory"), d.T("설정·코드 값", "settings, code tables"), msg.Minutes(d, 5)},
		{"L2", "Redis", d.T("세션, 조회 결과", "sessions, query results"), msg.Minutes(d, 30)},
	})
}

// zoneText is the zones the cache spreads over, or none.
func (c *Component) zoneText(d *md.Doc) string {
	if len(c.Zones) > 1 {
		return docs.Zones(c.Zones)
	}
	return d.T("없음", "none")
}

func (c *Component) cacheTable(d *md.Doc) {
	if c.AMR() {
		c.managedRedisTable(d)
		return
	}
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"),
		docs.Row(d, "redis.tier", d.T("계층", "Tier"), c.Tier, claim.TF(tfCache, "sku_name").Is(c.Tier)),
		docs.Row(d, "redis.sku", "SKU", c.SKU, c.cacheSKUAt()...),
		docs.Row(d, "redis.memory", d.T("메모리", "Memory"), docs.MiB(int64(c.MemoryMiB)), c.cacheSKUAt()...),
		docs.Row(d, "redis.shards", d.T("클러스터링 (샤드)", "Clustering (shards)"), msg.Count(d, c.Shards), c.shardsAt()),
		docs.Row(d, "redis.persistence", d.T("영속성", "Persistence"), persistenceWord(d, c.Persistence), c.cachePersistenceAt()),
		docs.Row(d, "redis.auth", d.T("인증", "Authentication"), c.authText(d, "az redis list-keys --name "+c.Cache+" --resource-group <resource_group_name> --query primaryKey -o tsv"), claim.TF(tfCache, "")),
		docs.Row(d, "redis.endpoint", d.T("접속", "Endpoint"), fmt.Sprintf("%s:%d (TLS)", c.Host, c.Port), claim.TF(tfCache, "non_ssl_port_enabled").Is("false"), claim.TF(tfCache, "minimum_tls_version").Is("1.2")),
		docs.Row(d, "redis.zones", d.T("영역 중복", "Zone redundancy"), c.zoneText(d), c.cacheZonesAt()),
	)
}

// sizing says how the plan chose a size the spec did not state.
func (c *Component) sizing(d *md.Doc) string {
	if c.Sizing == sizedByWorkingSet {
		ws, mem := docs.MiB(int64(c.WorkingSetMiB)), docs.MiB(int64(c.MemoryMiB))
		return d.T(fmt.Sprintf("작업 세트 %s ≤ %s의 %d%% (나머지는 Azure가 예약)", ws, mem, azure.AMRUsablePercent),
			fmt.Sprintf("working set %s ≤ %d%% of %s (Azure reserves the rest)", ws, azure.AMRUsablePercent, mem))
	}
	return d.T("작업 세트 미지정: 6 GB (이전 기본값 Premium P1과 같은 크기)", "no working set stated: 6 GB, the size of the former default Premium P1")
}

func (c *Component) managedRedisTable(d *md.Doc) {
	ha := d.T("사용 (노드 2개)", "on (2 nodes)")
	if !c.HA {
		ha = d.T("사용 안 함 (노드 1개, SLA 없음)", "off (1 node, no SLA)")
	}
	clustering := d.T("Enterprise (단일 엔드포인트, 클러스터 비인식 클라이언트 가능)", "Enterprise (one endpoint; clients need not be cluster-aware)")
	if c.OSS() {
		clustering = fmt.Sprintf(d.T("OSS (클러스터 인식 클라이언트 필요; 노드 포트 %s: NetworkPolicy allow-<서비스>-redis-nodes, NSG 규칙 AllowRedisNodes)",
			"OSS (cluster-aware clients; node ports %s: NetworkPolicies allow-<service>-redis-nodes, NSG rules AllowRedisNodes)"), nodePorts())
	}
	sku := claim.TF(tfManaged, "sku_name").Is(azure.ManagedRedisSKU{Tier: c.Tier, Name: c.SKU}.ARMName())
	rows := [][2]string{
		docs.Row(d, "redis.service", d.T("서비스", "Service"), "Azure Managed Redis", sku),
		docs.Row(d, "redis.tier", d.T("계층", "Tier"), azure.TierTitle(c.Tier), sku),
		docs.Row(d, "redis.sku", "SKU", docs.Assumed(d, c.SKU, c.SKUStated), sku),
	}
	if !c.SKUStated {
		rows = append(rows, docs.Row(d, "redis.sizing", d.T("크기 산정", "Sizing"), c.sizing(d), sku))
	}
	rows = append(rows,
		// memory, vCPUs and the Redis version come with the SKU
		docs.Row(d, "redis.memory", d.T("메모리", "Memory"), fmt.Sprintf(d.T("%s (데이터용 약 %s)", "%s (about %s for data)"), docs.MiB(int64(c.MemoryMiB)), approxGi(c.UsableMiB)), sku),
		docs.Row(d, "redis.vcpu", "vCPU", strconv.Itoa(c.VCPUs), sku),
		docs.Row(d, "redis.ha", d.T("고가용성", "High availability"), ha, claim.TF(tfManaged, "high_availability_enabled").Is(strconv.FormatBool(c.HA))),
		docs.Row(d, "redis.clustering", d.T("클러스터링 정책", "Clustering policy"), clustering, claim.TF(tfManaged, "default_database.clustering_policy").Is(clusteringPolicies[c.Clustering])),
		docs.Row(d, "redis.persistence", d.T("영속성", "Persistence"), c.persistenceText(d), c.managedPersistenceAt()),
		docs.Row(d, "redis.eviction", d.T("제거 정책", "Eviction policy"), c.Eviction, c.managedEvictionAt()),
		docs.Row(d, "redis.version", "Redis", c.Version, sku),
		docs.Row(d, "redis.auth", d.T("인증", "Authentication"), c.authText(d, "az redisenterprise database list-keys --cluster-name "+c.Cache+" --resource-group <resource_group_name> --query primaryKey -o tsv"), claim.TF(tfManaged, "default_database.access_keys_authentication_enabled").Is("true")),
		docs.Row(d, "redis.endpoint", d.T("접속", "Endpoint"), fmt.Sprintf("%s:%d (TLS)", c.Host, c.Port), claim.TF(tfManaged, "default_database.client_protocol").Is("Encrypted")),
		// a highly available cache spreads over the region's zones by itself
		docs.Row(d, "redis.zones", d.T("영역 중복", "Zone redundancy"), c.zoneText(d), claim.TF(tfManaged, "high_availability_enabled").Is(strconv.FormatBool(c.HA))),
	)
	if c.Preview {
		rows = append(rows, docs.Row(d, "redis.preview", d.T("미리 보기", "Preview"), d.T("예 (Microsoft가 이 크기를 공개 미리 보기로 표시)", "yes (Microsoft marks this size as public preview)"), sku))
	}
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"), rows...)
}

// persistenceText is Azure Managed Redis's persistence with how often it
// writes (the Terraform's backup frequency).
func (c *Component) persistenceText(d *md.Doc) string {
	switch c.Persistence {
	case "rdb":
		return persistenceWord(d, c.Persistence) + d.T(" ("+msg.Duration(d, rdbFrequency)+"마다)", " (every "+msg.Duration(d, rdbFrequency)+")")
	case "aof":
		return persistenceWord(d, c.Persistence) + d.T(" ("+msg.Duration(d, aofFrequency)+"마다)", " (every "+msg.Duration(d, aofFrequency)+")")
	}
	return persistenceWord(d, c.Persistence)
}

// persistenceWord names a persistence mode as the spec stores it (rdb,
// aof, none) in words.
func persistenceWord(d *md.Doc, p string) string {
	switch p {
	case "rdb":
		return d.T("RDB 스냅샷", "RDB snapshots")
	case "aof":
		return d.T("AOF 로그", "AOF log")
	case "none", "":
		return msg.Bool(d, false)
	}
	return p
}

// approxGi prints a size in GiB with one decimal: what Azure Managed
// Redis leaves for data is never a whole number of them.
func approxGi(mib int) string {
	return strconv.FormatFloat(float64(mib)/1024, 'f', 1, 64) + "Gi"
}

// Backups implements docs.BackedUp: the cache's persistence, as the pod's
// arguments or the managed cache's Terraform set it. Without persistence
// nothing is kept and the cache refills from its sources; with it, Redis
// reloads the latest file when it restarts. The file is the only copy
// kept, so retention is "-".
func (c *Component) Backups(d *md.Doc, _ *plan.Env) []docs.Backup {
	b := docs.Backup{Tier: docs.TierCache, Target: "Redis", Method: persistenceWord(d, c.Persistence), Frequency: "-", Retention: "-", Geo: msg.Bool(d, false),
		Recover: d.T("재시작할 때 최신 파일에서 자동 적재", "reloaded from the latest file on restart"), Source: d.T("Terraform 설정", "the Terraform's setting")}
	every := func(dur string) string { return fmt.Sprintf(d.T("%s마다", "every %s"), msg.Duration(d, dur)) }
	switch {
	case c.Pod != nil:
		b.Source = d.T("Pod 인수", "the pod's arguments")
		b.At = c.podArgs(c.Pod, persistenceArgs(c.Persistence)...)
		switch c.Persistence {
		case "rdb":
			b.Frequency = d.T("15분마다 (1건 이상 변경 시)", "every 15 minutes (after at least 1 change)")
		case "aof":
			b.Frequency = d.T("쓰기마다 (추가 전용 파일)", "on every write (append-only file)")
		}
	case !c.Managed():
		return nil
	case c.AMR():
		b.At = []claim.Locator{c.managedPersistenceAt()}
		switch c.Persistence {
		case "rdb":
			b.Frequency = every(rdbFrequency)
		case "aof":
			b.Frequency = every(aofFrequency)
		}
	default:
		b.At = []claim.Locator{c.cachePersistenceAt()}
		switch {
		case c.rdb():
			dur := strconv.Itoa(cacheRDBMinutes) + "m"
			if cacheRDBMinutes%60 == 0 {
				dur = strconv.Itoa(cacheRDBMinutes/60) + "h" // "1 hour", not "60 min"
			}
			b.Frequency = every(dur)
			b.At = append(b.At, claim.TF(tfCache, "redis_configuration.rdb_backup_frequency").Is(strconv.Itoa(cacheRDBMinutes)))
		case c.Tier == "Premium" && c.Persistence == "aof":
			b.Frequency = d.T("쓰기마다 (추가 전용 파일)", "on every write (append-only file)")
		}
	}
	if b.Frequency == "-" {
		// No persistence: nothing is kept, the cache refills.
		b.Method, b.Recover, b.Source = d.T("없음 (캐시 재구성)", "none (cache is rebuilt)"), d.T("재시작 후 자동 재적재", "refills after restart"), "-"
	}
	return []docs.Backup{b}
}

// Failover implements docs.FailingOver: Standard and Premium keep a
// replica, Azure Managed Redis with high availability replica shards;
// Basic, Azure Managed Redis without high availability and a pod have
// none.
func (c *Component) Failover(d *md.Doc, _ *plan.Env) [][]string {
	switch {
	case c.AMR() && c.HA && len(c.Zones) > 1:
		return [][]string{{"Redis", d.T("다른 영역의 복제 샤드로 자동 전환", "automatic switch to the replica shards in another zone")}}
	case c.AMR() && c.HA:
		return [][]string{{"Redis", d.T("복제 샤드로 자동 전환", "automatic switch to the replica shards")}}
	case c.CacheForRedis() && c.Tier != "Basic":
		return [][]string{{"Redis", d.T("복제본으로 자동 전환", "automatic switch to the replica")}}
	}
	return [][]string{{"Redis", d.T("없음 (단일 노드, 재시작 후 재적재)", "none (one node; refills after a restart)")}}
}

// Scaling implements docs.Scaled.
func (c *Component) Scaling(d *md.Doc, _ *plan.Env) [][]string {
	if c.AMR() {
		return [][]string{{"Redis", d.T("더 큰 크기 또는 상위 계층 (축소는 제한적)", "larger size or tier (scaling down is limited)"), c.sku()}}
	}
	return [][]string{{"Redis", d.T("샤드 추가", "more shards"), c.sku()}}
}

// Compare implements docs.Compared: the master index's cache comparison.
func (c *Component) Compare(d *md.Doc, _ *plan.Env, part string) [][2]string {
	if part != "cache" {
		return nil
	}
	l2 := c.serviceTitle() + " " + c.sku()
	if !c.Managed() {
		l2 = "Redis Pod (" + c.SKU + ")"
	}
	return [][2]string{{d.T("L2 캐시", "L2 cache"), l2}, {d.T("영속성", "Persistence"), persistenceWord(d, c.Persistence)}}
}

// authText names the secret and the command that prints its value: the
// operator sets the secret from it (nothing else says where it comes
// from).
func (c *Component) authText(d *md.Doc, cmd string) string {
	return fmt.Sprintf(d.T("액세스 키 (Key Vault 시크릿 %s, 값: `%s`)", "access key (Key Vault secret %s, value: `%s`)"), Secret, cmd)
}
