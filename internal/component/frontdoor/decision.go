package frontdoor

import (
	"fmt"

	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/msg"
	"github.com/physarch/physarch/internal/spec"
)

// Decisions implements decision.Decided: the Front Door tier, against the
// other tier and against none, where Front Door is deployed (an
// environment with nothing to forward to deploys none and decides
// nothing).
func (c *Component) Decisions(_ *plan.Plan, _ *plan.Env) []decision.Decision {
	if c.Origin == "" {
		return nil
	}
	d := decision.Decision{ID: "frontdoor.tier", Topic: decision.T("Front Door 계층", "Front Door tier"), Choice: decision.T(c.Tier, c.Tier)}
	limit := decision.T("클라이언트별 요청 제한 없음", "no per-client rate limit")
	if c.RateLimit > 0 {
		limit = decision.Tf("클라이언트당 분당 %s건 요청 제한", "a rate limit of %s requests a minute per client", msg.Int(c.RateLimit))
	}
	var other string
	var note spec.Text
	switch {
	case c.Tier == "Premium" && c.Static != nil && c.Static.Private:
		other = "Standard"
		note = decision.Tf("Private Link 원본이 없어, 공용 접근이 꺼진 %s 계정의 정적 경로 요청이 실패합니다", "no Private Link origin: requests on the static route fail, as account %s has public access off", c.Static.Account)
		d.Reason = decision.Tf("공용 접근이 꺼진 %s 계정에 Private Link 원본으로 닿는 계층은 Premium뿐이며, 관리 규칙 세트가 WAF에 더해집니다",
			"only Premium reaches account %s, whose public access is off, through a Private Link origin, and it adds the managed rule sets to the WAF", c.Static.Account)
	case c.Tier == "Premium":
		other, note = "Standard", decision.T("관리 규칙 세트 없이 사용자 지정 규칙만", "custom rules only, no managed rule sets")
		d.Reason = spec.Text{Ko: fmt.Sprintf("WAF가 전역 진입점에서 관리 규칙 세트(Microsoft 기본 규칙과 봇 보호, Premium 전용)와 사용자 지정 규칙(%s)으로 요청을 거릅니다", limit.Ko),
			En: fmt.Sprintf("the WAF filters requests at the global edge with the managed rule sets (Microsoft's default rules and bot protection, Premium only) and custom rules (%s)", limit.En)}
	default:
		other, note = "Premium", decision.T("관리 규칙 세트와 Private Link 원본", "managed rule sets and Private Link origins")
		d.Reason = spec.Text{Ko: fmt.Sprintf("전역 진입점, TLS 종료, 사용자 지정 WAF 규칙(%s)으로 충분해 관리 규칙 세트(Premium 전용)의 비용을 아낍니다", limit.Ko),
			En: fmt.Sprintf("the global edge, TLS termination and custom WAF rules (%s) are enough, which saves the managed rule sets (Premium only)", limit.En)}
	}
	tier := func(t string, choice, note spec.Text) decision.Alternative {
		return decision.Alternative{Choice: choice, Note: note, Change: func(_ *spec.Spec, env *spec.Environment) {
			decision.Settings[Settings](env, Name).FrontDoor = t
		}}
	}
	d.Alternatives = []decision.Alternative{tier(other, decision.T(other, other), note),
		tier("none", decision.T("미사용", "none"), decision.T("지역 게이트웨이가 인터넷에서 직접 요청을 받으며, 전역 진입점의 WAF가 없습니다", "the regional gateway takes requests from the internet directly, with no WAF at the global edge"))}
	return []decision.Decision{d}
}
