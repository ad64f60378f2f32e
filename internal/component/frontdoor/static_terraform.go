package frontdoor

import "github.com/physarch/physarch/internal/render/terraform"

// staticTerraform writes the static route: an origin group and origin on
// the account's blob endpoint (a private link origin on Premium, which
// the account approves: a manual step the documents print), and a route
// for the prefix that caches at the edge. Front Door prefers the most
// specific pattern, so the prefix is served here and the rest goes on to
// the gateway.
func (c *Component) staticTerraform(m terraform.Module) {
	s := c.Static
	og := m.Resource("azurerm_cdn_frontdoor_origin_group", "static")
	og.Set("name", "static")
	og.Expr("cdn_frontdoor_profile_id", "azurerm_cdn_frontdoor_profile.main.id")
	lb := og.Child("load_balancing")
	lb.Set("sample_size", 4)
	lb.Set("successful_samples_required", 3)
	// No health probe: one origin has no alternative to fail over to,
	// and a probe would only add requests to the account.
	o := m.Resource("azurerm_cdn_frontdoor_origin", "static")
	o.Set("name", "blob")
	o.Expr("cdn_frontdoor_origin_group_id", "azurerm_cdn_frontdoor_origin_group.static.id")
	o.Set("enabled", true)
	o.Expr("host_name", s.Host)
	o.Expr("origin_host_header", s.Host)
	o.Set("https_port", 443)
	o.Set("http_port", 80)
	o.Set("certificate_name_check_enabled", true)
	o.Set("priority", 1)
	o.Set("weight", 1000)
	if c.privateLink() {
		pl := o.Child("private_link")
		pl.Set("request_message", "Front Door static route")
		pl.Set("target_type", "blob")
		pl.Expr("location", "azurerm_resource_group.main.location")
		pl.Expr("private_link_target_id", s.Target)
	}
	r := m.Resource("azurerm_cdn_frontdoor_route", "static")
	r.Set("name", "static")
	r.Expr("cdn_frontdoor_endpoint_id", "azurerm_cdn_frontdoor_endpoint.main.id")
	r.Expr("cdn_frontdoor_origin_group_id", "azurerm_cdn_frontdoor_origin_group.static.id")
	r.Expr("cdn_frontdoor_origin_ids", "[azurerm_cdn_frontdoor_origin.static.id]")
	if c.TLS {
		r.Expr("cdn_frontdoor_custom_domain_ids", "[azurerm_cdn_frontdoor_custom_domain.main.id]")
	}
	r.Set("cdn_frontdoor_origin_path", s.OriginPath())
	r.Set("supported_protocols", []string{"Http", "Https"})
	r.Set("patterns_to_match", []string{s.Pattern()})
	r.Set("forwarding_protocol", "HttpsOnly")
	r.Set("https_redirect_enabled", true)
	r.Set("link_to_default_domain", true)
	if s.Cached() {
		ca := r.Child("cache")
		ca.Set("query_string_caching_behavior", s.Caching)
		ca.Set("compression_enabled", s.Compression)
		if s.Compression {
			ca.Set("content_types_to_compress", compressTypes)
		}
	}
}
