package registry

import (
	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Decisions implements decision.Decided: the registry's tier. The spec has
// no key for it: the tier follows network.privateEndpoints, because only
// Premium takes a private endpoint. So the alternative is the one setting
// the spec can state, the other network.privateEndpoints, and its figures
// are that whole environment's (every managed service's endpoint changes
// with it), which the note says.
func (c *Component) Decisions(_ *plan.Plan, e *plan.Env) []decision.Decision {
	d := decision.Decision{ID: "registry.tier", Topic: decision.T("Container Registry 계층", "Container Registry tier"), Choice: decision.T(c.SKU, c.SKU)}
	var alt decision.Alternative
	if c.Premium() {
		d.Reason = decision.T("프라이빗 엔드포인트를 지원하는 계층은 Premium뿐이라 노드가 VNet 안에서 이미지를 받습니다",
			"only Premium takes a private endpoint, so the nodes pull their images inside the VNet")
		if c.ZoneRedundant {
			d.Reason = decision.Tf("프라이빗 엔드포인트를 지원하는 계층은 Premium뿐이라 노드가 VNet 안에서 이미지를 받고, 레지스트리는 영역 %d개에 걸쳐 영역 중복으로 둡니다",
				"only Premium takes a private endpoint, so the nodes pull their images inside the VNet, from a registry zone-redundant across %d zones", len(e.Zones))
		}
		alt = decision.Alternative{Choice: decision.T("Basic", "Basic"),
			Note: decision.T("프라이빗 엔드포인트를 끄는 경우에만 가능하며, 수치는 모든 관리형 서비스가 공용 엔드포인트를 쓰는 환경의 것입니다",
				"only with private endpoints off: the figures are the environment's with every managed service on its public endpoint"),
			Change: func(_ *spec.Spec, env *spec.Environment) { env.Network.PrivateEndpoints = false }}
	} else {
		d.Reason = decision.T("프라이빗 엔드포인트를 쓰지 않는 환경이라 공용 엔드포인트로 이미지를 받는 가장 낮은 계층을 씁니다",
			"the environment uses no private endpoints, so the lowest tier serves the images on its public endpoint")
		alt = decision.Alternative{Choice: decision.T("Premium", "Premium"),
			Note: decision.T("프라이빗 엔드포인트를 켜는 경우에 선택되며, 수치는 모든 관리형 서비스에 프라이빗 엔드포인트를 두는 환경의 것입니다",
				"chosen with private endpoints on: the figures are the environment's with a private endpoint for every managed service"),
			Change: func(_ *spec.Spec, env *spec.Environment) { env.Network.PrivateEndpoints = true }}
	}
	d.Alternatives = []decision.Alternative{alt}
	return []decision.Decision{d}
}
