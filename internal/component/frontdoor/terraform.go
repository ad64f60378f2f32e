package frontdoor

import "github.com/physarch/physarch/internal/render/terraform"

// Variables implements terraform.Terraformed.
func (c *Component) Variables(m terraform.Module) {
	if c.Origin != "" {
		m.Variable("front_door_name", "string", "Front Door profile.", c.Profile)
	}
}

// Terraform implements terraform.Terraformed: Front Door in front of its
// origin's public address; it terminates TLS and forwards HTTP, which the
// gateway's NSG admits only from the AzureFrontDoor.Backend service tag.
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
	og := m.Resource("azurerm_cdn_frontdoor_origin_group", "gateway")
	og.Set("name", "gateway")
	og.Expr("cdn_frontdoor_profile_id", "azurerm_cdn_frontdoor_profile.main.id")
	lb := og.Child("load_balancing")
	lb.Set("sample_size", 4)
	lb.Set("successful_samples_required", 3)
	hp := og.Child("health_probe")
	hp.Set("protocol", "Http")
	hp.Set("interval_in_seconds", 100)
	hp.Set("request_type", "HEAD")
	hp.Set("path", "/")
	o := m.Resource("azurerm_cdn_frontdoor_origin", "gateway")
	o.Set("name", "gateway")
	o.Expr("cdn_frontdoor_origin_group_id", "azurerm_cdn_frontdoor_origin_group.gateway.id")
	o.Set("enabled", true)
	o.Expr("host_name", c.Origin)
	o.Expr("origin_host_header", c.Origin)
	o.Set("http_port", 80)
	o.Set("https_port", 443)
	o.Set("certificate_name_check_enabled", false)
	o.Set("priority", 1)
	o.Set("weight", 1000)
	r := m.Resource("azurerm_cdn_frontdoor_route", "gateway")
	r.Set("name", "all")
	r.Expr("cdn_frontdoor_endpoint_id", "azurerm_cdn_frontdoor_endpoint.main.id")
	r.Expr("cdn_frontdoor_origin_group_id", "azurerm_cdn_frontdoor_origin_group.gateway.id")
	r.Expr("cdn_frontdoor_origin_ids", "[azurerm_cdn_frontdoor_origin.gateway.id]")
	r.Set("supported_protocols", []string{"Http", "Https"})
	r.Set("patterns_to_match", []string{"/*"})
	r.Set("forwarding_protocol", "HttpOnly")
	r.Set("https_redirect_enabled", true)
	r.Set("link_to_default_domain", true)
}

// Outputs implements terraform.Terraformed.
func (c *Component) Outputs(m terraform.Module) {
	if c.Origin != "" {
		m.Output("front_door_endpoint", "azurerm_cdn_frontdoor_endpoint.main.host_name", "Public entry point.")
	}
}
