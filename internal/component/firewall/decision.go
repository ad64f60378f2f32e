package firewall

import (
	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/msg"
	"github.com/physarch/physarch/internal/spec"
)

// Decisions implements decision.Decided: the firewall's tier, against the
// other tier and against no firewall at all.
func (c *Component) Decisions(_ *plan.Plan, _ *plan.Env) []decision.Decision {
	gb := msg.Int(c.EgressGB)
	d := decision.Decision{ID: "firewall.tier", Topic: decision.T("Azure Firewall 계층", "Azure Firewall tier"), Choice: decision.T(c.Tier, c.Tier)}
	other, note := "Premium", decision.T("TLS 검사와 IDPS", "TLS inspection and IDPS")
	if c.Tier == "Premium" {
		other, note = "Standard", decision.T("TLS 검사와 IDPS 없음", "no TLS inspection or IDPS")
		d.Reason = decision.Tf("클러스터의 송신 트래픽 월 %sGB를 규칙 %d개로 거르고, TLS 검사와 서명 기반 IDPS로 내용까지 검사합니다",
			"the cluster's %s GB a month of outbound traffic is filtered by %d rules and inspected by TLS inspection and signature-based IDPS", gb, len(c.Rules))
	} else {
		d.Reason = decision.Tf("클러스터의 송신 트래픽 월 %sGB를 FQDN·네트워크 규칙 %d개로 거르며, TLS 검사와 IDPS가 필요 없어 Standard를 씁니다",
			"the cluster's %s GB a month of outbound traffic is filtered by %d FQDN and network rules; TLS inspection and IDPS are not needed, so Standard runs it", gb, len(c.Rules))
	}
	tier := func(t string, note spec.Text) decision.Alternative {
		return decision.Alternative{Choice: decision.T(t, t), Note: note, Change: func(_ *spec.Spec, env *spec.Environment) {
			decision.Settings[Settings](env, Name).Tier = t
		}}
	}
	d.Alternatives = []decision.Alternative{tier(other, note),
		tier("none", decision.T("송신 트래픽을 거르지 않고 클러스터가 로드 밸런서로 직접 나갑니다", "outbound traffic is not filtered; the cluster leaves through its load balancer"))}
	d.Alternatives[1].Choice = decision.T("미사용", "none")
	return []decision.Decision{d}
}
