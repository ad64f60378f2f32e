package identityprovider

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/component/apimanagement"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
)

// Overview implements docs.Overviewed: development signs in at the same
// provider.
func (x *Component) Overview(d *md.Doc, _ *plan.Env) []string {
	return []string{fmt.Sprintf(d.T("사용자 인증: %s (발급자 %s)", "User sign-in: %s (issuer %s)"), x.Title(), x.Issuer)}
}

// SecurityLayers implements docs.Layered: who the users are.
func (x *Component) SecurityLayers(d *md.Doc, _ *plan.Env) []docs.Layer {
	return []docs.Layer{{N: 2, Name: d.T("사용자 인증", "User authentication"), Technology: x.Title() + d.T(", OIDC 베어러 토큰", ", OIDC bearer token"),
		Applies: fmt.Sprintf(d.T("인증이 필요한 경로 %d개", "%d routes that require a sign-in"), len(x.Authenticated))}}
}

// Routing implements docs.Routed: the provider, the routes that require a
// sign-in, where tokens are validated, and the steps azurerm cannot take.
func (x *Component) Routing(d *md.Doc, e *plan.Env, s *docs.Sections) {
	s.Next(d.T("사용자 인증", "User authentication"))
	cfg := claim.K8s("ConfigMap", "*", "data.AUTH_ISSUER").Is(x.Issuer)
	provider := []claim.Locator{cfg}
	if x.Provider == ExternalID {
		provider = append(provider, claim.Manually(x.tenantCommand(e)))
	}
	rows := [][2]string{
		docs.Row(d, "identity.provider", d.T("공급자", "Provider"), x.providerText(d), provider...),
		docs.Row(d, "identity.issuer", d.T("발급자", "Issuer"), x.Issuer, cfg),
		docs.Row(d, "identity.audience", d.T("대상 (aud)", "Audience (aud)"), x.Audience, claim.K8s("ConfigMap", "*", "data.AUTH_AUDIENCE").Is(x.Audience)),
	}
	if len(x.Authenticated) > 0 {
		rows = append(rows, docs.Row(d, "identity.routes", d.T("인증 필요 경로", "Routes that require a sign-in"), strings.Join(x.routes(e, x.Authenticated), ", "),
			claim.K8s("ConfigMap", "*", "data.AUTH_OPENID_CONFIG").Is(x.OpenIDConfig)))
	}
	if apim, ok := plan.Find[*apimanagement.Component](e); ok && len(apim.APIs) > 0 && len(x.Authenticated) > 0 {
		var at []claim.Locator
		for _, a := range apim.APIs {
			if x.Requires(a.Service) {
				at = append(at, claim.TF(apimanagement.PolicyResource(a.Service), "xml_content").Has(x.OpenIDConfig))
			}
		}
		rows = append(rows, docs.Row(d, "identity.validation", d.T("토큰 검증", "Token validation"),
			d.T("API Management validate-jwt (서명, 발급자, 대상, 만료; 실패 시 401) 후 서비스에서 다시 검증", "API Management validate-jwt (signature, issuer, audience, lifetime; 401 on failure), then again in the service"), at...))
	} else if len(x.Authenticated) > 0 {
		rows = append(rows, docs.Row(d, "identity.validation", d.T("토큰 검증", "Token validation"),
			d.T("각 서비스에서 검증 (AUTH_OPENID_CONFIG의 서명 키, 발급자, 대상, 만료): 게이트웨이는 토큰을 검사하지 않음", "in each service (signing keys of AUTH_OPENID_CONFIG, issuer, audience, lifetime): the gateway does not check tokens"),
			claim.K8s("ConfigMap", "*", "data.AUTH_OPENID_CONFIG").Is(x.OpenIDConfig)))
	}
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"), rows...)
	if len(x.Anonymous) > 0 {
		d.P(fmt.Sprintf(d.T("로그인 없이 열린 경로: %s.", "Routes open without a sign-in: %s."), strings.Join(x.routes(e, x.Anonymous), ", ")))
	}
	x.cost(d)
	if x.Provider == ExternalID {
		d.P(d.T("외부 테넌트와 앱 등록은 azurerm이 만들 수 없어 수동 단계로 만듭니다 (한 번, 구독의 소유자가):",
			"azurerm cannot create the external tenant or its app registration: they are manual steps (once, by an owner of the subscription):"))
		d.Code("sh", x.tenantCommand(e)+"\n"+x.appCommand()+"\n")
	} else {
		d.P(fmt.Sprintf(d.T("공급자는 외부 시스템입니다 (Azure 비용 없음): 공급자 운영자에게 대상 %s의 API와 클라이언트 등록을 요청합니다.",
			"The provider is an external system (no Azure cost): ask its operator to register the API (audience %s) and its clients."), x.Audience))
	}
}

