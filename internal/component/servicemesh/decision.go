package servicemesh

import (
	"fmt"

	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/component/ingress"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Decisions implements decision.Decided: the Istio add-on, against no
// mesh. Where the mesh's own gateway is the ingress controller, turning
// the mesh off also needs another controller: NGINX for a public gateway,
// the managed NGINX behind the Application Gateway for an internal one
// (the loader refuses plain NGINX behind it), and the figures are that
// environment's.
func (c *Component) Decisions(_ *plan.Plan, _ *plan.Env) []decision.Decision {
	d := decision.Decision{ID: "servicemesh.mode", Topic: decision.T("서비스 메시", "Service mesh"),
		Choice: decision.T("Istio 추가 기능 ("+c.Revision+")", "Istio add-on ("+c.Revision+")"),
		Reason: spec.Text{
			Ko: fmt.Sprintf("서비스 %d개의 Pod 간 통신을 상호 TLS(STRICT)로 암호화하고 인증하며, 사이드카마다 CPU %dm, 메모리 %dMi를 노드와 쿼터 계산에 포함합니다", len(c.Meshed), c.CPUM, c.MemMiB),
			En: fmt.Sprintf("the %d services' pods talk over mutual TLS (STRICT), encrypted and authenticated; each sidecar's %dm CPU and %dMi memory are counted in the nodes and the quotas", len(c.Meshed), c.CPUM, c.MemMiB),
		},
	}
	alt := decision.Alternative{Choice: decision.T("메시 없음", "no mesh"),
		Note: decision.T("사이드카가 없어 노드 자원이 줄지만, 서비스 간 트래픽은 NetworkPolicy로만 제한되고 암호화되지 않습니다",
			"no sidecars, so fewer node resources, but traffic between the services is only limited by the NetworkPolicies, not encrypted"),
		Change: func(_ *spec.Spec, env *spec.Environment) { decision.Settings[Settings](env, Name).Mode = None }}
	switch c.Gateway {
	case External:
		alt.Choice = decision.T("메시 없음, NGINX 인그레스", "no mesh, NGINX ingress")
		alt.Note = decision.T("메시의 게이트웨이가 없어지므로 NGINX가 요청을 받으며, 서비스 간 트래픽은 NetworkPolicy로만 제한되고 암호화되지 않습니다",
			"without the mesh's gateway NGINX takes the requests, and traffic between the services is only limited by the NetworkPolicies, not encrypted")
		alt.Change = func(_ *spec.Spec, env *spec.Environment) {
			decision.Settings[Settings](env, Name).Mode = None
			decision.Settings[ingress.Settings](env, ingress.Name).Controller = ingress.NGINX
		}
	case Internal:
		// Behind the Application Gateway (its WAF stays): the controller
		// the loader accepts there without the mesh is the application
		// routing add-on's managed NGINX.
		alt.Choice = decision.T("메시 없음, 게이트웨이 뒤 관리형 NGINX (애플리케이션 라우팅)", "no mesh, managed NGINX (application routing) behind the gateway")
		alt.Note = decision.T("Application Gateway와 WAF는 그대로 두고 관리형 NGINX가 메시의 게이트웨이 대신 요청을 받으며, 서비스 간 트래픽은 NetworkPolicy로만 제한되고 암호화되지 않습니다",
			"the Application Gateway and its WAF stay, managed NGINX takes the requests in place of the mesh's gateway, and traffic between the services is only limited by the NetworkPolicies, not encrypted")
		alt.Change = func(_ *spec.Spec, env *spec.Environment) {
			decision.Settings[Settings](env, Name).Mode = None
			decision.Settings[ingress.Settings](env, ingress.Name).Controller = ingress.AppRouting
		}
	}
	d.Alternatives = []decision.Alternative{alt}
	return []decision.Decision{d}
}
