package apimanagement

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
)

// Routing implements docs.Routed: the service as Terraform writes it
// (4.2.N) and its APIs with their backends.
func (x *Component) Routing(d *md.Doc, e *plan.Env, s *docs.Sections) {
	s.Next(d.T("API Management 구성", "API Management"))
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"), x.rows(d)...)
	var rows [][]string
	for _, a := range x.APIs {
		rows = append(rows, []string{a.Service, "/" + a.Path, a.BackendURL(), e.NamespaceOf(a.Service) + "/" + a.LoadBalancer})
	}
	d.Table([]string{"API", d.T("경로", "Path"), d.T("백엔드 URL", "Backend URL"), d.T("내부 부하 분산 장치", "Internal load balancer")}, rows)
}

// rows are the service's settings, each one Terraform writes.
func (x *Component) rows(d *md.Doc) [][2]string {
	zones := "-"
	if len(x.Zones) > 1 {
		zones = docs.Zones(x.Zones)
	}
	const tf = "azurerm_api_management.main"
	zonesAt := claim.TF(tf, "")
	if len(x.Zones) > 1 {
		zonesAt = claim.TF(tf, "zones").Is(docs.ZoneList(x.Zones))
	}
	return [][2]string{
		docs.Row(d, "apim.service", d.T("서비스", "Service"), x.Service, claim.TF(tf, "name").Is(x.Service)),
		docs.Row(d, "apim.sku", "SKU", x.SkuName(), claim.TF(tf, "sku_name").Has(strings.SplitN(x.SkuName(), "_", 2)[0])),
		docs.Row(d, "apim.units", d.T("단위", "Units"), strconv.Itoa(x.Units), claim.TF(tf, "sku_name").Has(x.SkuName())),
		docs.Row(d, "apim.zones", d.T("가용 영역", "Zones"), zones, zonesAt),
		docs.Row(d, "apim.vnet-type", d.T("VNet 유형", "VNet type"), x.NetworkType(), claim.TF(tf, "")),
		docs.Row(d, "apim.subnet", d.T("서브넷", "Subnet"), x.Subnet.Name+" "+x.Subnet.CIDR, claim.TF("azurerm_subnet."+x.Subnet.Role, "address_prefixes").Is(x.Subnet.CIDR)),
		docs.Row(d, "apim.backends-subnet", d.T("백엔드 서브넷", "Backends subnet"), x.Backends.Name+" "+x.Backends.CIDR, claim.TF("azurerm_subnet."+x.Backends.Role, "address_prefixes").Is(x.Backends.CIDR)),
		docs.Row(d, "apim.publisher-email", d.T("게시자 이메일", "Publisher email"), x.PublisherEmail, claim.TF(tf, "publisher_email")),
		docs.Row(d, "apim.public-ip", "Public IP", x.publicIPRow(d), claim.TF(tf, "")),
	}
}

// Overview implements docs.Overviewed: development's component list.
func (x *Component) Overview(d *md.Doc, _ *plan.Env) []string {
	return []string{fmt.Sprintf(d.T("API Management %s (%d개 API, %s)", "API Management %s (%d APIs, %s)"), x.SkuName(), len(x.APIs), x.NetworkType())}
}

// SecurityLayers implements docs.Layered: the API gateway sits with the
// regional gateway in layer 2.
func (x *Component) SecurityLayers(d *md.Doc, _ *plan.Env) []docs.Layer {
	return []docs.Layer{{N: 2, Name: d.T("API 게이트웨이", "API gateway"), Technology: fmt.Sprintf("API Management %s (%s)", x.SkuName(), x.NetworkType()),
		Applies: d.T("API 호출 → 서비스", "API calls → services")}}
}

// Failover implements docs.FailingOver.
func (x *Component) Failover(d *md.Doc, _ *plan.Env) [][]string {
	if len(x.Zones) > 1 {
		return [][]string{{"API Management", fmt.Sprintf(d.T("%d개 영역에 단위 분산", "units spread over %d zones"), len(x.Zones))}}
	}
	return [][]string{{"API Management", d.T("영역 중복 없음 (단일 배치)", "no zone redundancy (one placement)")}}
}

// Scaling implements docs.Scaled: units are set, not autoscaled.
func (x *Component) Scaling(d *md.Doc, _ *plan.Env) [][]string {
	return [][]string{{"API Management", d.T("단위 수 (수동)", "units (manual)"), fmt.Sprintf(d.T("%d 단위 (최대 %d)", "%d units (at most %d)"), x.Units, maxUnits[x.Tier])}}
}

// publicIPRow says which public address the service has.
func (x *Component) publicIPRow(d *md.Doc) string {
	switch {
	case x.PublicIP != "":
		return x.PublicIP + d.T(" (관리용, 영역 중복)", " (management, zone-redundant)")
	case x.Internal:
		return d.T("Azure 관리 (관리 트래픽 전용)", "Azure-managed (management traffic only)")
	}
	return d.T("공용 게이트웨이", "public gateway")
}
