package frontdoor

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
)

// Summary implements docs.Summarised: production's way in, and how
// traffic arrives.
func (c *Component) Summary(d *md.Doc, _ *plan.Env, key string) (string, bool) {
	switch key {
	case docs.SummaryFrontEnd:
		return fmt.Sprintf(d.T("프론트엔드: Azure Front Door %s → Application Gateway WAF_v2", "Front end: Azure Front Door %s → Application Gateway WAF_v2"), c.Tier), true
	case docs.SummaryTraffic:
		if c.Origin != "" && !c.TLS {
			return "HTTPS → Front Door → HTTP", true
		}
		return "Front Door → HTTPS", true
	}
	return "", false
}

// SecurityLayers implements docs.Layered: the perimeter.
func (c *Component) SecurityLayers(d *md.Doc, _ *plan.Env) []docs.Layer {
	tech := fmt.Sprintf("Azure Front Door %s", c.Tier)
	if c.Origin != "" {
		tech = fmt.Sprintf("Azure Front Door %s, WAF (%s)", c.Tier, c.wafSummary(d))
	}
	return []docs.Layer{{N: 1, Name: d.T("경계", "Perimeter"), Technology: tech, Applies: d.T("인터넷 → Azure", "internet → Azure")}}
}

// wafSummary is what Front Door's WAF runs, in a few words.
func (c *Component) wafSummary(d *md.Doc) string {
	var parts []string
	if c.ManagedRules() {
		for _, rs := range managedRuleSets {
			parts = append(parts, rs.Type+" "+rs.Version)
		}
	} else {
		parts = append(parts, d.T("사용자 지정 규칙만", "custom rules only"))
	}
	if c.RateLimit > 0 {
		parts = append(parts, fmt.Sprintf("%d req/min/IP", c.RateLimit))
	}
	return strings.Join(parts, ", ")
}

