package azuresql

import (
	"strconv"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/terraform"
)

// adminLogin is the logical server's administrator login by default (the
// service refuses admin, administrator, sa, root and the like).
const adminLogin = "sqladmin"

// Variables implements terraform.Terraformed: the server's name (globally
// unique, so the user may have to change it) and its administrator.
func (c *Component) Variables(m terraform.Module) {
	if !c.Managed() {
		return
	}
	m.Variable("azuresql_server_name", "string", "Azure SQL logical server (globally unique).", c.Server)
	m.Variable("azuresql_admin_login", "string", "Azure SQL administrator login.", adminLogin)
	m.SecretVariable("azuresql_admin_password", "Azure SQL administrator password; supply it (TF_VAR_azuresql_admin_password), never commit it.")
}

// Terraform implements terraform.Terraformed: the logical server (TLS 1.2,
// Proxy connection policy so that 1433 is the only port, public network
// access off where a private endpoint reaches it, else open to Azure
// services only) and one database per owning service with the planned
// size, zone redundancy, backup redundancy and retention.
func (c *Component) Terraform(m terraform.Module) {
	if !c.Managed() {
		return
	}
	s := m.Placed("azurerm_mssql_server", "main", "azuresql_server_name")
	s.Set("version", "12.0")
	s.Expr("administrator_login", "var.azuresql_admin_login")
	s.Expr("administrator_login_password", "var.azuresql_admin_password")
	s.Set("minimum_tls_version", "1.2")
	s.Set("connection_policy", "Proxy")
	s.Set("public_network_access_enabled", !c.endpoint)
	m.Tags(s)
	if !c.endpoint {
		// Without a private endpoint the pods reach the public endpoint
		// from the cluster's outbound addresses, which Terraform does not
		// know here: the 0.0.0.0 rule admits Azure services only (NW003
		// flags it in production).
		f := m.Resource("azurerm_mssql_firewall_rule", "azure_services")
		f.Set("name", "AllowAzureServices")
		f.Expr("server_id", "azurerm_mssql_server.main.id")
		f.Set("start_ip_address", "0.0.0.0")
		f.Set("end_ip_address", "0.0.0.0")
	}
	for _, db := range c.Databases {
		d := m.Resource("azurerm_mssql_database", m.Ident("azurerm_mssql_database", db.Name))
		d.Set("name", db.Name)
		d.Expr("server_id", "azurerm_mssql_server.main.id")
		d.Set("sku_name", c.SKU)
		d.Set("max_size_gb", db.MaxSizeGB)
		d.Set("collation", c.Collation)
		d.Set("zone_redundant", c.ZoneRedundant)
		d.Set("storage_account_type", c.BackupRedundancy)
		if c.Serverless() {
			// A number literal; the module writer takes whole numbers only.
			d.Expr("min_capacity", strconv.FormatFloat(c.MinVCores, 'f', -1, 64))
			d.Set("auto_pause_delay_in_minutes", c.AutoPause)
		} else {
			d.Set("license_type", "LicenseIncluded")
		}
		r := d.Child("short_term_retention_policy")
		r.Set("retention_days", c.RetentionDays)
		r.Set("backup_interval_in_hours", diffHours)
		m.Tags(d)
	}
}

// Outputs implements terraform.Terraformed.
func (c *Component) Outputs(m terraform.Module) {
	if c.Managed() {
		m.Output("azuresql_fqdn", "azurerm_mssql_server.main.fully_qualified_domain_name", "Azure SQL host (port 1433).")
	}
}

// PrivateLinkTarget implements terraform.Linked.
func (c *Component) PrivateLinkTarget(plan.PrivateEndpoint) string {
	return "azurerm_mssql_server.main.id"
}

// diffHours is the interval of the differential backups: 12 hours, the
// shorter of the two the service offers (12 or 24), for a shorter
// restore from the last differential.
const diffHours = 12
