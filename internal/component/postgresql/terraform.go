package postgresql

import (
	"fmt"
	"strconv"

	"github.com/physarch/physarch/internal/render/terraform"
)

// haMode maps the plan's HA setting to the provider's.
var haMode = map[string]string{"zoneredundant": "ZoneRedundant", "samezone": "SameZone"}

// Variables implements terraform.Terraformed: the server's name (globally
// unique, so the user may have to change it) and its administrator's
// password. The login is the plan's (AdminLogin), not a variable: the
// init Job signs in with it.
func (c *Component) Variables(m terraform.Module) {
	if !c.Flexible() {
		return
	}
	m.Variable("postgresql_server_name", "string", "PostgreSQL Flexible Server (globally unique).", c.Server)
	m.SecretVariable("postgresql_admin_password", "PostgreSQL administrator password; supply it (TF_VAR_postgresql_admin_password), never commit it.")
}

// Terraform implements terraform.Terraformed: the Flexible Server with
// private access (the delegated subnet and a private DNS zone), its read
// replicas, and one database per owning service.
func (c *Component) Terraform(m terraform.Module) {
	if !c.Flexible() {
		return
	}
	e := m.Env()
	m.PrivateDNSZone("postgres", "privatelink.postgres.database.azure.com")
	server := func(name, nameExpr string) terraform.Block {
		b := m.Resource("azurerm_postgresql_flexible_server", name)
		b.Expr("name", nameExpr)
		b.Expr("location", "azurerm_resource_group.main.location")
		b.Expr("resource_group_name", "azurerm_resource_group.main.name")
		b.Set("version", c.Version)
		b.Set("sku_name", c.SKU)
		b.Set("storage_mb", c.StorageGB*1024)
		return b
	}
	b := server("main", "var.postgresql_server_name")
	b.Set("backup_retention_days", c.BackupDays)
	b.Set("geo_redundant_backup_enabled", c.GeoBackup)
	b.Expr("delegated_subnet_id", terraform.SubnetID(subnetRole))
	b.Expr("private_dns_zone_id", "azurerm_private_dns_zone.postgres.id")
	b.Set("public_network_access_enabled", false)
	b.Set("administrator_login", AdminLogin)
	b.Expr("administrator_password", "var.postgresql_admin_password")
	if zs := e.Pinned(e.Zones); len(zs) > 0 {
		b.Set("zone", strconv.Itoa(zs[0]))
	}
	if mode, ok := haMode[c.HA]; ok {
		ha := b.Child("high_availability")
		ha.Set("mode", mode)
		if mode == "ZoneRedundant" && len(e.Zones) > 1 {
			ha.Set("standby_availability_zone", strconv.Itoa(e.Zones[1]))
		}
	}
	b.Expr("depends_on", "[azurerm_private_dns_zone_virtual_network_link.postgres]")
	m.Tags(b)
	// TLS 1.2 or later, as the documents state: set, not left to the
	// service's default.
	tls := m.Resource("azurerm_postgresql_flexible_server_configuration", "ssl_min_protocol_version")
	tls.Set("name", "ssl_min_protocol_version")
	tls.Expr("server_id", "azurerm_postgresql_flexible_server.main.id")
	tls.Set("value", "TLSv1.2")
	for i := range c.ReadReplicas {
		r := server(fmt.Sprintf("replica_%d", i+1), fmt.Sprintf(`"${var.postgresql_server_name}-replica-%d"`, i+1))
		r.Set("create_mode", "Replica")
		r.Expr("source_server_id", "azurerm_postgresql_flexible_server.main.id")
		r.Expr("delegated_subnet_id", terraform.SubnetID(subnetRole))
		r.Expr("private_dns_zone_id", "azurerm_private_dns_zone.postgres.id")
		r.Set("public_network_access_enabled", false)
		if len(e.Pinned(e.Zones)) > 0 {
			r.Set("zone", strconv.Itoa(e.Zones[(i+1)%len(e.Zones)]))
		}
		m.Tags(r)
	}
	if c.StandbyRegion != "" {
		c.standbyTerraform(m)
	}
	for _, db := range c.Databases {
		d := m.Resource("azurerm_postgresql_flexible_server_database", m.Ident("azurerm_postgresql_flexible_server_database", db.Name))
		d.Set("name", db.Name)
		d.Expr("server_id", "azurerm_postgresql_flexible_server.main.id")
		d.Set("charset", "UTF8")
		d.Set("collation", "en_US.utf8")
	}
}

// Outputs implements terraform.Terraformed.
func (c *Component) Outputs(m terraform.Module) {
	if c.Flexible() {
		m.Output("postgresql_fqdn", "azurerm_postgresql_flexible_server.main.fqdn", "PostgreSQL host.")
	}
}
