package redis

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
)

// sku is the managed cache's tier and size, or the pod's image.
func (c *Component) sku() string { return strings.TrimSpace(c.Tier + " " + c.SKU) }

// zoneRedundant reports whether the cache's nodes are spread over zones:
// Premium only, and only where the region has zones (the Terraform sets
// zones under the same condition).
func (c *Component) zoneRedundant(e *plan.Env) bool {
	return c.Managed() && c.Tier == "Premium" && len(e.Zones) > 1
}

// Overview implements docs.Overviewed.
func (c *Component) Overview(d *md.Doc, _ *plan.Env) []string {
	if c.Managed() {
		return []string{fmt.Sprintf(d.T("캐시: Azure Cache for Redis %s", "Cache: Azure Cache for Redis %s"), c.sku())}
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
				[2]string{d.T("이미지", "Image"), b.Image},
				[2]string{d.T("리소스", "Resources"), fmt.Sprintf("requests %s / %s, limits %s / %s", b.CPURequest, b.MemRequest, b.CPULimit, b.MemLimit)},
				[2]string{d.T("영속성", "Persistence"), c.Persistence},
				[2]string{"maxmemory", c.MaxMemory},
				[2]string{d.T("제거 정책", "Eviction policy"), c.Eviction},
			)
		} else {
			c.cacheTable(d, e)
		}
		return
	}
	sub := s.Next("Azure Cache for Redis")
	sub.Next(d.T("캐시 구성", "Cache"))
	if c.Managed() {
		c.cacheTable(d, e)
	} else {
		d.P(fmt.Sprintf(d.T("이 환경은 Redis를 Pod(%s)로 실행합니다.", "This environment runs Redis as a pod (%s)."), c.Image))
	}
	sub.Next(d.T("캐시 전략", "Cache strategy"))
	d.Table([]string{d.T("레벨", "Level"), d.T("저장소", "Store"), d.T("데이터", "Data"), "TTL"}, [][]string{
		{"L1", d.T("애플리케이션 메모리", "in-process memory"), d.T("설정·코드 값", "settings, code tables"), "5m"},
		{"L2", "Redis", d.T("세션, 조회 결과", "sessions, query results"), "30m"},
	})
}

func (c *Component) cacheTable(d *md.Doc, e *plan.Env) {
	zr := d.T("없음", "none")
	if c.zoneRedundant(e) {
		zr = docs.Zones(e.Zones)
	}
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"),
		[2]string{"Tier", c.Tier},
		[2]string{"SKU", c.SKU},
		[2]string{d.T("메모리", "Memory"), docs.MiB(int64(c.MemoryMiB))},
		[2]string{d.T("클러스터링 (샤드)", "Clustering (shards)"), strconv.Itoa(c.Shards)},
		[2]string{d.T("영속성", "Persistence"), c.Persistence},
		[2]string{d.T("인증", "Authentication"), d.T("Entra ID + 액세스 키 (Key Vault)", "Entra ID + access key (Key Vault)")},
		[2]string{d.T("접속", "Endpoint"), fmt.Sprintf("%s:%d (TLS)", c.Host, c.Port)},
		[2]string{d.T("영역 중복", "Zone redundancy"), zr},
	)
}

// Backups implements docs.BackedUp.
func (c *Component) Backups(d *md.Doc, e *plan.Env) [][]string {
	if !e.IsProdLike() {
		return [][]string{{"Redis", d.T("없음 (캐시 재구성)", "none (cache is rebuilt)"), "-", "-", d.T("재시작 후 자동 재적재", "refills after restart")}}
	}
	return [][]string{{"Redis", c.Persistence, "-", "false"}}
}

// Failover implements docs.FailingOver: Standard and Premium keep a
// replica; Basic and a pod have none.
func (c *Component) Failover(d *md.Doc, _ *plan.Env) [][]string {
	if c.Managed() && c.Tier != "Basic" {
		return [][]string{{"Redis", d.T("복제본으로 자동 전환", "automatic switch to the replica")}}
	}
	return [][]string{{"Redis", d.T("없음 (단일 노드, 재시작 후 재적재)", "none (one node; refills after a restart)")}}
}

// Scaling implements docs.Scaled.
func (c *Component) Scaling(d *md.Doc, _ *plan.Env) [][]string {
	return [][]string{{"Redis", d.T("샤드 추가", "more shards"), c.sku()}}
}

// Compare implements docs.Compared: the master index's cache comparison.
func (c *Component) Compare(d *md.Doc, _ *plan.Env, part string) [][2]string {
	if part != "cache" {
		return nil
	}
	l2 := "Azure Cache for Redis " + c.sku()
	if !c.Managed() {
		l2 = "Redis Pod (" + c.SKU + ")"
	}
	return [][2]string{{d.T("L2 캐시", "L2 cache"), l2}, {d.T("영속성", "Persistence"), c.Persistence}}
}
