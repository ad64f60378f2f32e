package agc

import (
	"fmt"

	"github.com/physarch/physarch/internal/component/appgateway"
	"github.com/physarch/physarch/internal/render/terraform"
)

// Terraform addresses of the block's resources.
const (
	tfLB          = "azurerm_application_load_balancer.main"
	tfFrontend    = "azurerm_application_load_balancer_frontend.main"
	tfAssociation = "azurerm_application_load_balancer_subnet_association.main"
	tfIdentity    = "azurerm_user_assigned_identity.alb_controller"
	tfCredential  = "azurerm_federated_identity_credential.alb_controller"
)

// Roles the ALB controller's identity holds, as Microsoft's quickstart
// grants them ("Quickstart: Create Application Gateway for Containers
// managed by ALB Controller", bring your own deployment): it configures
// the traffic controller, joins its frontend's proxies to the
// association subnet, and reads the cluster's node resource group.
var controllerRoles = []struct{ name, scope, role string }{
	{"alb_controller_configuration", tfLB + ".id", "AppGw for Containers Configuration Manager"},
	{"alb_controller_subnet", terraform.SubnetID(subnetRole), "Network Contributor"},
	{"alb_controller_node_resource_group", "azurerm_kubernetes_cluster.main.node_resource_group_id", "Reader"},
}

// Variables implements terraform.Terraformed: the resources' names, and
// with TLS the public host name Front Door's custom domain and the
// listener's certificate are for.
func (x *Component) Variables(m terraform.Module) {
	if !x.placed() {
		return
	}
	m.Variable("agc_name", "string", "Application Gateway for Containers.", x.LoadBalancer)
	m.Variable("agc_frontend_name", "string", "Application Gateway for Containers frontend (the Gateway object names it).", x.Frontend)
	m.Variable("agc_association_name", "string", "Application Gateway for Containers subnet association.", x.Association)
	m.Variable("alb_controller_identity_name", "string", "User-assigned identity the ALB controller runs as.", x.Identity)
	if !x.TLS {
		return
	}
	var host any
	if x.Domain != "" {
		host = x.Domain
	}
	m.Variable(appgateway.HostVariable, "string", "Public host name (for example shop.example.com): Front Door's custom domain, the host header Front Door sends Application Gateway for Containers, and the subject of the listener's certificate.", host)
}

// Terraform implements terraform.Terraformed: the traffic controller, its
// frontend and its association with the delegated subnet, and the ALB
// controller's identity, federated with the controller's ServiceAccount,
// with the roles it needs.
func (x *Component) Terraform(m terraform.Module) {
	if !x.placed() {
		return
	}
	lb := m.Placed("azurerm_application_load_balancer", "main", "agc_name")
	m.Tags(lb)
	fe := m.Resource("azurerm_application_load_balancer_frontend", "main")
	fe.Expr("name", "var.agc_frontend_name")
	fe.Expr("application_load_balancer_id", tfLB+".id")
	m.Tags(fe)
	as := m.Resource("azurerm_application_load_balancer_subnet_association", "main")
	as.Expr("name", "var.agc_association_name")
	as.Expr("application_load_balancer_id", tfLB+".id")
	as.Expr("subnet_id", terraform.SubnetID(subnetRole))
	m.Tags(as)

	id := m.Placed("azurerm_user_assigned_identity", "alb_controller", "alb_controller_identity_name")
	m.Tags(id)
	f := m.Resource("azurerm_federated_identity_credential", "alb_controller")
	f.Set("name", x.Credential)
	f.Expr("user_assigned_identity_id", tfIdentity+".id")
	f.Set("audience", []string{"api://AzureADTokenExchange"})
	f.Expr("issuer", "azurerm_kubernetes_cluster.main.oidc_issuer_url")
	f.Set("subject", Subject())
	for _, ra := range controllerRoles {
		b := m.Resource("azurerm_role_assignment", ra.name)
		b.Expr("scope", ra.scope)
		b.Set("role_definition_name", ra.role)
		b.Expr("principal_id", tfIdentity+".principal_id")
	}
}

// Subject is the ALB controller's ServiceAccount as its federated
// credential names it.
func Subject() string {
	return fmt.Sprintf("system:serviceaccount:%s:%s", ControllerNamespace, ControllerServiceAccount)
}

// Outputs implements terraform.Terraformed: what the Gateway object and
// the controller's installation read, and behind Front Door the
// profile's id the routes require in X-Azure-FDID.
func (x *Component) Outputs(m terraform.Module) {
	if !x.placed() {
		return
	}
	m.Output(outputID, tfLB+".id", "Application Gateway for Containers (the Gateway's alb-id annotation).")
	m.Output("agc_frontend_fqdn", tfFrontend+".fully_qualified_domain_name", "Host name of the frontend (Front Door's origin; a CNAME target without Front Door).")
	m.Output(outputClientID, tfIdentity+".client_id", "Client ID of the ALB controller's identity (the Helm install's albController.podIdentity.clientID).")
	if f, ok := front(m.Env()); ok {
		m.Output(outputFDID, f.FrontID(), "Front Door profile id, which Front Door sends in X-Azure-FDID and the HTTPRoutes require.")
	}
}

// Output names the overlay's placeholders and the install command read.
const (
	outputID       = "agc_id"
	outputClientID = "alb_controller_client_id"
	outputFDID     = "front_door_profile_id"
)
