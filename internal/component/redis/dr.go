package redis

import (
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// srcRebuilt backs the steps of the blocks the DR region's module creates
// anew: nothing is replicated, so nothing is restored; the time is part
// of the module's apply.
var srcRebuilt = azure.Source{Ref: "physarch: created empty by the DR region's module (no geo-replication is configured)", Date: "2026-12-02",
	Ko: "physarch: DR 리전 모듈이 빈 상태로 생성 (지역 복제를 구성하지 않음)"}

// Recovery implements plan.Recovering: the cache is not replicated (the
// linked-server geo-replication of Azure Cache for Redis Premium is not
// configured), so the DR region's module creates it empty and it refills
// from the database.
func (c *Component) Recovery(_ *plan.Env) []plan.RecoveryStep {
	if !c.Managed() {
		return nil
	}
	at := tfManaged
	if c.CacheForRedis() {
		at = tfCache
	}
	return []plan.RecoveryStep{{Component: "Redis",
		What:     spec.Text{Ko: "DR 리전 모듈이 빈 캐시로 다시 생성 (복제하지 않음, 데이터베이스에서 다시 채움)", En: "created empty by the DR region's module (not replicated; it refills from the database)"},
		Source:   srcRebuilt,
		Estimate: spec.Text{Ko: "재구축에 계산한 1시간에 포함", En: "part of the hour counted for the rebuild"},
		Standing: at}}
}
