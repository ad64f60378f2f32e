package appgateway

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
)

// Routing implements docs.Routed: the gateway (4.2.1) with its listener,
// TLS and the routes AGIC gives it, and its WAF (4.2.2), each line what
// the Terraform and the Ingress realise.
func (c *gateway) Routing(d *md.Doc, e *plan.Env, s *docs.Sections) {
	_, behind := front(e)
	s.Next(d.T("Application Gateway 구성", "Application Gateway"))
	rows := [][2]string{
		docs.Row(d, "appgw.sku", "SKU", "WAF_v2", claim.TF(tfGateway, "sku.name").Is("WAF_v2")),
		docs.Row(d, "appgw.capacity", d.T("용량", "Capacity"), fmt.Sprintf(d.T("자동 스케일링 %d–%d", "autoscale %d–%d"), c.MinCapacity, c.MaxCapacity),
			claim.TF(tfGateway, "autoscale_configuration.min_capacity").Is(strconv.Itoa(c.MinCapacity)), claim.TF(tfGateway, "autoscale_configuration.max_capacity").Is(strconv.Itoa(c.MaxCapacity))),
		c.zoneRow(d, e),
		docs.Row(d, "appgw.subnet", d.T("서브넷", "Subnet"), c.Subnet.Name+" "+c.Subnet.CIDR,
			claim.TF(tfGateway, "gateway_ip_configuration.subnet_id"), claim.TF("azurerm_subnet."+c.Subnet.Role, "address_prefixes").Is(c.Subnet.CIDR)),
		docs.Row(d, "appgw.public-ip", "Public IP", d.T("Standard 고정 IP", "Standard static IP"),
			claim.TF("azurerm_public_ip.gateway", "sku").Is("Standard"), claim.TF("azurerm_public_ip.gateway", "allocation_method").Is("Static")),
		docs.Row(d, "appgw.private-ip", "Private IP", c.PrivateIP, claim.TF(tfGateway, "frontend_ip_configuration.private_ip_address").Is(c.PrivateIP)),
	}
	be, fronting := backend(e)
	fronting = fronting && c.fronting
	if fronting {
		rows = append(rows, docs.Row(d, "appgw.backend-pool", d.T("백엔드 풀", "Backend pool"), fmt.Sprintf(d.T("%s의 내부 부하 분산 장치 주소 (`var.%s`, HTTP %d, 프로브 `%s`)", "the internal load balancer address of %s (`var.%s`, HTTP %d, probe `%s`)"), be.Ref(), BackendVariable, be.Port, c.probePath()),
			claim.TF(tfGateway, "backend_address_pool.ip_addresses"), claim.Manually(be.AddressCommand()), claim.TF(tfGateway, "backend_http_settings.port").Is(strconv.Itoa(be.Port)), claim.TF(tfGateway, "probe.path").Is(c.probePath())))
	} else {
		rows = append(rows, docs.Row(d, "appgw.backend-pool", d.T("백엔드 풀", "Backend pool"), d.T("AKS 서비스 (AGIC가 Pod IP로 직접 구성)", "AKS services (AGIC targets pod IPs)"),
			claim.TF("azurerm_kubernetes_cluster.main", "ingress_application_gateway.gateway_id")))
	}
	if c.TLS {
		rows = append(rows,
			docs.Row(d, "appgw.listener", d.T("리스너", "Listener"), fmt.Sprintf(d.T("HTTPS 443, 인증서 %s (Key Vault 인증서 %s, 관리형 ID %s가 읽음)", "HTTPS 443, certificate %s (Key Vault certificate %s, read as the managed identity %s)"), gwCertificate, c.Certificate, c.Identity),
				claim.TF(tfGateway, "http_listener.protocol").Is("Https"), claim.TF(tfGateway, "http_listener.ssl_certificate_name").Is(gwCertificate),
				claim.TF("azurerm_key_vault_certificate.gateway", ""), claim.TF(tfGateway, "identity.identity_ids")),
			docs.Row(d, "appgw.tls-policy", d.T("TLS 정책", "TLS policy"), SSLPolicy+d.T(" (TLS 1.2 이상)", " (TLS 1.2 minimum)"), claim.TF(tfGateway, "ssl_policy.policy_name").Is(SSLPolicy)),
		)
		switch {
		case !fronting:
			rows = append(rows, docs.Row(d, "appgw.http-redirect", "HTTP", d.T("443으로 리디렉션 (Ingress 주석 ssl-redirect)", "redirected to 443 (Ingress annotation ssl-redirect)"),
				claim.K8s("Ingress", "*", "metadata.annotations").Has("ssl-redirect:true")))
		case !behind:
			rows = append(rows, docs.Row(d, "appgw.http-redirect", "HTTP", d.T("443으로 영구 리디렉션 (리디렉션 구성 to-https)", "redirected permanently to 443 (redirect configuration to-https)"),
				claim.TF(tfGateway, "redirect_configuration.target_listener_name").Is(gwListener)))
		}
		rows = append(rows, docs.Row(d, "appgw.backend-protocol", d.T("백엔드 프로토콜", "Backend protocol"), d.T("HTTP (TLS는 게이트웨이에서 종료, VNet 내부 구간)", "HTTP (TLS ends at the gateway; inside the VNet)"),
			claim.TF(tfGateway, "backend_http_settings.protocol").Is("Http")))
	} else {
		rows = append(rows, docs.Row(d, "appgw.listener", d.T("리스너", "Listener"), d.T("HTTP 80 (TLS 없음: ingress.endToEndTLS: false)", "HTTP 80 (no TLS: ingress.endToEndTLS: false)"),
			claim.TF(tfGateway, "http_listener.protocol").Is("Http")))
	}
	if behind {
		rows = append(rows, docs.Row(d, "appgw.admitted-from", d.T("허용 출처", "Admitted from"), d.T("이 Front Door 프로필만 (WAF 규칙 OnlyThisFrontDoor: X-Azure-FDID = 프로필 resource_guid, NSG: AzureFrontDoor.Backend)", "this Front Door profile only (WAF rule OnlyThisFrontDoor: X-Azure-FDID = the profile's resource_guid; NSG: AzureFrontDoor.Backend)"),
			claim.TF("azurerm_web_application_firewall_policy.main", "custom_rules.name").Is("OnlyThisFrontDoor"),
			claim.TF("azurerm_web_application_firewall_policy.main", "custom_rules.match_conditions.match_variables.selector").Is("X-Azure-FDID")))
	}
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"), rows...)
	if fronting {
		c.controllerSteps(d, e, be)
	} else {
		c.agicRoutes(d, e)
	}
	if c.TLS {
		d.P(d.T("인증서는 사용자가 공개 CA에서 받은 public_host_name용 .pfx이며, Terraform이 Key Vault로 가져옵니다 (Key Vault 데이터 평면 쓰기: Key Vault가 비공개이면 프라이빗 엔드포인트에 접근할 수 있는 곳에서 실행):",
			"The certificate is your .pfx for public_host_name from a public CA; Terraform imports it into Key Vault (a Key Vault data-plane write: with a private vault, run it where the private endpoint is reachable):"))
		d.Code("sh", "export TF_VAR_gateway_certificate_password=...   # "+d.T(".pfx 암호, 커밋하지 않음", "the .pfx password, never committed")+"\n"+
			"terraform apply -var "+HostVariable+"="+c.hostValue()+" -var gateway_certificate_pfx_path=<path-to.pfx>\n")
	}
	s.Next(d.T("WAF 구성", "WAF"))
	d.Code("yaml", c.wafYAML(behind, d.T))
}

