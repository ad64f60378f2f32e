package blobstorage

import (
	"slices"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/terraform"
)

// containerAccess is azurerm's container_access_type of a container's
// public access.
var containerAccess = map[string]string{"none": "private", "blob": "blob", "container": "container"}

// Variables implements terraform.Terraformed: the account's name (globally
// unique, so the user may have to change it).
func (c *Component) Variables(m terraform.Module) {
	if c.Managed() {
		m.Variable("blob_storage_account_name", "string", "Blob Storage account (globally unique, 3-24 lowercase letters and digits).", c.Account)
	}
}

// Terraform implements terraform.Terraformed: the StorageV2 account (TLS
// 1.2, no shared keys: every client signs in with Entra ID; private where
// the plan uses private endpoints; soft delete and versioning), one
// container per declared container, the lifecycle as a management policy,
// and each using service's identity granted its data role on exactly its
// containers, each assignment scoped to the container.
func (c *Component) Terraform(m terraform.Module) {
	if !c.Managed() {
		return
	}
	sa := m.Placed("azurerm_storage_account", "blob", "blob_storage_account_name")
	sa.Set("account_kind", c.AccountKind)
	sa.Set("account_tier", "Standard")
	// azurerm spells the read-access kinds without the hyphen (RAGRS,
	// RAGZRS), as the ARM API's SKU names (Standard_RAGRS) do.
	sa.Set("account_replication_type", strings.ReplaceAll(c.Redundancy, "-", ""))
	sa.Set("access_tier", c.AccessTier)
	sa.Set("min_tls_version", "TLS1_2")
	sa.Set("https_traffic_only_enabled", true)
	sa.Set("allow_nested_items_to_be_public", c.anyPublic())
	sa.Set("shared_access_key_enabled", false)
	sa.Set("default_to_oauth_authentication", true)
	if c.endpoint {
		sa.Set("public_network_access_enabled", false)
	}
	bp := sa.Child("blob_properties")
	bp.Set("versioning_enabled", c.Versioning)
	if c.SoftDeleteDays > 0 {
		bp.Child("delete_retention_policy").Set("days", c.SoftDeleteDays)
		bp.Child("container_delete_retention_policy").Set("days", c.SoftDeleteDays)
	}
	m.Tags(sa)
	ids := map[string]string{}
	for _, ct := range c.Containers {
		id := m.Ident("azurerm_storage_container", ct.Name)
		ids[ct.Name] = id
		r := m.Resource("azurerm_storage_container", id)
		r.Set("name", ct.Name)
		r.Expr("storage_account_id", "azurerm_storage_account.blob.id")
		r.Set("container_access_type", containerAccess[ct.PublicAccess])
	}
	if c.Lifecycled() {
		c.managementPolicy(m)
	}
	for _, u := range c.Users {
		if m.Env().Identity(u.Service) == nil {
			continue
		}
		for _, ct := range u.Containers {
			ra := m.Resource("azurerm_role_assignment", m.Ident("azurerm_role_assignment", "blob_"+u.Service+"_"+ct))
			ra.Expr("scope", "azurerm_storage_container."+ids[ct]+".id")
			ra.Set("role_definition_name", u.Role)
			ra.Expr("principal_id", `azurerm_user_assigned_identity.workload["`+u.Service+`"].principal_id`)
		}
	}
}

// managementPolicy writes the lifecycle: block blobs move to Cool and to
// Archive, and are deleted, by days since their last change; with
// versioning the previous versions are deleted after the same days, or a
// deleted blob would live on as a version.
func (c *Component) managementPolicy(m terraform.Module) {
	l := c.Lifecycle
	p := m.Resource("azurerm_storage_management_policy", "blob")
	p.Expr("storage_account_id", "azurerm_storage_account.blob.id")
	r := p.Child("rule")
	r.Set("name", "lifecycle")
	r.Set("enabled", true)
	r.Child("filters").Set("blob_types", []string{"blockBlob"})
	a := r.Child("actions")
	base := a.Child("base_blob")
	if l.CoolAfterDays > 0 {
		base.Set("tier_to_cool_after_days_since_modification_greater_than", l.CoolAfterDays)
	}
	if l.ArchiveAfterDays > 0 {
		base.Set("tier_to_archive_after_days_since_modification_greater_than", l.ArchiveAfterDays)
	}
	if l.DeleteAfterDays > 0 {
		base.Set("delete_after_days_since_modification_greater_than", l.DeleteAfterDays)
		if c.Versioning {
			a.Child("version").Set("delete_after_days_since_creation", l.DeleteAfterDays)
		}
	}
}

// anyPublic reports whether a container allows anonymous reads, which the
// account must then allow.
func (c *Component) anyPublic() bool {
	return slices.ContainsFunc(c.Containers, func(ct Container) bool { return ct.PublicAccess != "none" })
}

// Outputs implements terraform.Terraformed.
func (c *Component) Outputs(m terraform.Module) {
	if c.Managed() {
		m.Output("blob_storage_account_name", "azurerm_storage_account.blob.name", "Blob Storage account.")
		m.Output("blob_storage_endpoint", "azurerm_storage_account.blob.primary_blob_endpoint", "Blob endpoint (AZURE_STORAGE_BLOB_ENDPOINT).")
	}
}

// PrivateLinkTarget implements terraform.Linked.
func (c *Component) PrivateLinkTarget(plan.PrivateEndpoint) string {
	return "azurerm_storage_account.blob.id"
}