// Routing implements docs.Routed: Front Door (4.2.3) as the Terraform
// writes it, and the DNS records only the user can create.
func (c *Component) Routing(d *md.Doc, _ *plan.Env, s *docs.Sections) {
	if c.Origin == "" {
		return
	}
	s.Next("Front Door")
	managed := d.T("없음: 관리 규칙 세트는 Premium 전용 (Standard는 사용자 지정 규칙만)", "none: managed rule sets need Premium (Standard runs custom rules only)")
	if c.ManagedRules() {
		var sets []string
		for _, rs := range managedRuleSets {
			sets = append(sets, rs.Type+" "+rs.Version)
		}
		managed = strings.Join(sets, ", ")
	}
	limit := d.T("없음", "none")
	if c.RateLimit > 0 {
		limit = fmt.Sprintf(d.T("RateLimitPerClientIP: 클라이언트 주소당 분당 %d 요청, 초과 시 Block", "RateLimitPerClientIP: %d requests a minute per client address, then Block"), c.RateLimit)
	}
	const (
		tfProfile = "azurerm_cdn_frontdoor_profile.main"
		tfWAF     = "azurerm_cdn_frontdoor_firewall_policy.main"
		tfDomain  = "azurerm_cdn_frontdoor_custom_domain.main"
		tfOrigin  = "azurerm_cdn_frontdoor_origin.gateway"
		tfRoute   = "azurerm_cdn_frontdoor_route.gateway"
		tfGroup   = "azurerm_cdn_frontdoor_origin_group.gateway"
	)
	managedAt := claim.TF(tfWAF, "managed_rule")
	if !c.ManagedRules() {
		managedAt = claim.TF(tfWAF, "sku_name").Is("Standard_AzureFrontDoor")
	}
	limitAt := claim.TF(tfWAF, "")
	if c.RateLimit > 0 {
		limitAt = claim.TF(tfWAF, "custom_rule.rate_limit_threshold").Is(strconv.Itoa(c.RateLimit))
	}
	rows := [][2]string{
		docs.Row(d, "frontdoor.tier", d.T("계층", "Tier"), c.Tier, claim.TF(tfProfile, "sku_name").Has(c.Tier)),
		docs.Row(d, "frontdoor.waf-policy", d.T("WAF 정책", "WAF policy"), c.WAFPolicy+d.T(" (Prevention, 보안 정책으로 모든 도메인에 연결)", " (Prevention, attached to every domain by a security policy)"),
			claim.TF(tfWAF, "mode").Is("Prevention"), claim.TF("azurerm_cdn_frontdoor_security_policy.main", "")),
		docs.Row(d, "frontdoor.managed-rules", d.T("관리 규칙", "Managed rules"), managed, managedAt),
		docs.Row(d, "frontdoor.rate-limit", d.T("속도 제한", "Rate limit"), limit, limitAt),
	}
	probe := fmt.Sprintf(d.T("GET %s, HTTP, %s 간격", "GET %s, HTTP, every %s"), c.ProbePath, msg.Seconds(d, 100))
	if c.TLS {
		probe = fmt.Sprintf(d.T("GET %s, HTTPS, %s 간격", "GET %s, HTTPS, every %s"), c.ProbePath, msg.Seconds(d, 100))
		rows = append(rows,
			docs.Row(d, "frontdoor.custom-domain", d.T("사용자 지정 도메인", "Custom domain"), fmt.Sprintf(d.T("var.%s, Front Door 관리 인증서, TLS 1.2 이상", "var.%s, Front Door managed certificate, TLS 1.2 minimum"), OriginHost),
				claim.TF(tfDomain, "tls.certificate_type").Is("ManagedCertificate"), claim.TF(tfDomain, "tls.minimum_version").Is("TLS12")),
			docs.Row(d, "frontdoor.forwarding", d.T("원본 전달", "Forwarding"), fmt.Sprintf(d.T("HTTPS만 (HttpsOnly), 호스트 헤더 var.%s, 인증서 이름 검사", "HTTPS only (HttpsOnly), host header var.%s, certificate name checked"), OriginHost),
				claim.TF(tfRoute, "forwarding_protocol").Is("HttpsOnly"), claim.TF(tfOrigin, "origin_host_header"), claim.TF(tfOrigin, "certificate_name_check_enabled").Is("true")))
	} else {
		rows = append(rows, docs.Row(d, "frontdoor.forwarding", d.T("원본 전달", "Forwarding"), d.T("HTTP만 (HttpOnly): 게이트웨이까지 TLS 없음", "HTTP only (HttpOnly): no TLS to the gateway"),
			claim.TF(tfRoute, "forwarding_protocol").Is("HttpOnly")))
	}
	rows = append(rows, docs.Row(d, "frontdoor.probe", d.T("상태 프로브", "Health probe"), probe, claim.TF(tfGroup, "health_probe.path").Is(c.ProbePath)))
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"), rows...)
	if c.TLS {
		d.P(d.T("사용자 지정 도메인의 DNS 레코드는 사용자의 DNS 영역에 만듭니다 (수동 단계, Azure DNS의 경우):",
			"The custom domain's DNS records go into your DNS zone (a manual step; with Azure DNS):"))
		d.Code("sh", "# "+d.T("<zone>: public_host_name의 DNS 영역, <label>: 영역 안의 이름", "<zone>: the DNS zone of public_host_name, <label>: its name in the zone")+"\n"+
			"az network dns record-set txt add-record --resource-group <dns-resource-group> --zone-name <zone> --record-set-name _dnsauth.<label> --value \"$(terraform output -raw front_door_custom_domain_validation_token)\"\n"+
			"az network dns record-set cname set-record --resource-group <dns-resource-group> --zone-name <zone> --record-set-name <label> --cname \"$(terraform output -raw front_door_endpoint)\"\n")
	}
	if c.Static != nil {
		c.staticDocs(d, s)
	}
}
