package istiogateway

import (
	"fmt"
	"strconv"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
)

const tfCluster = "azurerm_kubernetes_cluster.main"

// Summary implements docs.Summarised: the controller's name.
func (*Component) Summary(d *md.Doc, _ *plan.Env, key string) (string, bool) {
	if key == docs.SummaryIngress {
		return d.T("Istio 인그레스 게이트웨이 (서비스 메시 추가 기능)", "Istio ingress gateway (service mesh add-on)"), true
	}
	return "", false
}

// SummaryAt implements docs.SummaryLocated: the add-on's gateway and the
// Gateway that selects it.
func (x *Component) SummaryAt(_ *plan.Env, key string) []claim.Locator {
	if key != docs.SummaryIngress {
		return nil
	}
	return []claim.Locator{x.enabled(), claim.K8s("Gateway", x.Gateway, "spec.selector").Has(selectorLabel + ":" + x.Service())}
}

// enabled is the cluster setting that turns the gateway on.
func (x *Component) enabled() claim.Locator {
	if x.Internal {
		return claim.TF(tfCluster, "service_mesh_profile.internal_ingress_gateway_enabled").Is("true")
	}
	return claim.TF(tfCluster, "service_mesh_profile.external_ingress_gateway_enabled").Is("true")
}

// Routing implements docs.Routed: the gateway (4.2.x), its load balancer,
// TLS and routes, each what the Terraform and the Istio objects realise.
func (x *Component) Routing(d *md.Doc, e *plan.Env, s *docs.Sections) {
	s.Next(d.T("Istio 인그레스 게이트웨이 구성", "Istio ingress gateway"))
	lb := d.T("공용 Standard (노드 리소스 그룹, AKS가 생성)", "public Standard (in the node resource group, made by AKS)")
	if x.Internal {
		lb = d.T("내부 Standard (노드 서브넷 주소, AKS가 생성), Application Gateway만 이 주소로 보냄", "internal Standard (an address of the node subnet, made by AKS); only the Application Gateway sends to it")
	}
	rows := [][2]string{
		docs.Row(d, "istiogw.service", d.T("게이트웨이 Service", "Gateway Service"), "`"+Namespace+"/"+x.Service()+"`", x.enabled()),
		docs.Row(d, "istiogw.load-balancer", d.T("부하 분산 장치", "Load balancer"), lb, x.enabled()),
		docs.Row(d, "istiogw.gateway", "Gateway", fmt.Sprintf("`%s/%s` (selector `%s: %s`)", e.Namespace, x.Gateway, selectorLabel, x.Service()),
			claim.K8s("Gateway", x.Gateway, "spec.selector").Has(selectorLabel+":"+x.Service())),
		docs.Row(d, "istiogw.to-services", d.T("서비스로 가는 구간", "To the services"), d.T("메시 mTLS (게이트웨이가 메시 안에 있어 STRICT 유지)", "mesh mTLS (the gateway is in the mesh, so the ports stay STRICT)"),
			claim.K8s("PeerAuthentication", "default", "spec.mtls.mode").Is("STRICT")),
	}
	switch {
	case x.Internal:
		rows = append(rows, docs.Row(d, "istiogw.tls", "TLS", d.T("Application Gateway에서 종료, 게이트웨이는 HTTP 80 (VNet 내부 구간)", "ends at the Application Gateway; the gateway takes HTTP 80 (inside the VNet)"),
			claim.K8s("Gateway", x.Gateway, "spec.servers.port.number").Is("80")))
	case x.TLS:
		rows = append(rows, docs.Row(d, "istiogw.tls", "TLS", fmt.Sprintf(d.T("HTTPS 443, Secret `%s` (`%s` 네임스페이스, 운영자가 생성), TLS 1.2 이상, HTTP는 443으로 리디렉션", "HTTPS 443, Secret `%s` (namespace `%s`, made by the operator), TLS 1.2 minimum; HTTP redirected to 443"), x.TLSSecret, Namespace),
			claim.K8s("Gateway", x.Gateway, "spec.servers.tls.credentialName").Is(x.TLSSecret), claim.Manually("kubectl create secret tls "+x.TLSSecret+" -n "+Namespace)))
	default:
		rows = append(rows, docs.Row(d, "istiogw.tls", "TLS", d.T("없음: HTTP 80 (ingress.endToEndTLS: false)", "none: HTTP 80 (ingress.endToEndTLS: false)"),
			claim.K8s("Gateway", x.Gateway, "spec.servers.port.number").Is("80")))
	}
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"), rows...)
	var routes [][]string
	for _, f := range e.FlowsOfKind("ingress") {
		routes = append(routes, []string{f.Route, f.To, strconv.Itoa(f.Port)})
	}
	d.Table([]string{d.T("경로", "Path"), d.T("백엔드 서비스", "Backend service"), d.T("포트", "Port")}, routes)
	if x.TLS {
		d.P(d.T("인증서는 사용자가 공개 CA에서 받은 인증서와 키이며, 게이트웨이의 네임스페이스에 Secret으로 만듭니다:", "The certificate is yours, from a public CA, with its key; create it as a Secret in the gateway's namespace:"))
		d.Code("sh", "kubectl create secret tls "+x.TLSSecret+" -n "+Namespace+" --cert=<certificate.pem> --key=<key.pem>\n")
	}
}

// SecurityLayers implements docs.Layered: the gateway at the entry.
func (x *Component) SecurityLayers(d *md.Doc, _ *plan.Env) []docs.Layer {
	tech := d.T("Istio 인그레스 게이트웨이, 메시 mTLS", "Istio ingress gateway, mesh mTLS")
	if x.TLS {
		tech += ", TLS 1.2+"
	}
	return []docs.Layer{{N: 3, Name: d.T("인그레스", "Ingress"), Technology: tech, Applies: d.T("게이트웨이 → 서비스", "gateway → services")}}
}
