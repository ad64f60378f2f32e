package appgateway

import (
	"fmt"
	"strconv"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
)

// Routing implements docs.Routed: the gateway (4.2.1) with the routes AGIC
// gives it, and its WAF (4.2.2).
func (c *Component) Routing(d *md.Doc, e *plan.Env, s *docs.Sections) {
	s.Next(d.T("Application Gateway 구성", "Application Gateway"))
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"),
		docs.Row(d, "appgw.sku", "SKU", "WAF_v2", claim.TF(tfGateway, "sku.name").Is("WAF_v2")),
		docs.Row(d, "appgw.capacity", d.T("용량", "Capacity"), fmt.Sprintf(d.T("자동 확장 %d–%d", "autoscale %d–%d"), c.MinCapacity, c.MaxCapacity),
			claim.TF(tfGateway, "autoscale_configuration.min_capacity").Is(strconv.Itoa(c.MinCapacity)), claim.TF(tfGateway, "autoscale_configuration.max_capacity").Is(strconv.Itoa(c.MaxCapacity))),
		docs.Row(d, "appgw.zones", d.T("가용 영역", "Zones"), docs.Zones(e.Zones), claim.TF(tfGateway, "zones").Is(zoneList(e.Zones))),
		docs.Row(d, "appgw.subnet", d.T("서브넷", "Subnet"), c.Subnet.Name+" "+c.Subnet.CIDR,
			claim.TF(tfGateway, "gateway_ip_configuration.subnet_id"), claim.TF("azurerm_subnet."+c.Subnet.Role, "address_prefixes").Is(c.Subnet.CIDR)),
		docs.Row(d, "appgw.public-ip", "Public IP", d.T("Standard 고정 IP", "Standard static IP"),
			claim.TF("azurerm_public_ip.gateway", "sku").Is("Standard"), claim.TF("azurerm_public_ip.gateway", "allocation_method").Is("Static")),
		docs.Row(d, "appgw.private-ip", "Private IP", c.PrivateIP, claim.TF(tfGateway, "frontend_ip_configuration.private_ip_address").Is(c.PrivateIP)),
		docs.Row(d, "appgw.backend-pool", "Backend pool", d.T("AKS 서비스 (AGIC가 Pod IP로 직접 구성)", "AKS services (AGIC targets pod IPs)"),
			claim.TF("azurerm_kubernetes_cluster.main", "ingress_application_gateway.gateway_id")),
		docs.Row(d, "appgw.listener", "Listener", "https-listener (443)"),
	)
	var routes [][]string
	for _, f := range e.FlowsOfKind("ingress") {
		routes = append(routes, []string{f.Route, f.To, strconv.Itoa(f.Port)})
	}
	d.Table([]string{d.T("경로", "Path"), d.T("백엔드 서비스", "Backend service"), d.T("포트", "Port")}, routes)
	s.Next(d.T("WAF 구성", "WAF"))
	d.Code("yaml", fmt.Sprintf("waf_configuration:\n  policy: OWASP CRS 3.2\n  mode: %s\n  custom_rules:\n    - name: RateLimitPerIP\n      rate_limit: %d requests/minute/IP\n      action: Block\n  managed_rules:\n    - OWASP 3.2\n", c.WAFMode, c.RateLimit))
}

// SecurityLayers implements docs.Layered: the gateway layer.
func (c *Component) SecurityLayers(d *md.Doc, _ *plan.Env) []docs.Layer {
	return []docs.Layer{{N: 2, Name: d.T("게이트웨이", "Gateway"), Technology: fmt.Sprintf("Application Gateway WAF_v2 (%s, %d req/min/IP)", c.WAFMode, c.RateLimit), Applies: d.T("외부 → 내부 트래픽", "external → internal traffic")}}
}

// Failover implements docs.FailingOver.
func (*Component) Failover(d *md.Doc, _ *plan.Env) [][]string {
	return [][]string{{"Application Gateway", d.T("영역 중복 인스턴스", "zone-redundant instances")}}
}

// Summary implements docs.Summarised: the controller's name, and what the
// WAF protects, where it is on.
func (c *Component) Summary(_ *md.Doc, _ *plan.Env, key string) (string, bool) {
	if key == docs.SummaryIngress {
		return "Application Gateway Ingress Controller", true
	}
	if !c.WAF {
		return "", false
	}
	switch key {
	case docs.SummarySecurity:
		return "WAF, Private Endpoint, Key Vault", true
	case docs.SummaryNetworkSecurity:
		return fmt.Sprintf("WAF (%d req/min/IP)", c.RateLimit), true
	case docs.SummaryWebSecurity:
		return "WAF " + c.WAFMode, true
	}
	return "", false
}
