package terraform

func (m *module) gatewayOn() bool {
	_, ok := m.e.Network.Subnet("gateway")
	return ok && m.e.Settings.Ingress.Controller == "agic"
}

func (m *module) frontDoorOn() bool {
	fd := m.e.Settings.Ingress.FrontDoor
	return fd != "" && fd != "none" && m.gatewayOn()
}

// Names of the gateway's sub-resources; AGIC replaces the listener, pool
// and rules with the Ingress routes, so Terraform ignores later changes.
const (
	gwFrontendPublic  = "public"
	gwFrontendPrivate = "private"
	gwPort            = "http"
	gwPool            = "default"
	gwSettings        = "default"
	gwListener        = "default"
	gwRule            = "default"
)

// gateway writes the Application Gateway WAF_v2 with its public IP and a
// WAF policy: the OWASP managed rule set and a per-client rate limit.
func (m *module) gateway() {
	if !m.gatewayOn() {
		return
	}
	e, in := m.e, m.e.Settings.Ingress
	ip := m.resource("azurerm_public_ip", "gateway")
	ip.set("name", e.Names.GatewayIP)
	ip.expr("location", "azurerm_resource_group.main.location")
	ip.expr("resource_group_name", "azurerm_resource_group.main.name")
	ip.set("allocation_method", "Static")
	ip.set("sku", "Standard")
	if len(e.Zones) > 1 {
		ip.set("zones", zones(e.Zones))
	}
	m.tags(ip)

	waf := m.placed("azurerm_web_application_firewall_policy", "main", "waf_policy_name")
	ps := waf.child("policy_settings")
	ps.set("enabled", in.WAF)
	mode := in.WAFMode
	if mode == "" {
		mode = "Prevention"
	}
	ps.set("mode", mode)
	ps.set("request_body_check", true)
	mr := waf.child("managed_rules").child("managed_rule_set")
	mr.set("type", "OWASP")
	mr.set("version", "3.2")
	if in.RateLimitPerMinute > 0 {
		cr := waf.child("custom_rules")
		cr.set("name", "RateLimitPerClientIP")
		cr.set("priority", 10)
		cr.set("rule_type", "RateLimitRule")
		cr.set("action", "Block")
		cr.set("rate_limit_duration", "OneMin")
		cr.set("rate_limit_threshold", in.RateLimitPerMinute)
		cr.set("group_rate_limit_by", "ClientAddr")
		mc := cr.child("match_conditions")
		mc.child("match_variables").set("variable_name", "RemoteAddr")
		// Every client address: 0.0.0.0/0 matched and not negated.
		mc.set("operator", "IPMatch")
		mc.set("negation_condition", false)
		mc.set("match_values", []string{"0.0.0.0/0"})
	}
	m.tags(waf)

	gw := m.placed("azurerm_application_gateway", "main", "gateway_name")
	sku := gw.child("sku")
	sku.set("name", "WAF_v2")
	sku.set("tier", "WAF_v2")
	as := gw.child("autoscale_configuration")
	as.set("min_capacity", in.GatewayMinCapacity)
	as.set("max_capacity", in.GatewayMaxCapacity)
	if len(e.Zones) > 1 {
		gw.set("zones", zones(e.Zones))
	}
	gw.expr("firewall_policy_id", "azurerm_web_application_firewall_policy.main.id")
	ipc := gw.child("gateway_ip_configuration")
	ipc.set("name", "gateway")
	ipc.expr("subnet_id", "azurerm_subnet.gateway.id")
	fp := gw.child("frontend_port")
	fp.set("name", gwPort)
	fp.set("port", 80)
	pub := gw.child("frontend_ip_configuration")
	pub.set("name", gwFrontendPublic)
	pub.expr("public_ip_address_id", "azurerm_public_ip.gateway.id")
	if e.Network.GatewayIP != "" {
		priv := gw.child("frontend_ip_configuration")
		priv.set("name", gwFrontendPrivate)
		priv.expr("subnet_id", "azurerm_subnet.gateway.id")
		priv.set("private_ip_address_allocation", "Static")
		priv.set("private_ip_address", e.Network.GatewayIP)
	}
	gw.child("backend_address_pool").set("name", gwPool)
	bs := gw.child("backend_http_settings")
	bs.set("name", gwSettings)
	bs.set("cookie_based_affinity", "Disabled")
	bs.set("port", 80)
	bs.set("protocol", "Http")
	bs.set("request_timeout", 30)
	l := gw.child("http_listener")
	l.set("name", gwListener)
	l.set("frontend_ip_configuration_name", gwFrontendPublic)
	l.set("frontend_port_name", gwPort)
	l.set("protocol", "Http")
	r := gw.child("request_routing_rule")
	r.set("name", gwRule)
	r.set("rule_type", "Basic")
	r.set("priority", 100)
	r.set("http_listener_name", gwListener)
	r.set("backend_address_pool_name", gwPool)
	r.set("backend_http_settings_name", gwSettings)
	lc := gw.child("lifecycle")
	lc.expr("ignore_changes", "[backend_address_pool, backend_http_settings, http_listener, probe, request_routing_rule, frontend_port, redirect_configuration, url_path_map, ssl_certificate, tags]")
	m.tags(gw)

	// AGIC (the cluster add-on) manages the gateway: it needs Contributor
	// on it and Network Contributor on its subnet.
	agic := "azurerm_kubernetes_cluster.main.ingress_application_gateway[0].ingress_application_gateway_identity[0].object_id"
	for _, ra := range []struct{ name, scope, role string }{
		{"agic_gateway", "azurerm_application_gateway.main.id", "Contributor"},
		{"agic_subnet", "azurerm_subnet.gateway.id", "Network Contributor"},
		{"agic_resource_group", "azurerm_resource_group.main.id", "Reader"},
	} {
		b := m.resource("azurerm_role_assignment", ra.name)
		b.expr("scope", ra.scope)
		b.set("role_definition_name", ra.role)
		b.expr("principal_id", agic)
	}
}

