package postgresql

import (
	"fmt"
	"net/netip"
	"time"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/terraform"
	"github.com/physarch/physarch/internal/spec"
)

// tfStandby is the standby's read replica in the DR region.
const tfStandby = "azurerm_postgresql_flexible_server.standby"

// srcPromote is Flexible Server's read replica guide: promoting a replica
// to a standalone server ("forced" promotion, when the primary's region is
// lost) takes minutes, and the business continuity overview gives a
// promoted cross-region replica "RPO < 5 min".
var srcPromote = azure.Source{Ref: "learn.microsoft.com/azure/postgresql/flexible-server/concepts-read-replicas (promote to standalone server, forced) and concepts-business-continuity (a promoted cross-region read replica: recovery in minutes, under 5 min of writes lost)", Date: "2026-12-01",
	Ko: "learn.microsoft.com/azure/postgresql/flexible-server/concepts-read-replicas (독립 서버로 강제 승격) 및 concepts-business-continuity (승격한 리전 간 읽기 복제본: 수 분 내 복구, 쓰기 손실 5분 미만)"}

// Recovery implements plan.Recovering: geo-restore restores the
// geo-redundant backups into the DR region as a new server; a standby
// region promotes the read replica the Terraform keeps there.
func (c *Component) Recovery(e *plan.Env) []plan.RecoveryStep {
	if !c.Flexible() {
		return nil
	}
	region := e.Settings.DRRegion(e.Region)
	switch {
	case c.StandbyRegion != "":
		return []plan.RecoveryStep{{Component: "PostgreSQL",
			What: spec.Text{Ko: "DR 리전의 읽기 복제본을 독립 서버로 승격하고 클라이언트의 DB_HOST를 복제본으로 변경", En: "promote the DR region's read replica to a standalone server and point the clients' DB_HOST at it"},
			Time: 30 * time.Minute, Loss: 5 * time.Minute, Source: srcPromote,
			Estimate: spec.Text{Ko: "Microsoft는 수 분으로 안내, 클라이언트 변경까지 30분으로 계산", En: "Microsoft says minutes; physarch counts 30 minutes with the clients repointed"},
			Command:  c.promoteCommand(), Standing: tfStandby}}
	case c.GeoBackup && e.DR.Name == azure.DRGeoRestore:
		return []plan.RecoveryStep{{Component: "PostgreSQL",
			What: spec.Text{Ko: "지역 중복 백업을 DR 리전에 새 서버로 복원하고 클라이언트의 DB_HOST를 새 서버로 변경", En: "restore the geo-redundant backups into the DR region as a new server and point the clients' DB_HOST at it"},
			Time: e.DR.RecoveryTime, Loss: e.DR.DataLoss, Source: e.DR.Source,
			Command: c.geoRestoreIn(region)}}
	}
	return nil
}

// promoteCommand promotes the standby replica when the primary's region is
// lost (forced: it does not wait for the primary).
func (c *Component) promoteCommand() string {
	return fmt.Sprintf("az postgres flexible-server replica promote --resource-group <resource_group_name> --name %s --promote-mode standalone --promote-option forced", c.standbyName())
}

// standbyName is the replica's server name.
func (c *Component) standbyName() string { return c.Server + "-standby" }

// geoRestoreIn is the geo-restore into the DR region, with the private
// access the source has (a restored server is private only if told).
func (c *Component) geoRestoreIn(region string) string {
	return fmt.Sprintf("az postgres flexible-server geo-restore --resource-group <resource_group_name> --source-server %s --name %s-restored --location %s --vnet <vnet in %s> --subnet <delegated subnet> --private-dns-zone privatelink.postgres.database.azure.com", c.Server, c.Server, region, region)
}

// standbyNetwork is the DR region's network for the replica: a VNet next
// to the primary's (same size, the following range, so the two can be
// peered later), with a subnet delegated to Flexible Server and the
// primary's private DNS zone linked to it.
func standbyNetwork(vnet string) (string, string) {
	p, err := netip.ParsePrefix(vnet)
	if err != nil {
		return "10.254.0.0/16", "10.254.0.0/24"
	}
	a := p.Masked().Addr().As4()
	size := uint32(1) << (32 - p.Bits())
	n := (uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3])) + size
	next := netip.AddrFrom4([4]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)})
	sub := min(max(p.Bits(), 24), 28)
	return netip.PrefixFrom(next, p.Bits()).String(), netip.PrefixFrom(next, sub).String()
}

