package firewall

import (
	"fmt"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
)

// Routing implements docs.Routed: the cluster's way out (4.2.N), the
// firewall and the route as Terraform writes them, and the policy's
// rules.
// why is what the rule is for in the document's language (the English
// where a rule has no Korean form).
func (r Rule) why(d *md.Doc) string {
	if r.WhyKo == "" {
		return r.Why
	}
	return d.T(r.WhyKo, r.Why)
}

func (x *Component) Routing(d *md.Doc, _ *plan.Env, s *docs.Sections) {
	s.Next(d.T("Azure Firewall (egress)", "Azure Firewall (egress)"))
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"), x.rows(d)...)
	var rows [][]string
	for _, r := range x.Rules {
		dst := append(append(append([]string(nil), r.Addresses...), r.FQDNs...), r.FQDNTags...)
		ports := strings.Join(r.Ports, ",")
		if !r.Network() {
			ports = "-"
		}
		rows = append(rows, []string{r.Collection, r.Name, strings.Join(r.Protocols, ","), strings.Join(dst, ", "), ports, r.why(d)})
	}
	d.Table([]string{d.T("컬렉션", "Collection"), d.T("규칙", "Rule"), d.T("프로토콜", "Protocols"), d.T("대상", "Destination"), d.T("포트", "Ports"), d.T("용도", "Purpose")}, rows)
}

// rows are the firewall's settings, each one Terraform writes.
func (x *Component) rows(d *md.Doc) [][2]string {
	zones := "-"
	if len(x.Zones) > 1 {
		zones = docs.Zones(x.Zones)
	}
	route := d.T("없음 (클러스터는 자체 부하 분산 장치로 나감)", "none (the cluster leaves through its own load balancer)")
	outbound := "loadBalancer"
	if x.Routes {
		route = fmt.Sprintf("%s: 0.0.0.0/0 → VirtualAppliance %s (%s)", x.RouteTable, x.PrivateIP, x.Node.Name)
		outbound = x.OutboundType()
	}
	const tf = "azurerm_firewall.main"
	zonesAt := claim.TF(tf, "")
	if len(x.Zones) > 1 {
		zonesAt = claim.TF(tf, "zones").Is(docs.ZoneList(x.Zones))
	}
	routeAt := claim.TF("azurerm_kubernetes_cluster.main", "")
	if x.Routes {
		routeAt = claim.TF("azurerm_route_table.aks", "route.next_hop_in_ip_address")
	}
	return [][2]string{
		docs.Row(d, "firewall.name", "Firewall", x.Firewall, claim.TF(tf, "")),
		docs.Row(d, "firewall.sku", "SKU", "AZFW_VNet "+x.Tier, claim.TF(tf, "sku_name").Is("AZFW_VNet"), claim.TF(tf, "sku_tier").Is(x.Tier)),
		docs.Row(d, "firewall.zones", d.T("가용 영역", "Zones"), zones, zonesAt),
		docs.Row(d, "firewall.subnet", d.T("서브넷", "Subnet"), x.Subnet.Name+" "+x.Subnet.CIDR, claim.TF("azurerm_subnet."+x.Subnet.Role, "address_prefixes").Is(x.Subnet.CIDR)),
		docs.Row(d, "firewall.private-ip", "Private IP", x.PrivateIP, claim.TF(tf, "ip_configuration.subnet_id")),
		docs.Row(d, "firewall.public-ip", "Public IP", d.T("Standard 고정 IP", "Standard static IP"), claim.TF("azurerm_public_ip.firewall", "sku").Is("Standard")),
		docs.Row(d, "firewall.policy", d.T("정책", "Policy"), x.Policy+" ("+x.Tier+", DNS proxy)", claim.TF("azurerm_firewall_policy.main", "dns.proxy_enabled").Is("true")),
		docs.Row(d, "firewall.route-table", d.T("경로 테이블", "Route table"), route, routeAt),
		docs.Row(d, "firewall.outbound-type", d.T("AKS 아웃바운드 유형", "AKS outbound type"), outbound, claim.TF("azurerm_kubernetes_cluster.main", "network_profile.outbound_type").Is(outbound)),
		docs.Row(d, "firewall.data-processed", d.T("처리 데이터 (월)", "Data processed (month)"), fmt.Sprintf("%d GB", x.EgressGB), claim.TF(tf, "")),
	}
}

// Overview implements docs.Overviewed: development's component list.
func (x *Component) Overview(d *md.Doc, _ *plan.Env) []string {
	return []string{fmt.Sprintf(d.T("Azure Firewall %s (egress, 규칙 %d개)", "Azure Firewall %s (egress, %d rules)"), x.Tier, len(x.Rules))}
}

// SecurityLayers implements docs.Layered: egress control is part of the
// perimeter.
func (x *Component) SecurityLayers(d *md.Doc, _ *plan.Env) []docs.Layer {
	applies := d.T("클러스터 → 인터넷 (경로 없음: 적용 안 됨)", "cluster → internet (not routed: not applied)")
	if x.Routes {
		applies = d.T("클러스터 → 인터넷", "cluster → internet")
	}
	return []docs.Layer{{N: 1, Name: d.T("egress", "Egress"), Technology: fmt.Sprintf(d.T("Azure Firewall %s (FQDN, 네트워크 규칙)", "Azure Firewall %s (FQDN, network rules)"), x.Tier), Applies: applies}}
}

// Failover implements docs.FailingOver.
func (x *Component) Failover(d *md.Doc, _ *plan.Env) [][]string {
	if len(x.Zones) > 1 {
		return [][]string{{"Azure Firewall", fmt.Sprintf(d.T("%d개 영역에 걸친 인스턴스", "instances across %d zones"), len(x.Zones))}}
	}
	return [][]string{{"Azure Firewall", d.T("내장 고가용성 (단일 영역)", "built-in high availability (one zone)")}}
}
