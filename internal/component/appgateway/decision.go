package appgateway

import (
	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/component/ingress"
	"github.com/physarch/physarch/internal/plan"
)

// Decisions implements decision.Decided: the Application Gateway as the
// entry, against NGINX (the ingress block's decision ID, so the master
// index compares the environments' entries).
func (c *Component) Decisions(_ *plan.Plan, _ *plan.Env) []decision.Decision {
	sku := "Standard_v2"
	reason := decision.Tf("자동 스케일링 %d–%d개 인스턴스의 게이트웨이가 Pod로 직접 보내며, 인그레스 컨트롤러가 클러스터 안에 없습니다",
		"a gateway autoscaled over %d–%d instances sends to the pods directly; no ingress controller runs in the cluster", c.MinCapacity, c.MaxCapacity)
	if c.WAF {
		sku = "WAF_v2"
		reason = decision.Tf("WAF(%s 모드)가 클러스터 앞에서 요청을 거르고, 자동 스케일링 %d–%d개 인스턴스의 게이트웨이가 Pod로 직접 보냅니다",
			"the WAF (%s mode) filters requests before the cluster, and a gateway autoscaled over %d–%d instances sends to the pods directly", c.WAFMode, c.MinCapacity, c.MaxCapacity)
	}
	return []decision.Decision{{
		ID: ingress.GatewayDecision, Topic: decision.T("인그레스 진입점", "Ingress entry"),
		Choice: decision.T("Application Gateway "+sku+" (AGIC)", "Application Gateway "+sku+" (AGIC)"), Reason: reason,
		Alternatives: []decision.Alternative{ingress.Controller(decision.T("NGINX", "NGINX"), decision.T("WAF 없음, 클러스터 안의 컨트롤러", "no WAF; a controller in the cluster"), ingress.NGINX)},
	}}
}
