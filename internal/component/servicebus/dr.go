package servicebus

import (
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// srcRebuilt backs the namespace's step: no Geo-DR alias is configured, so
// the DR region's module creates the namespace, its queues and topics
// anew, and messages not yet consumed stay in the lost region.
var srcRebuilt = azure.Source{Ref: "physarch: created empty by the DR region's module (no Geo-DR alias is configured)", Date: "2026-12-02",
	Ko: "physarch: DR 리전 모듈이 빈 상태로 생성 (Geo-DR 별칭을 구성하지 않음)"}

// Recovery implements plan.Recovering.
func (c *Component) Recovery(_ *plan.Env) []plan.RecoveryStep {
	return []plan.RecoveryStep{{Component: "Service Bus",
		What:     spec.Text{Ko: "DR 리전 모듈이 네임스페이스, 큐, 토픽을 빈 상태로 다시 생성 (아직 처리하지 않은 메시지는 유실)", En: "the DR region's module creates the namespace, queues and topics empty (messages not yet consumed are lost)"},
		Source:   srcRebuilt,
		Estimate: spec.Text{Ko: "재구축에 계산한 1시간에 포함", En: "part of the hour counted for the rebuild"},
		Standing: tfNamespace}}
}
