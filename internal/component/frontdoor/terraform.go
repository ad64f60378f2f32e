package frontdoor

import (
	"fmt"

	"github.com/physarch/physarch/internal/render/terraform"
)

// Variables implements terraform.Terraformed; the public host name is the
// origin's variable (it names the origin's certificate too).
func (c *Component) Variables(m terraform.Module) {
	if c.Origin != "" {
		m.Variable("front_door_name", "string", "Front Door profile.", c.Profile)
		m.Variable("front_door_waf_policy_name", "string", "Front Door WAF policy (letters and digits).", c.WAFPolicy)
	}
}

// Terraform implements terraform.Terraformed: Front Door in front of its
// origin's public address, with its WAF policy. With TLS to the origin it
// serves the public host name as a custom domain (a Front Door managed
// certificate), forwards HTTPS only with the host name as the host header,
// and checks the origin's certificate against it; without, it forwards
// HTTP, which the gateway's NSG admits only from the AzureFrontDoor.Backend
// service tag.
func (c *Component) Terraform(m terraform.Module) {
	if c.Origin == "" {
		return
	}
	p := m.Resource("azurerm_cdn_frontdoor_profile", "main")
	p.Expr("name", "var.front_door_name")
	p.Expr("resource_group_name", "azurerm_resource_group.main.name")
	p.Set("sku_name", c.Tier+"_AzureFrontDoor")
	p.Set("response_timeout_seconds", 60)
	m.Tags(p)
	ep := m.Resource("azurerm_cdn_frontdoor_endpoint", "main")
	ep.Set("name", c.Endpoint)
	ep.Expr("cdn_frontdoor_profile_id", "azurerm_cdn_frontdoor_profile.main.id")
	m.Tags(ep)
	host := "var." + OriginHost
	if c.TLS {
		cd := m.Resource("azurerm_cdn_frontdoor_custom_domain", "main")
		cd.Set("name", "public-host")
		cd.Expr("cdn_frontdoor_profile_id", "azurerm_cdn_frontdoor_profile.main.id")
		cd.Expr("host_name", host)
		tls := cd.Child("tls")
		tls.Set("certificate_type", "ManagedCertificate")
		tls.Set("minimum_version", "TLS12")
	}
	og := m.Resource("azurerm_cdn_frontdoor_origin_group", "gateway")
	og.Set("name", "gateway")
	og.Expr("cdn_frontdoor_profile_id", "azurerm_cdn_frontdoor_profile.main.id")
	lb := og.Child("load_balancing")
	lb.Set("sample_size", 4)
	lb.Set("successful_samples_required", 3)
	// GET on a path a service serves: HEAD / reaches no route.
	hp := og.Child("health_probe")
	hp.Set("protocol", map[bool]string{true: "Https", false: "Http"}[c.TLS])
	hp.Set("interval_in_seconds", 100)
	hp.Set("request_type", "GET")
	hp.Set("path", c.ProbePath)
	o := m.Resource("azurerm_cdn_frontdoor_origin", "gateway")
	o.Set("name", "gateway")
	o.Expr("cdn_frontdoor_origin_group_id", "azurerm_cdn_frontdoor_origin_group.gateway.id")
	o.Set("enabled", true)
	o.Expr("host_name", c.Origin)
	if c.TLS {
		o.Expr("origin_host_header", host)
	} else {
		o.Expr("origin_host_header", c.Origin)
	}
	o.Set("http_port", 80)
	o.Set("https_port", 443)
	o.Set("certificate_name_check_enabled", c.TLS)
	o.Set("priority", 1)
	o.Set("weight", 1000)
	r := m.Resource("azurerm_cdn_frontdoor_route", "gateway")
	r.Set("name", "all")
	r.Expr("cdn_frontdoor_endpoint_id", "azurerm_cdn_frontdoor_endpoint.main.id")
	r.Expr("cdn_frontdoor_origin_group_id", "azurerm_cdn_frontdoor_origin_group.gateway.id")
	r.Expr("cdn_frontdoor_origin_ids", "[azurerm_cdn_frontdoor_origin.gateway.id]")
	if c.TLS {
		r.Expr("cdn_frontdoor_custom_domain_ids", "[azurerm_cdn_frontdoor_custom_domain.main.id]")
	}
	r.Set("supported_protocols", []string{"Http", "Https"})
	r.Set("patterns_to_match", []string{"/*"})
	r.Set("forwarding_protocol", map[bool]string{true: "HttpsOnly", false: "HttpOnly"}[c.TLS])
	r.Set("https_redirect_enabled", true)
	r.Set("link_to_default_domain", true)
	if c.Static != nil {
		c.staticTerraform(m)
	}
	c.firewall(m)
}