// providerText names the provider and, for Entra External ID, its tenant.
func (x *Component) providerText(d *md.Doc) string {
	if x.Provider == ExternalID {
		return fmt.Sprintf(d.T("Microsoft Entra External ID, 외부 테넌트 %s.onmicrosoft.com", "Microsoft Entra External ID, external tenant %s.onmicrosoft.com"), x.Tenant)
	}
	return fmt.Sprintf(d.T("외부 OpenID Connect 공급자 (%s)", "external OpenID Connect provider (%s)"), x.Issuer)
}

// cost says what the month's sign-ins cost, from the cost table's row.
func (x *Component) cost(d *md.Doc) {
	if x.Provider != ExternalID {
		return
	}
	mau := thousands(x.MAU)
	how := d.T("명시값", "stated")
	if !x.MAUStated {
		how = d.T("환경의 최대 동시 사용자 수로 가정한 하한값", "assumed: the environment's peak concurrent users, a lower bound")
	}
	if over := x.OverFree(); over > 0 {
		d.P(fmt.Sprintf(d.T("월간 활성 사용자 %s명 (%s): 무료 50,000명을 넘는 %s명이 과금됩니다 (비용 표의 Entra External ID 행).",
			"%s monthly active users (%s): the %s beyond the free 50,000 are billed (the cost table's Entra External ID row)."), mau, how, thousands(over)))
		return
	}
	d.P(fmt.Sprintf(d.T("월간 활성 사용자 %s명 (%s): 무료 50,000명 이내입니다 (비용 표의 Entra External ID 행).",
		"%s monthly active users (%s): within the free 50,000 (the cost table's Entra External ID row)."), mau, how))
}

// routes lists services' routes as the availability table names them.
func (x *Component) routes(_ *plan.Env, services []string) []string {
	var out []string
	for _, s := range services {
		out = append(out, plan.RoutePattern(x.route[s])+" ("+s+")")
	}
	return out
}

// thousands prints a count with thousands separators.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// ciamLocation is where an external tenant's data lives, by the Azure
// region's geography (the ciamDirectories resource's locations).
func ciamLocation(region string) string {
	switch {
	case strings.HasPrefix(region, "korea"), strings.HasPrefix(region, "japan"), strings.HasPrefix(region, "southeastasia"), strings.HasPrefix(region, "eastasia"):
		return "Asia Pacific"
	case strings.HasPrefix(region, "australia"):
		return "Australia"
	case strings.Contains(region, "europe"), strings.HasPrefix(region, "uk"), strings.HasPrefix(region, "france"), strings.HasPrefix(region, "germany"), strings.HasPrefix(region, "sweden"), strings.HasPrefix(region, "norway"), strings.HasPrefix(region, "switzerland"):
		return "Europe"
	}
	return "United States"
}

// tenantCommand creates the external tenant (Microsoft.AzureActiveDirectory/
// ciamDirectories, which neither azurerm nor the azuread provider
// creates) in the environment's resource group.
func (x *Component) tenantCommand(_ *plan.Env) string {
	return fmt.Sprintf(`az rest --method put --url "https://management.azure.com/subscriptions/$(az account show --query id -o tsv)/resourceGroups/$(terraform output -raw resource_group_name)/providers/Microsoft.AzureActiveDirectory/ciamDirectories/%s.onmicrosoft.com?api-version=2022-03-01-preview" --body '{"location": "%s", "sku": {"name": "Standard", "tier": "A0"}, "properties": {"createTenantProperties": {"displayName": "%s", "countryCode": "%s"}}}'`,
		x.Tenant, ciamLocation(x.Region), x.Tenant, countryCode(x.Region))
}

// appCommand registers the API in the external tenant, with the audience
// the tokens carry.
func (x *Component) appCommand() string {
	return fmt.Sprintf(`az login --tenant %s.onmicrosoft.com --allow-no-subscriptions && az ad app create --display-name %s --identifier-uris %s --sign-in-audience AzureADMyOrg`, x.Tenant, x.App, x.Audience)
}

// countryCode is the external tenant's country, by the region.
func countryCode(region string) string {
	switch {
	case strings.HasPrefix(region, "korea"):
		return "KR"
	case strings.HasPrefix(region, "japan"):
		return "JP"
	}
	return "US"
}
