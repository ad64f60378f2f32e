package apimanagement

import (
	"fmt"
	"sort"
	"strings"

	"github.com/zclconf/go-cty/cty"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/terraform"
)

// methods are the HTTP methods each API's wildcard operations take: an
// API answers only the operations it declares, and the routed services
// define their own paths below the route.
var methods = []string{"GET", "POST", "PUT", "PATCH", "DELETE"}

// placed reports whether the plan placed the service's subnets.
func (x *Component) placed() bool { return x.Subnet.CIDR != "" && x.Backends.CIDR != "" }

// SkuName is the service's sku_name, tier and units.
func (x *Component) SkuName() string { return fmt.Sprintf("%s_%d", x.Tier, x.Units) }

// NetworkType is the service's virtual_network_type: Internal for VNet
// injection, External for Standard v2's VNet integration.
func (x *Component) NetworkType() string {
	if x.Internal {
		return "Internal"
	}
	return "External"
}

// Variables implements terraform.Terraformed.
func (x *Component) Variables(m terraform.Module) {
	if !x.placed() {
		return
	}
	m.Variable("api_management_name", "string", "API Management service (globally unique: <name>.azure-api.net).", x.Service)
	m.Variable("api_management_publisher_email", "string", "API Management publisher address (Azure's notifications).", x.PublisherEmail)
}

// Terraform implements terraform.Terraformed: the service in its subnet
// (internal mode or VNet integration), and per routed service an API with
// wildcard operations, a backend at its internal load balancer and a
// policy that sends the API's calls there. The cluster's identity may
// create load balancer frontends in the backends subnet.
func (x *Component) Terraform(m terraform.Module) {
	if !x.placed() {
		return
	}
	if x.PublicIP != "" {
		ip := m.Resource("azurerm_public_ip", "api_management")
		ip.Set("name", x.PublicIP)
		ip.Expr("location", "azurerm_resource_group.main.location")
		ip.Expr("resource_group_name", "azurerm_resource_group.main.name")
		ip.Set("allocation_method", "Static")
		ip.Set("sku", "Standard")
		ip.Set("zones", terraform.Zones(x.Zones))
		// API Management takes only an address with a DNS label.
		ip.Expr("domain_name_label", "var.api_management_name")
		m.Tags(ip)
	}
	s := m.Placed("azurerm_api_management", "main", "api_management_name")
	s.Set("publisher_name", x.PublisherName)
	s.Expr("publisher_email", "var.api_management_publisher_email")
	s.Set("sku_name", x.SkuName())
	if len(x.Zones) > 1 {
		s.Set("zones", terraform.Zones(x.Zones))
	}
	s.Set("virtual_network_type", x.NetworkType())
	s.Child("virtual_network_configuration").Expr("subnet_id", terraform.SubnetID(subnetRole))
	if x.PublicIP != "" {
		s.Expr("public_ip_address_id", "azurerm_public_ip.api_management.id")
	}
	s.Set("min_api_version", "2021-08-01")
	// API Management refuses a subnet whose NSG lacks its rules: the
	// association comes first.
	s.Expr("depends_on", "[azurerm_subnet_network_security_group_association."+subnetRole+"]")
	m.Tags(s)

	ops := map[string]cty.Value{}
	apis := make([]string, 0, len(x.APIs))
	for _, a := range x.APIs {
		id := m.Ident("azurerm_api_management_api", a.Service)
		apis = append(apis, "azurerm_api_management_api."+id)
		be := m.Resource("azurerm_api_management_backend", id)
		be.Set("name", a.Service)
		be.Expr("resource_group_name", "azurerm_resource_group.main.name")
		be.Expr("api_management_name", "azurerm_api_management.main.name")
		be.Set("protocol", "http")
		be.Set("url", a.BackendURL())
		api := m.Resource("azurerm_api_management_api", id)
		api.Set("name", a.Service)
		api.Expr("resource_group_name", "azurerm_resource_group.main.name")
		api.Expr("api_management_name", "azurerm_api_management.main.name")
		api.Set("revision", "1")
		api.Set("display_name", a.Title.En+" ("+a.Service+")")
		api.Set("path", a.Path)
		api.Set("protocols", []string{"https"})
		api.Set("subscription_required", false)
		pol := m.Resource("azurerm_api_management_api_policy", id)
		pol.Expr("api_name", "azurerm_api_management_api."+id+".name")
		pol.Expr("api_management_name", "azurerm_api_management.main.name")
		pol.Expr("resource_group_name", "azurerm_resource_group.main.name")
		var inbound strings.Builder
		for _, in := range plan.Facets[Inbound](m.Env()) {
			inbound.WriteString(in.InboundPolicy(a.Service))
		}
		pol.Set("xml_content", fmt.Sprintf(`<policies><inbound><base />%s<set-backend-service backend-id="%s" /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>`, inbound.String(), a.Service))
		pol.Expr("depends_on", "[azurerm_api_management_backend."+id+"]")
		for _, meth := range methods {
			ops[fmt.Sprintf("%s-%s", a.Service, meth)] = cty.ObjectVal(map[string]cty.Value{
				"api": cty.StringVal(a.Service), "method": cty.StringVal(meth)})
		}
	}
	if len(ops) == 0 {
		return
	}
	sort.Strings(apis)
	m.Locals().Set("api_management_operations", cty.ObjectVal(ops))
	op := m.Resource("azurerm_api_management_api_operation", "wildcard")
	op.Expr("for_each", "local.api_management_operations")
	op.Expr("operation_id", "lower(each.key)")
	op.Expr("api_name", "each.value.api")
	op.Expr("api_management_name", "azurerm_api_management.main.name")
	op.Expr("resource_group_name", "azurerm_resource_group.main.name")
	op.Expr("display_name", `"${each.value.method} /*"`)
	op.Expr("method", "each.value.method")
	op.Set("url_template", "/*")
	op.Expr("depends_on", "["+strings.Join(apis, ", ")+"]")

	ra := m.Resource("azurerm_role_assignment", "aks_api_backends")
	ra.Expr("scope", terraform.SubnetID(backendsRole))
	ra.Set("role_definition_name", "Network Contributor")
	ra.Expr("principal_id", "azurerm_kubernetes_cluster.main.identity[0].principal_id")
}

// Outputs implements terraform.Terraformed.
func (x *Component) Outputs(m terraform.Module) {
	if !x.placed() {
		return
	}
	m.Output("api_management_gateway_url", "azurerm_api_management.main.gateway_url", "API Management gateway.")
	if x.Internal {
		m.Output("api_management_private_ip", "azurerm_api_management.main.private_ip_addresses", "API Management's private addresses (internal mode).")
	}
}
