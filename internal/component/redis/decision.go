package redis

import (
	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Decisions implements decision.Decided: where the cache runs (a pod or
// a managed cache) and, for Azure Managed Redis, its high availability.
func (c *Component) Decisions(_ *plan.Plan, _ *plan.Env) []decision.Decision {
	mode := decision.Decision{ID: "redis.mode", Topic: decision.T("Redis 실행 방식", "Redis runs as")}
	if !c.Managed() {
		mode.Choice = decision.T("Pod", "pod")
		mode.Reason = decision.T("캐시는 다시 채울 수 있는 데이터라 Pod 하나로 충분합니다", "a cache holds data that can be filled again, so one pod is enough")
		mode.Alternatives = []decision.Alternative{{
			Choice: decision.T("Azure Managed Redis (HA 없음)", "Azure Managed Redis (no HA)"),
			Change: func(_ *spec.Spec, env *spec.Environment) {
				st := decision.Settings[Settings](env, Name)
				st.Mode, st.Service, st.HighAvailability = "managed", ManagedRedis, false
			},
		}}
		return []decision.Decision{mode}
	}
	service := "Azure Managed Redis"
	if c.Service != ManagedRedis {
		service = "Azure Cache for Redis"
	}
	mode.Choice = decision.T(service+" "+c.Tier+" "+c.SKU, service+" "+c.Tier+" "+c.SKU)
	mode.Reason = decision.T("관리형 캐시가 복제, 패치, TLS를 맡습니다", "the managed cache runs replication, patching and TLS")
	// The dev profile's pod.
	mode.Alternatives = []decision.Alternative{{
		Choice: decision.T("Pod (100m, 256Mi)", "pod (100m, 256Mi)"),
		Note:   decision.T("복제·SLA 없음", "no replication or SLA"),
		Change: func(_ *spec.Spec, env *spec.Environment) {
			st := decision.Settings[Settings](env, Name)
			st.Mode, st.CPU, st.Memory, st.MaxMemory, st.Persistence, st.StorageClass = "pod", "100m", "256Mi", "200mb", "none", "managed-csi"
		},
	}}
	if c.Service != ManagedRedis {
		return []decision.Decision{mode}
	}
	ha := decision.Decision{ID: "redis.ha", Topic: decision.T("Redis 고가용성", "Redis high availability")}
	if c.HA {
		ha.Choice = decision.T("사용", "on")
		ha.Reason = decision.T("복제된 노드 한 쌍이 있어야 SLA가 적용됩니다", "the SLA needs the replicated pair of nodes")
	} else {
		ha.Choice = decision.T("미사용", "off")
		ha.Reason = decision.T("노드 하나로 비용이 절반입니다", "one node halves the cost")
	}
	on := c.HA
	alt := decision.T("미사용", "off")
	if !on {
		alt = decision.T("사용", "on")
	}
	ha.Alternatives = []decision.Alternative{{Choice: alt, Change: func(_ *spec.Spec, env *spec.Environment) {
		decision.Settings[Settings](env, Name).HighAvailability = !on
	}}}
	return []decision.Decision{mode, ha}
}
