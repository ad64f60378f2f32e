package approuting

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
		return d.T("관리형 NGINX (AKS 애플리케이션 라우팅)", "Managed NGINX (AKS application routing)"), true
	}
	return "", false
}

// SummaryAt implements docs.SummaryLocated: the add-on and the class the
// Ingress objects name.
func (x *Component) SummaryAt(_ *plan.Env, key string) []claim.Locator {
	if key != docs.SummaryIngress {
		return nil
	}
	return []claim.Locator{claim.TF(tfCluster, "web_app_routing.default_nginx_controller").Is(x.controller()),
		claim.K8s("Ingress", "*", "spec.ingressClassName").Is(Class)}
}

// Routing implements docs.Routed: the add-on (4.2.1), its load balancer,
// TLS and rate limit, each what the Terraform and the Ingress realise.
func (x *Component) Routing(d *md.Doc, e *plan.Env, s *docs.Sections) {
	s.Next(d.T("애플리케이션 라우팅 (관리형 NGINX) 구성", "Application routing (managed NGINX)"))
	rows := [][2]string{
		docs.Row(d, "approuting.addon", d.T("추가 기능", "Add-on"), d.T("AKS 애플리케이션 라우팅 (AKS가 NGINX를 설치·업그레이드)", "AKS application routing (AKS installs and upgrades NGINX)"),
			claim.TF(tfCluster, "web_app_routing.default_nginx_controller").Is(x.controller())),
		docs.Row(d, "approuting.class", "IngressClass", Class, claim.K8s("Ingress", "*", "spec.ingressClassName").Is(Class)),
		x.loadBalancerRow(d),
	}
	switch {
	case x.Internal:
		rows = append(rows, docs.Row(d, "approuting.tls", "TLS", d.T("Application Gateway에서 종료, NGINX는 HTTP 80 (VNet 내부 구간)", "ends at the Application Gateway; NGINX takes HTTP 80 (inside the VNet)"),
			claim.TF(tfCluster, "web_app_routing.default_nginx_controller").Is(InternalController)))
	case x.TLS:
		rows = append(rows, docs.Row(d, "approuting.tls", "TLS", fmt.Sprintf(d.T("HTTPS 443, Key Vault 인증서 %s (추가 기능이 Secret %s로 동기화), HTTP는 443으로 리디렉션", "HTTPS 443, Key Vault certificate %s (synced by the add-on into the Secret %s); HTTP redirected to 443"), x.Certificate, x.TLSSecret),
			claim.K8s("Ingress", "*", "metadata.annotations").Has(annotationKeyVault+":"), claim.K8s("Ingress", "*", "spec.tls.secretName").Is(x.TLSSecret),
			claim.TF(tfCertificate, ""), claim.TF("azurerm_role_assignment.nginx_certificate", "role_definition_name").Is("Key Vault Secrets User")))
	default:
		rows = append(rows, docs.Row(d, "approuting.tls", "TLS", d.T("없음: HTTP 80 (ingress.endToEndTLS: false 또는 Key Vault 없음)", "none: HTTP 80 (ingress.endToEndTLS: false, or no Key Vault)"),
			claim.K8s("Ingress", "*", "spec.ingressClassName").Is(Class)))
	}
	if x.RateLimit > 0 {
		rows = append(rows, docs.Row(d, "approuting.rate-limit", d.T("클라이언트별 요청 제한", "Per-client rate limit"), fmt.Sprintf(d.T("분당 %s건 (NGINX limit-rpm)", "%s requests a minute (NGINX limit-rpm)"), thousands(x.RateLimit)),
			claim.K8s("Ingress", "*", "metadata.annotations").Has(annotationLimitRPM+":"+strconv.Itoa(x.RateLimit))))
	}
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"), rows...)
	var routes [][]string
	for _, f := range e.FlowsOfKind("ingress") {
		routes = append(routes, []string{f.Route, f.To, strconv.Itoa(f.Port)})
	}
	d.Table([]string{d.T("경로", "Path"), d.T("백엔드 서비스", "Backend service"), d.T("포트", "Port")}, routes)
	if x.TLS {
		d.P(d.T("인증서는 사용자가 공개 CA에서 받은 public_host_name용 .pfx이며, Terraform이 Key Vault로 가져옵니다:", "The certificate is your .pfx for public_host_name from a public CA; Terraform imports it into Key Vault:"))
		d.Code("sh", "export TF_VAR_nginx_certificate_password=...   # "+d.T(".pfx 암호, 커밋하지 않음", "the .pfx password, never committed")+"\nterraform apply -var nginx_certificate_pfx_path=<path-to.pfx>\n")
	}
}

// loadBalancerRow is the controller's load balancer: public, or internal
// behind the Application Gateway.
func (x *Component) loadBalancerRow(d *md.Doc) [2]string {
	lb := claim.TF(tfCluster, "web_app_routing.default_nginx_controller").Is(x.controller())
	if x.Internal {
		return docs.Row(d, "approuting.load-balancer", d.T("부하 분산 장치", "Load balancer"), d.T("내부 Standard (노드 서브넷 주소, AKS가 생성), Application Gateway만 이 주소로 보냄", "internal Standard (an address of the node subnet, made by AKS); only the Application Gateway sends to it"), lb)
	}
	return docs.Row(d, "approuting.load-balancer", d.T("부하 분산 장치", "Load balancer"), d.T("공용 Standard (노드 리소스 그룹, AKS가 생성)", "public Standard (in the node resource group, made by AKS)"), lb)
}

// SecurityLayers implements docs.Layered: NGINX at the entry.
func (x *Component) SecurityLayers(d *md.Doc, _ *plan.Env) []docs.Layer {
	tech := d.T("관리형 NGINX", "Managed NGINX")
	if x.RateLimit > 0 {
		tech += fmt.Sprintf(" (%d req/min/IP)", x.RateLimit)
	}
	if x.TLS {
		tech += ", TLS"
	}
	return []docs.Layer{{N: 2, Name: d.T("인그레스", "Ingress"), Technology: tech, Applies: d.T("외부 → 내부 트래픽", "external → internal traffic")}}
}

// thousands writes n with thousands separators (1,000).
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