// firewall is Front Door's WAF policy, on every domain of the profile:
// Microsoft's default and bot rule sets where the tier has them
// (Premium), and the per-client rate limit, which only Front Door can key
// on the client's address.
func (c *Component) firewall(m terraform.Module) {
	w := m.Resource("azurerm_cdn_frontdoor_firewall_policy", "main")
	w.Expr("name", "var.front_door_waf_policy_name")
	w.Expr("resource_group_name", "azurerm_resource_group.main.name")
	w.Set("sku_name", c.Tier+"_AzureFrontDoor")
	w.Set("enabled", true)
	w.Set("mode", "Prevention")
	if c.RateLimit > 0 {
		cr := w.Child("custom_rule")
		cr.Set("name", "RateLimitPerClientIP")
		cr.Set("enabled", true)
		cr.Set("priority", 10)
		cr.Set("type", "RateLimitRule")
		cr.Set("action", "Block")
		cr.Set("rate_limit_duration_in_minutes", 1)
		cr.Set("rate_limit_threshold", c.RateLimit)
		// Every client address, each counted on its own (Front Door
		// groups a rate limit by the socket address).
		mc := cr.Child("match_condition")
		mc.Set("match_variable", "SocketAddr")
		mc.Set("operator", "IPMatch")
		mc.Set("negation_condition", false)
		mc.Set("match_values", []string{"0.0.0.0/0", "::/0"})
	}
	if c.ManagedRules() {
		for _, rs := range managedRuleSets {
			mr := w.Child("managed_rule")
			mr.Set("type", rs.Type)
			mr.Set("version", rs.Version)
			mr.Set("action", rs.Action)
		}
	}
	m.Tags(w)
	sp := m.Resource("azurerm_cdn_frontdoor_security_policy", "main")
	sp.Set("name", "waf")
	sp.Expr("cdn_frontdoor_profile_id", "azurerm_cdn_frontdoor_profile.main.id")
	fw := sp.Child("security_policies").Child("firewall")
	fw.Expr("cdn_frontdoor_firewall_policy_id", "azurerm_cdn_frontdoor_firewall_policy.main.id")
	as := fw.Child("association")
	as.Child("domain").Expr("cdn_frontdoor_domain_id", "azurerm_cdn_frontdoor_endpoint.main.id")
	if c.TLS {
		as.Child("domain").Expr("cdn_frontdoor_domain_id", "azurerm_cdn_frontdoor_custom_domain.main.id")
	}
	as.Set("patterns_to_match", []string{"/*"})
}

// managedRuleSets are the Premium tier's managed rule sets: Microsoft's
// default rule set (DRS 2.1, whose action is its anomaly score's Block)
// and the bot manager (Microsoft, "Web Application Firewall DRS rule
// groups and rules", learn.microsoft.com/azure/web-application-firewall/
// afds/waf-front-door-drs).
var managedRuleSets = []struct{ Type, Version, Action string }{
	{"Microsoft_DefaultRuleSet", "2.1", "Block"},
	{"Microsoft_BotManagerRuleSet", "1.1", "Block"},
}

// Outputs implements terraform.Terraformed: with a custom domain, the DNS
// records it needs (a TXT record for the managed certificate's validation
// and a CNAME to the endpoint), which live in the user's DNS zone.
func (c *Component) Outputs(m terraform.Module) {
	if c.Origin == "" {
		return
	}
	m.Output("front_door_endpoint", "azurerm_cdn_frontdoor_endpoint.main.host_name", "Public entry point.")
	if c.privateLink() {
		m.Output("static_origin_account_id", c.Static.Target, "Storage account of the static route, whose Private Link connection from Front Door you approve.")
	}
	if c.TLS {
		m.Output("front_door_custom_domain_validation_token", "azurerm_cdn_frontdoor_custom_domain.main.validation_token",
			fmt.Sprintf("TXT value of _dnsauth.<%s>, which validates the custom domain for its managed certificate.", OriginHost))
	}
}
