package appgateway

import (
	"github.com/physarch/physarch/internal/component/keyvault"
	"github.com/physarch/physarch/internal/render/terraform"
)

// Names of the gateway's sub-resources; AGIC replaces the listener, pool
// and rules with the Ingress routes, so Terraform ignores later changes.
const (
	gwFrontendPublic  = "public"
	gwFrontendPrivate = "private"
	gwPort            = "http"
	gwPortTLS         = "https"
	gwCertificate     = "public-host"
	gwPool            = "default"
	gwSettings        = "default"
	gwListener        = "default"
	gwRule            = "default"
)

// placed reports whether the gateway has its subnet (the plan placed it).
func (c *gateway) placed() bool { return c.Subnet.CIDR != "" }

// Cluster implements terraform.ClusterAddon: the AGIC add-on manages the
// gateway.
func (c *Component) Cluster(b terraform.Block) {
	if c.placed() {
		b.Child("ingress_application_gateway").Expr("gateway_id", "azurerm_application_gateway.main.id")
	}
}

// Variables implements terraform.Terraformed: with end-to-end TLS the
// public host name (the ingress domain where the spec states one, else
// the user's), and the certificate for it, which only the user has.
func (c *gateway) Variables(m terraform.Module) {
	if !c.placed() {
		return
	}
	m.Variable("gateway_name", "string", "Application Gateway.", c.Gateway)
	m.Variable("waf_policy_name", "string", "WAF policy.", c.WAFPolicy)
	if be, ok := backend(m.Env()); ok && c.fronting {
		m.Variable(BackendVariable, "string", "Private address of "+be.Service+" in "+be.Namespace+" (AKS assigns it when the add-on creates the Service; empty on the first apply, then: "+be.AddressCommand()+").", "")
	}
	if !c.TLS {
		return
	}
	var host any
	if c.Domain != "" {
		host = c.Domain
	}
	m.Variable(HostVariable, "string", "Public host name (for example shop.example.com): Front Door's custom domain, the host header Front Door sends the gateway, and the subject of the gateway's certificate.", host)
	m.Variable("gateway_certificate_pfx_path", "string", "PKCS#12 (.pfx) file with the certificate for public_host_name, from a public CA (Front Door checks the gateway's certificate), and its private key.", nil)
	m.SecretVariable("gateway_certificate_password", "Password of the .pfx file (TF_VAR_gateway_certificate_password); never committed.")
	m.Variable("gateway_certificate_name", "string", "Key Vault certificate the gateway serves.", c.Certificate)
	m.Variable("gateway_identity_name", "string", "User-assigned identity the gateway reads its certificate as.", c.Identity)
}