// standbyTerraform writes the standby: the DR region's VNet, the delegated
// subnet and DNS link, and the read replica (create_mode Replica) of the
// primary, in the primary's SKU and storage.
func (c *Component) standbyTerraform(m terraform.Module) {
	e := m.Env()
	m.Variable("dr_location", "string", "Region the standby runs in and the environment recovers into.", c.StandbyRegion)
	vnetCIDR, subnetCIDR := standbyNetwork(e.Network.VNet)
	vn := m.Resource("azurerm_virtual_network", "standby")
	vn.Expr("name", `"${azurerm_virtual_network.main.name}-dr"`)
	vn.Expr("location", "var.dr_location")
	vn.Expr("resource_group_name", "azurerm_resource_group.main.name")
	vn.Set("address_space", []string{vnetCIDR})
	m.Tags(vn)
	sn := m.Resource("azurerm_subnet", "postgres_standby")
	sn.Set("name", "snet-postgres-dr")
	sn.Expr("resource_group_name", "azurerm_resource_group.main.name")
	sn.Expr("virtual_network_name", "azurerm_virtual_network.standby.name")
	sn.Set("address_prefixes", []string{subnetCIDR})
	del := sn.Child("delegation")
	del.Set("name", "postgres")
	svc := del.Child("service_delegation")
	svc.Set("name", "Microsoft.DBforPostgreSQL/flexibleServers")
	svc.Set("actions", []string{"Microsoft.Network/virtualNetworks/subnets/join/action"})
	link := m.Resource("azurerm_private_dns_zone_virtual_network_link", "postgres_standby")
	link.Set("name", "postgres-dr")
	link.Expr("private_dns_zone_id", "azurerm_private_dns_zone.postgres.id")
	link.Expr("virtual_network_id", "azurerm_virtual_network.standby.id")
	r := m.Resource("azurerm_postgresql_flexible_server", "standby")
	r.Expr("name", `"${var.postgresql_server_name}-standby"`)
	r.Expr("location", "var.dr_location")
	r.Expr("resource_group_name", "azurerm_resource_group.main.name")
	r.Set("version", c.Version)
	r.Set("sku_name", c.SKU)
	r.Set("storage_mb", c.StorageGB*1024)
	r.Set("create_mode", "Replica")
	r.Expr("source_server_id", "azurerm_postgresql_flexible_server.main.id")
	r.Expr("delegated_subnet_id", "azurerm_subnet.postgres_standby.id")
	r.Expr("private_dns_zone_id", "azurerm_private_dns_zone.postgres.id")
	r.Set("public_network_access_enabled", false)
	r.Expr("depends_on", "[azurerm_private_dns_zone_virtual_network_link.postgres_standby]")
	m.Tags(r)
}

// standbyCost prices the replica like the primary's single instance, in
// the DR region.
func (c *Component) standbyCost() []cost.Line {
	if c.StandbyRegion == "" {
		return nil
	}
	return []cost.Line{
		{Category: "database", Name: "PostgreSQL DR standby compute", NameKo: "PostgreSQL DR 스탠바이 컴퓨팅", SKU: c.SKU, Meter: azure.Meter{Service: "Azure Database for PostgreSQL", ArmSku: c.SKU},
			Qty: 1, QtyMax: 1, Unit: "instance-hour", PerMonth: cost.HoursPerMonth, Region: c.StandbyRegion},
		{Category: "database", Name: "PostgreSQL DR standby storage", NameKo: "PostgreSQL DR 스탠바이 스토리지", SKU: fmt.Sprintf("%d GiB", c.StorageGB), Meter: azure.Meter{Service: "Azure Database for PostgreSQL", Meter: "Storage Data Stored"},
			Qty: float64(c.StorageGB), QtyMax: float64(c.StorageGB), Unit: "GB-month", PerMonth: 1, Region: c.StandbyRegion},
	}
}
