package keyvault

import "github.com/physarch/physarch/internal/render/terraform"

// Certificate is a user's .pfx imported into the vault for one reader (a
// gateway's or a controller's identity): its Terraform names and the
// prefix of its variables (var.<Var>_name, _pfx_path and _password).
type Certificate struct {
	Officer, Resource, Reader string
	Var                       string
	// Principal is the reader's principal ID, an expression.
	Principal string
}

// Terraform imports the certificate and lets the reader read exactly its
// secret (Key Vault Secrets User scoped to <vault id>/secrets/<name>,
// which exists once the certificate does). Importing is a data-plane
// write, so whoever runs Terraform is granted Key Vault Certificates
// Officer on the vault first.
func (c Certificate) Terraform(m terraform.Module) {
	op := m.Resource("azurerm_role_assignment", c.Officer)
	op.Expr("scope", "azurerm_key_vault.main.id")
	op.Set("role_definition_name", "Key Vault Certificates Officer")
	op.Expr("principal_id", "data.azurerm_client_config.current.object_id")
	cert := m.Resource("azurerm_key_vault_certificate", c.Resource)
	cert.Expr("name", "var."+c.Var+"_name")
	cert.Expr("key_vault_id", "azurerm_key_vault.main.id")
	ct := cert.Child("certificate")
	ct.Expr("contents", "filebase64(var."+c.Var+"_pfx_path)")
	ct.Expr("password", "var."+c.Var+"_password")
	cert.Expr("depends_on", "[azurerm_role_assignment."+c.Officer+"]")
	ra := m.Resource("azurerm_role_assignment", c.Reader)
	ra.Expr("scope", `"${azurerm_key_vault.main.id}/secrets/${azurerm_key_vault_certificate.`+c.Resource+`.name}"`)
	ra.Set("role_definition_name", "Key Vault Secrets User")
	ra.Expr("principal_id", c.Principal)
}