// agicRoutes is the table of the routes AGIC gives the gateway.
func (c *gateway) agicRoutes(d *md.Doc, e *plan.Env) {
	var routes [][]string
	for _, f := range e.FlowsOfKind("ingress") {
		routes = append(routes, []string{f.Route, f.To, strconv.Itoa(f.Port)})
	}
	if c.ProbeService != "" {
		for _, f := range e.FlowsOfKind("ingress") {
			if f.To == c.ProbeService {
				routes = append(routes, []string{c.ProbePath + d.T(" (정확히 일치, 상태 프로브)", " (exact, health probe)"), f.To, strconv.Itoa(f.Port)})
				break
			}
		}
	}
	d.Table([]string{d.T("경로", "Path"), d.T("백엔드 서비스", "Backend service"), d.T("포트", "Port")}, routes)
}

// controllerSteps says where the controller's address comes from, with
// the commands that read it and give it to the gateway: AKS assigns it
// only once the cluster has made the Service.
func (c *gateway) controllerSteps(d *md.Doc, e *plan.Env, be BackendService) {
	d.P(fmt.Sprintf(d.T("게이트웨이는 모든 요청을 %s에 보내고, 경로별 라우팅은 그 컨트롤러가 합니다. 내부 부하 분산 장치 주소는 AKS가 Service를 만들 때 노드 서브넷에서 정하므로 첫 `terraform apply` 때는 백엔드 풀이 비어 있습니다. 클러스터에 닿는 곳(프라이빗 클러스터이면 점프 호스트)에서 주소를 읽어 다시 적용합니다:",
		"The gateway sends every request to %s, which routes by path. AKS picks the internal load balancer's address from the node subnet when it makes the Service, so after the first `terraform apply` the backend pool is empty. Read the address where kubectl reaches the cluster (the jump host for a private cluster) and apply again:"), be.Ref()))
	d.Code("sh", "IP=$("+be.AddressCommand()+")\n"+
		"terraform -chdir=deploy/terraform/"+e.Name+" apply -var "+BackendVariable+"=\"$IP\"\n")
}