// Terraform implements terraform.Terraformed: the Application Gateway
// WAF_v2 with its public IP and a WAF policy (the OWASP managed rule set,
// and either the Front Door check or a per-client rate limit), with end-
// to-end TLS its HTTPS listener, certificate and TLS policy, and AGIC's
// rights on it.
func (c *gateway) Terraform(m terraform.Module) {
	if !c.placed() {
		return
	}
	e := m.Env()
	ip := m.Resource("azurerm_public_ip", "gateway")
	ip.Set("name", c.PublicIP)
	ip.Expr("location", "azurerm_resource_group.main.location")
	ip.Expr("resource_group_name", "azurerm_resource_group.main.name")
	ip.Set("allocation_method", "Static")
	ip.Set("sku", "Standard")
	if len(e.Zones) > 1 {
		ip.Set("zones", terraform.Zones(e.Zones))
	}
	m.Tags(ip)

	waf := m.Placed("azurerm_web_application_firewall_policy", "main", "waf_policy_name")
	ps := waf.Child("policy_settings")
	ps.Set("enabled", c.WAF)
	mode := c.WAFMode
	if mode == "" {
		mode = "Prevention"
	}
	ps.Set("mode", mode)
	ps.Set("request_body_check", true)
	mr := waf.Child("managed_rules").Child("managed_rule_set")
	mr.Set("type", "OWASP")
	mr.Set("version", "3.2")
	// Behind Front Door the gateway sees Front Door's addresses, not the
	// clients': it admits only its own profile's requests (by the
	// X-Azure-FDID header Front Door sets and a client cannot forge
	// through it), and Front Door limits each client's rate. Keying the
	// limit here on X-Forwarded-For instead would trust a header the
	// client writes the first address of.
	fd, behind := front(e)
	if behind {
		cr := waf.Child("custom_rules")
		cr.Set("name", "OnlyThisFrontDoor")
		cr.Set("priority", 1)
		cr.Set("rule_type", "MatchRule")
		cr.Set("action", "Block")
		mc := cr.Child("match_conditions")
		mv := mc.Child("match_variables")
		mv.Set("variable_name", "RequestHeaders")
		mv.Set("selector", "X-Azure-FDID")
		mc.Set("operator", "Equal")
		mc.Set("negation_condition", true)
		mc.Expr("match_values", "["+fd.FrontID()+"]")
	}
	if c.RateLimit > 0 && !behind {
		cr := waf.Child("custom_rules")
		cr.Set("name", "RateLimitPerClientIP")
		cr.Set("priority", 10)
		cr.Set("rule_type", "RateLimitRule")
		cr.Set("action", "Block")
		cr.Set("rate_limit_duration", "OneMin")
		cr.Set("rate_limit_threshold", c.RateLimit)
		cr.Set("group_rate_limit_by", "ClientAddr")
		mc := cr.Child("match_conditions")
		mc.Child("match_variables").Set("variable_name", "RemoteAddr")
		// Every client address: 0.0.0.0/0 matched and not negated.
		mc.Set("operator", "IPMatch")
		mc.Set("negation_condition", false)
		mc.Set("match_values", []string{"0.0.0.0/0"})
	}
	m.Tags(waf)

	gw := m.Placed("azurerm_application_gateway", "main", "gateway_name")
	sku := gw.Child("sku")
	sku.Set("name", "WAF_v2")
	sku.Set("tier", "WAF_v2")
	as := gw.Child("autoscale_configuration")
	as.Set("min_capacity", c.MinCapacity)
	as.Set("max_capacity", c.MaxCapacity)
	if len(e.Zones) > 1 {
		gw.Set("zones", terraform.Zones(e.Zones))
	}
	gw.Expr("firewall_policy_id", "azurerm_web_application_firewall_policy.main.id")
	if c.TLS {
		id := gw.Child("identity")
		id.Set("type", "UserAssigned")
		id.Expr("identity_ids", "[azurerm_user_assigned_identity.gateway.id]")
		sp := gw.Child("ssl_policy")
		sp.Set("policy_type", "Predefined")
		sp.Set("policy_name", SSLPolicy)
		cert := gw.Child("ssl_certificate")
		cert.Set("name", gwCertificate)
		// Versionless, so the gateway picks up a renewed certificate.
		cert.Expr("key_vault_secret_id", "azurerm_key_vault_certificate.gateway.versionless_secret_id")
	}
	ipc := gw.Child("gateway_ip_configuration")
	ipc.Set("name", "gateway")
	ipc.Expr("subnet_id", terraform.SubnetID(subnetRole))
	fp := gw.Child("frontend_port")
	fp.Set("name", gwPort)
	fp.Set("port", 80)
	if c.TLS {
		fp = gw.Child("frontend_port")
		fp.Set("name", gwPortTLS)
		fp.Set("port", 443)
	}
	pub := gw.Child("frontend_ip_configuration")
	pub.Set("name", gwFrontendPublic)
	pub.Expr("public_ip_address_id", "azurerm_public_ip.gateway.id")
	if c.PrivateIP != "" {
		priv := gw.Child("frontend_ip_configuration")
		priv.Set("name", gwFrontendPrivate)
		priv.Expr("subnet_id", terraform.SubnetID(subnetRole))
		priv.Set("private_ip_address_allocation", "Static")
		priv.Set("private_ip_address", c.PrivateIP)
	}
	pool := gw.Child("backend_address_pool")
	pool.Set("name", gwPool)
	bs := gw.Child("backend_http_settings")
	bs.Set("name", gwSettings)
	bs.Set("cookie_based_affinity", "Disabled")
	bs.Set("port", 80)
	bs.Set("protocol", "Http")
	bs.Set("request_timeout", 30)
	if be, ok := backend(e); ok && c.fronting {
		c.toController(gw, pool, bs, be, behind)
	}
	l := gw.Child("http_listener")
	l.Set("name", gwListener)
	l.Set("frontend_ip_configuration_name", gwFrontendPublic)
	if c.TLS {
		l.Set("frontend_port_name", gwPortTLS)
		l.Set("protocol", "Https")
		l.Set("ssl_certificate_name", gwCertificate)
	} else {
		l.Set("frontend_port_name", gwPort)
		l.Set("protocol", "Http")
	}
	r := gw.Child("request_routing_rule")
	r.Set("name", gwRule)
	r.Set("rule_type", "Basic")
	r.Set("priority", 100)
	r.Set("http_listener_name", gwListener)
	r.Set("backend_address_pool_name", gwPool)
	r.Set("backend_http_settings_name", gwSettings)
	if c.TLS {
		// The gateway reads the certificate when it is created.
		gw.Expr("depends_on", "[azurerm_role_assignment.gateway_certificate]")
	}
	if !c.fronting {
		lc := gw.Child("lifecycle")
		lc.Expr("ignore_changes", "[backend_address_pool, backend_http_settings, http_listener, probe, request_routing_rule, frontend_port, redirect_configuration, url_path_map, ssl_certificate, tags]")
	}
	m.Tags(gw)
	if c.TLS {
		c.certificate(m)
	}
	if c.fronting {
		return
	}

	// AGIC (the cluster add-on) manages the gateway: it needs Contributor
	// on it and Network Contributor on its subnet.
	agic := "azurerm_kubernetes_cluster.main.ingress_application_gateway[0].ingress_application_gateway_identity[0].object_id"
	for _, ra := range []struct{ name, scope, role string }{
		{"agic_gateway", "azurerm_application_gateway.main.id", "Contributor"},
		{"agic_subnet", terraform.SubnetID(subnetRole), "Network Contributor"},
		{"agic_resource_group", "azurerm_resource_group.main.id", "Reader"},
	} {
		b := m.Resource("azurerm_role_assignment", ra.name)
		b.Expr("scope", ra.scope)
		b.Set("role_definition_name", ra.role)
		b.Expr("principal_id", agic)
	}
	// A gateway with a user-assigned identity (the certificate reader)
	// can only be updated by a principal that may assign that identity:
	// without Managed Identity Operator on it every AGIC update fails
	// with LinkedAuthorizationFailed and no route is ever programmed.
	if c.TLS {
		b := m.Resource("azurerm_role_assignment", "agic_gateway_identity")
		b.Expr("scope", "azurerm_user_assigned_identity.gateway.id")
		b.Set("role_definition_name", "Managed Identity Operator")
		b.Expr("principal_id", agic)
	}
}

// certificate makes the gateway's identity and imports the user's
// certificate into Key Vault for it to read (keyvault.Certificate).
func (c *gateway) certificate(m terraform.Module) {
	id := m.Resource("azurerm_user_assigned_identity", "gateway")
	id.Expr("name", "var.gateway_identity_name")
	id.Expr("location", "azurerm_resource_group.main.location")
	id.Expr("resource_group_name", "azurerm_resource_group.main.name")
	m.Tags(id)
	keyvault.Certificate{Officer: "certificate_officer", Resource: "gateway", Reader: "gateway_certificate", Var: "gateway_certificate",
		Principal: "azurerm_user_assigned_identity.gateway.principal_id"}.Terraform(m)
}

// Outputs implements terraform.Terraformed.
func (c *gateway) Outputs(m terraform.Module) {
	if c.placed() {
		m.Output("gateway_public_ip", "azurerm_public_ip.gateway.ip_address", "Application Gateway public address.")
		m.Output("waf_policy_id", "azurerm_web_application_firewall_policy.main.id", "WAF policy.")
	}
}
