package azuresql

import (
	"slices"

	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/msg"
	"github.com/physarch/physarch/internal/spec"
)

// Decisions implements decision.Decided: a managed database's service
// tier, its vCores and its zone redundancy. The dev pod decides none.
func (c *Component) Decisions(_ *plan.Plan, e *plan.Env) []decision.Decision {
	if !c.Managed() {
		return nil
	}
	ds := []decision.Decision{c.tierDecision()}
	if d, ok := c.vCoresDecision(); ok {
		ds = append(ds, d)
	}
	if len(e.Zones) > 1 {
		ds = append(ds, c.zoneDecision())
	}
	return ds
}

// tierDecision offers the other service tier at the same vCores,
// provisioned: Business Critical has no serverless compute.
func (c *Component) tierDecision() decision.Decision {
	d := decision.Decision{ID: "azuresql.tier", Topic: decision.T("Azure SQL 서비스 계층", "Azure SQL service tier"), Choice: decision.T(c.Tier, c.Tier)}
	alt := "BusinessCritical"
	note := decision.T("로컬 SSD와 복제본 3개, 읽기 전용 복제본 1개", "local SSD and three replicas, one of them readable")
	if c.Tier == "BusinessCritical" {
		alt, note = "GeneralPurpose", decision.T("원격 저장소, 읽기 전용 복제본 없음", "remote storage, no readable replica")
		d.Reason = decision.Tf("데이터베이스 %d개가 로컬 SSD와 복제본 3개로 낮은 지연과 빠른 장애 조치를 얻습니다",
			"databases (%d) get low latency and fast failover from local SSD and three replicas", len(c.Databases))
	} else {
		d.Reason = decision.Tf("데이터베이스 %d개에 vCore %d개, 동시 작업자 %s개로 충분해 vCore 단가가 가장 낮은 계층을 씁니다",
			"databases (%d) need no more than %d vCores and %s concurrent workers, so the tier with the lowest price per vCore runs them", len(c.Databases), c.Size.VCores, msg.Int(c.Size.Workers))
	}
	vcores := c.Size.VCores
	d.Alternatives = []decision.Alternative{{Choice: decision.T(alt, alt), Note: note, Change: func(_ *spec.Spec, env *spec.Environment) {
		st := decision.Settings[Settings](env, Name)
		st.Tier, st.VCores = alt, vcores
		if alt == "BusinessCritical" {
			st.Compute, st.MinVCores, st.AutoPauseMinutes = "provisioned", 0, 0
		}
	}}}
	return d
}

// vCoresDecision offers half and twice the vCores, where the tier and
// compute have such a size.
func (c *Component) vCoresDecision() (decision.Decision, bool) {
	n := c.Size.VCores
	d := decision.Decision{ID: "azuresql.vcores", Topic: decision.T("Azure SQL vCore", "Azure SQL vCores"), Choice: decision.T(c.SKU, c.SKU),
		Reason: decision.Tf("vCore %d개, 메모리 %sGB, 동시 작업자 %s개: 넘는 요청은 실패하므로(오류 10928) 서비스의 연결 풀이 이 안에 들어야 합니다",
			"%d vCores, %s GB of memory, %s concurrent workers: requests beyond them fail (error 10928), so the services' connection pools must fit", n, msg.Num(c.Size.MemoryGB), msg.Int(c.Size.Workers))}
	offered := azure.SQLVCores(c.Tier, c.Compute)
	for _, v := range []int{n / 2, n * 2} {
		if v == 0 || !slices.Contains(offered, v) {
			continue
		}
		size, _ := azure.LookupSQL(c.Tier, c.Compute, v)
		d.Alternatives = append(d.Alternatives, decision.Alternative{Choice: decision.T(size.Name(), size.Name()), Change: func(_ *spec.Spec, env *spec.Environment) {
			decision.Settings[Settings](env, Name).VCores = v
		}})
	}
	return d, len(d.Alternatives) > 0
}

// zoneDecision offers the other setting of zoneRedundant.
func (c *Component) zoneDecision() decision.Decision {
	on := c.ZoneRedundant
	d := decision.Decision{ID: "azuresql.zones", Topic: decision.T("Azure SQL 영역 중복", "Azure SQL zone redundancy")}
	alt := decision.T("사용", "on")
	if on {
		d.Choice, alt = decision.T("사용", "on"), decision.T("미사용", "off")
		d.Reason = decision.Tf("데이터베이스 %d개의 복제본을 환경의 가용 영역에 나누어 두어, 영역 하나가 중단되어도 데이터베이스가 요청을 받습니다",
			"the databases (%d) keep replicas in the environment's zones, so they serve with one zone down", len(c.Databases))
	} else {
		d.Choice = decision.T("미사용", "off")
		d.Reason = decision.T("데이터베이스를 한 영역에 두어 영역 중복 요금을 아낍니다", "the databases stay in one zone, which saves the zone-redundancy charge")
	}
	d.Alternatives = []decision.Alternative{{Choice: alt, Change: func(_ *spec.Spec, env *spec.Environment) {
		decision.Settings[Settings](env, Name).ZoneRedundant = !on
	}}}
	return d
}