// hostValue is the public host name as the user passes it.
func (c *gateway) hostValue() string {
	if c.Domain != "" {
		return c.Domain
	}
	return "<public-host-name>"
}

// wafYAML is the gateway's WAF policy as the Terraform writes it; t picks
// the comment's language.
func (c *gateway) wafYAML(behind bool, t func(ko, en string) string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "waf_configuration:\n  policy: OWASP CRS 3.2\n  mode: %s\n", c.WAFMode)
	switch {
	case behind:
		b.WriteString("  custom_rules:\n    - name: OnlyThisFrontDoor\n      match: RequestHeaders[X-Azure-FDID] != azurerm_cdn_frontdoor_profile.main.resource_guid\n      action: Block\n")
		if c.RateLimit > 0 {
			b.WriteString("  # " + t("클라이언트별 속도 제한은 Front Door가 적용 (RateLimitPerClientIP): 여기서는 모든 요청이 Front Door 주소에서 옴",
				"the per-client rate limit is Front Door's (RateLimitPerClientIP): here every request comes from Front Door's addresses") + "\n")
		}
	case c.RateLimit > 0:
		fmt.Fprintf(&b, "  custom_rules:\n    - name: RateLimitPerClientIP\n      rate_limit: %d requests/minute per client address\n      action: Block\n", c.RateLimit)
	default:
		b.WriteString("  custom_rules: []\n")
	}
	b.WriteString("  managed_rules:\n    - OWASP 3.2\n")
	return b.String()
}

// SecurityLayers implements docs.Layered: the gateway layer.
func (c *gateway) SecurityLayers(d *md.Doc, e *plan.Env) []docs.Layer {
	tech := fmt.Sprintf("Application Gateway WAF_v2 (%s, %d req/min/IP)", c.WAFMode, c.RateLimit)
	if _, behind := front(e); behind {
		tech = fmt.Sprintf("Application Gateway WAF_v2 (%s, X-Azure-FDID)", c.WAFMode)
	}
	if c.TLS {
		tech += ", TLS 1.2+"
	}
	return []docs.Layer{{N: 2, Name: d.T("게이트웨이", "Gateway"), Technology: tech, Applies: d.T("외부 → 내부 트래픽", "external → internal traffic")}}
}

// Failover implements docs.FailingOver.
func (*gateway) Failover(d *md.Doc, _ *plan.Env) [][]string {
	return [][]string{{"Application Gateway", d.T("영역 중복 인스턴스", "zone-redundant instances")}}
}

// Summary implements docs.Summarised: the controller's name, and what the
// WAF protects, where it is on.
func (c *gateway) Summary(d *md.Doc, _ *plan.Env, key string) (string, bool) {
	if key == docs.SummaryIngress {
		if c.fronting {
			return "", false // the controller behind the gateway says
		}
		return "Application Gateway Ingress Controller", true
	}
	if !c.WAF {
		return "", false
	}
	switch key {
	case docs.SummarySecurity:
		return d.T("WAF, 프라이빗 엔드포인트, Key Vault", "WAF, private endpoints, Key Vault"), true
	case docs.SummaryNetworkSecurity:
		return fmt.Sprintf("WAF (%d req/min/IP)", c.RateLimit), true
	case docs.SummaryWebSecurity:
		return "WAF " + c.WAFMode, true
	}
	return "", false
}

// zoneRow states the gateway's zones where the Terraform pins it to two or
// more; otherwise Azure places it (a one-zone design, or a region without
// zones), which the gateway resource itself realises.
func (c *gateway) zoneRow(d *md.Doc, e *plan.Env) [2]string {
	if zs := e.Pinned(e.Zones); len(zs) > 1 {
		return docs.Row(d, "appgw.zones", d.T("가용 영역", "Zones"), docs.Zones(zs), claim.TF(tfGateway, "zones").Is(docs.ZoneList(zs)))
	}
	return docs.Row(d, "appgw.zones", d.T("가용 영역", "Zones"), docs.ZoneText(d, e), claim.TF(tfGateway, "sku.name").Is("WAF_v2"))
}
