package approuting

import (
	"github.com/physarch/physarch/internal/component/appgateway"
	"github.com/physarch/physarch/internal/component/keyvault"
	"github.com/physarch/physarch/internal/render/terraform"
)

// The add-on's default NGINX controller: behind a public Standard load
// balancer AKS makes in the node resource group, or behind an internal
// one (an address of the node subnet) where the Application Gateway is
// in front.
const (
	DefaultController  = "External"
	InternalController = "Internal"
)

// controller is the default controller's kind.
func (x *Component) controller() string {
	if x.Internal {
		return InternalController
	}
	return DefaultController
}

// tfCertificate is the imported certificate's Terraform address.
const tfCertificate = "azurerm_key_vault_certificate.nginx"

// outputCertificate is the output the Ingress's Key Vault annotation is
// filled from.
const outputCertificate = "nginx_certificate_uri"

// addonIdentity is the add-on's managed identity, which reads the
// certificate from Key Vault.
const addonIdentity = "azurerm_kubernetes_cluster.main.web_app_routing[0].web_app_routing_identity[0].object_id"

// Cluster implements terraform.ClusterAddon: the application routing
// add-on with its default controller, and no DNS zones (DNS is the
// operator's: the document says which record to create).
func (x *Component) Cluster(b terraform.Block) {
	w := b.Child("web_app_routing")
	w.Set("dns_zone_ids", []string{})
	w.Set("default_nginx_controller", x.controller())
}

// Variables implements terraform.Terraformed: with TLS the public host
// name and the operator's certificate for it.
func (x *Component) Variables(m terraform.Module) {
	if !x.TLS {
		return
	}
	var host any
	if x.Domain != "" {
		host = x.Domain
	}
	m.Variable(appgateway.HostVariable, "string", "Public host name (for example shop.example.com): the subject of the certificate NGINX serves.", host)
	m.Variable("nginx_certificate_pfx_path", "string", "PKCS#12 (.pfx) file with the certificate for public_host_name, from a public CA, and its private key.", nil)
	m.SecretVariable("nginx_certificate_password", "Password of the .pfx file (TF_VAR_nginx_certificate_password); never committed.")
	m.Variable("nginx_certificate_name", "string", "Key Vault certificate NGINX serves.", x.Certificate)
}

// Terraform implements terraform.Terraformed: with TLS the operator's
// certificate imported into Key Vault (a data-plane write, so whoever
// runs Terraform is granted Key Vault Certificates Officer first), and
// the add-on's identity allowed to read exactly its secret.
func (x *Component) Terraform(m terraform.Module) {
	if !x.TLS {
		return
	}
	keyvault.Certificate{Officer: "nginx_certificate_officer", Resource: "nginx", Reader: "nginx_certificate", Var: "nginx_certificate",
		Principal: addonIdentity}.Terraform(m)
}

// Outputs implements terraform.Terraformed.
func (x *Component) Outputs(m terraform.Module) {
	if x.TLS {
		m.Output(outputCertificate, tfCertificate+".versionless_id", "Key Vault certificate NGINX serves (the Ingress's tls-cert-keyvault-uri annotation).")
	}
}
