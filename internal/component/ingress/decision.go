package ingress

import (
	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// GatewayDecision is the decision of the region's entry, made by whichever
// block the controller setting turns on (this block for NGINX, the
// Application Gateway's for AGIC), under one ID so that the master index
// compares the environments' entries.
const GatewayDecision = "ingress.controller"

// Controller returns the alternative that switches the environment's
// ingress controller.
func Controller(choice, note spec.Text, controller string) decision.Alternative {
	return decision.Alternative{Choice: choice, Note: note, Change: func(_ *spec.Spec, env *spec.Environment) {
		decision.Settings[Settings](env, Name).Controller = controller
	}}
}

// Decisions implements decision.Decided: NGINX as the entry, against the
// Application Gateway.
func (c *Component) Decisions(_ *plan.Plan, _ *plan.Env) []decision.Decision {
	return []decision.Decision{{
		ID: GatewayDecision, Topic: decision.T("인그레스 진입점", "Ingress entry"), Choice: decision.T("NGINX", "NGINX"),
		Reason: decision.T("클러스터 안의 컨트롤러와 로드 밸런서만으로 요청을 받아 게이트웨이 비용을 없앱니다", "the controller in the cluster and the load balancer take the requests, which saves the gateway"),
		Alternatives: []decision.Alternative{Controller(decision.T("Application Gateway (AGIC)", "Application Gateway (AGIC)"),
			decision.T("WAF가 있는 관리형 게이트웨이", "a managed gateway with a WAF"), AGIC)},
	}}
}