// frontDoor writes Front Door in front of the gateway's public IP; it
// terminates TLS and forwards HTTP, which the gateway's NSG admits only
// from the AzureFrontDoor.Backend service tag.
func (m *module) frontDoor() {
	if !m.frontDoorOn() {
		return
	}
	tier := m.e.Settings.Ingress.FrontDoor
	p := m.resource("azurerm_cdn_frontdoor_profile", "main")
	p.expr("name", "var.front_door_name")
	p.expr("resource_group_name", "azurerm_resource_group.main.name")
	p.set("sku_name", tier+"_AzureFrontDoor")
	p.set("response_timeout_seconds", 60)
	m.tags(p)
	ep := m.resource("azurerm_cdn_frontdoor_endpoint", "main")
	ep.set("name", m.e.Names.FrontDoorEndpoint)
	ep.expr("cdn_frontdoor_profile_id", "azurerm_cdn_frontdoor_profile.main.id")
	m.tags(ep)
	og := m.resource("azurerm_cdn_frontdoor_origin_group", "gateway")
	og.set("name", "gateway")
	og.expr("cdn_frontdoor_profile_id", "azurerm_cdn_frontdoor_profile.main.id")
	lb := og.child("load_balancing")
	lb.set("sample_size", 4)
	lb.set("successful_samples_required", 3)
	hp := og.child("health_probe")
	hp.set("protocol", "Http")
	hp.set("interval_in_seconds", 100)
	hp.set("request_type", "HEAD")
	hp.set("path", "/")
	o := m.resource("azurerm_cdn_frontdoor_origin", "gateway")
	o.set("name", "gateway")
	o.expr("cdn_frontdoor_origin_group_id", "azurerm_cdn_frontdoor_origin_group.gateway.id")
	o.set("enabled", true)
	o.expr("host_name", "azurerm_public_ip.gateway.ip_address")
	o.expr("origin_host_header", "azurerm_public_ip.gateway.ip_address")
	o.set("http_port", 80)
	o.set("https_port", 443)
	o.set("certificate_name_check_enabled", false)
	o.set("priority", 1)
	o.set("weight", 1000)
	r := m.resource("azurerm_cdn_frontdoor_route", "gateway")
	r.set("name", "all")
	r.expr("cdn_frontdoor_endpoint_id", "azurerm_cdn_frontdoor_endpoint.main.id")
	r.expr("cdn_frontdoor_origin_group_id", "azurerm_cdn_frontdoor_origin_group.gateway.id")
	r.expr("cdn_frontdoor_origin_ids", "[azurerm_cdn_frontdoor_origin.gateway.id]")
	r.set("supported_protocols", []string{"Http", "Https"})
	r.set("patterns_to_match", []string{"/*"})
	r.set("forwarding_protocol", "HttpOnly")
	r.set("https_redirect_enabled", true)
	r.set("link_to_default_domain", true)
}
