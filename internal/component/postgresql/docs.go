package postgresql

import (
	"fmt"
	"strconv"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
)

// Overview implements docs.Overviewed.
func (c *Component) Overview(d *md.Doc, _ *plan.Env) []string {
	if c.Flexible() {
		return []string{fmt.Sprintf(d.T("데이터베이스: PostgreSQL Flexible Server %s (데이터베이스 %d개)", "Database: PostgreSQL Flexible Server %s (%d databases)"), c.SKU, len(c.Databases))}
	}
	return []string{fmt.Sprintf(d.T("데이터베이스: PostgreSQL %s Pod (데이터베이스 %d개)", "Database: PostgreSQL %s pod (%d databases)"), c.Version, len(c.Databases))}
}

// Discovery implements docs.Discovered.
func (c *Component) Discovery(d *md.Doc, _ *plan.Env) [][]string {
	return [][]string{{"PostgreSQL", c.FQDN, strconv.Itoa(Port), d.T("데이터베이스", "database")}}
}

// Data implements docs.Stored: the pod's settings (development) or the
// server's (production), and the databases with their owners.
func (c *Component) Data(d *md.Doc, e *plan.Env, s *docs.Sections) {
	if !e.IsProdLike() {
		s.Next(d.T("PostgreSQL Pod 구성", "PostgreSQL pod"))
		if b := c.Pod; b != nil {
			d.KV(d.T("구성 항목", "Item"), d.T("값", "Value"),
				[2]string{d.T("이미지", "Image"), b.Image},
				[2]string{d.T("리소스", "Resources"), fmt.Sprintf("requests %s / %s, limits %s / %s", b.CPURequest, b.MemRequest, b.CPULimit, b.MemLimit)},
				[2]string{d.T("스토리지", "Storage"), fmt.Sprintf("%s, %s, /var/lib/postgresql/data", b.StorageClass, docs.StorageSize(b.StorageGB))},
				[2]string{"max_connections", strconv.Itoa(c.MaxConnections)},
				[2]string{"shared_buffers", docs.MiB(c.SharedBuffersMiB)},
				[2]string{"effective_cache_size", docs.MiB(c.EffectiveCacheMiB)},
				// No backup CronJob is generated: dev's backup is the manual
				// step of the operations commands (pg_dumpall).
				[2]string{d.T("백업", "Backup"), d.T("수동 pg_dumpall (운영 명령 참조)", "manual pg_dumpall (see the operations commands)")},
			)
		} else {
			c.serverTable(d)
		}
		c.databasesTable(d)
		return
	}
	sub := s.Next("Azure Database for PostgreSQL Flexible Server")
	sub.Next(d.T("데이터베이스 구성", "Database"))
	if c.Flexible() {
		c.serverTable(d)
	} else {
		d.P(fmt.Sprintf(d.T("이 환경은 PostgreSQL을 Pod(%s)로 실행합니다.", "This environment runs PostgreSQL as a pod (%s)."), c.SKU))
	}
	c.databasesTable(d)
	sub.Next(d.T("읽기 전용 복제본", "Read replicas"))
	if c.ReadReplicas > 0 {
		d.Table([]string{d.T("복제본 수", "Replicas"), "SKU", d.T("용도", "Purpose")}, [][]string{{strconv.Itoa(c.ReadReplicas), c.SKU, d.T("읽기 부하 분산", "read scale-out")}})
	} else {
		d.P(d.T("읽기 전용 복제본은 두지 않습니다 (readReplicas: 0).", "No read replicas (readReplicas: 0)."))
	}
}

func (c *Component) serverTable(d *md.Doc) {
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"),
		[2]string{"SKU", c.SKU},
		[2]string{d.T("사양", "Size"), fmt.Sprintf("%d vCore, %d GiB", c.VCores, c.MemoryGiB)},
		[2]string{"max_connections", strconv.Itoa(c.MaxConnections)},
		[2]string{d.T("스토리지", "Storage"), fmt.Sprintf("%d GiB", c.StorageGB)},
		[2]string{d.T("고가용성", "High availability"), c.HA},
		[2]string{d.T("백업 보존", "Backup retention"), docs.Days(d, c.BackupDays)},
		[2]string{d.T("지역 중복 백업", "Geo-redundant backup"), strconv.FormatBool(c.GeoBackup)},
		[2]string{"PITR", d.T("지원 (백업 보존 기간 내)", "yes (within retention)")},
		[2]string{"TLS", "1.2+"},
		[2]string{d.T("네트워크", "Network"), fmt.Sprintf(d.T("VNet 통합 (%s %s), 공용 접근 차단", "VNet-integrated (%s %s), no public access"), c.Subnet.Name, c.Subnet.CIDR)},
		[2]string{"FQDN", c.FQDN},
	)
}

func (c *Component) databasesTable(d *md.Doc) {
	rows := make([][]string, len(c.Databases))
	for i, db := range c.Databases {
		rows[i] = []string{db.Name, db.Owner}
	}
	d.Table([]string{d.T("데이터베이스", "Database"), d.T("소유 서비스", "Owning service")}, rows)
}

// Backups implements docs.BackedUp.
func (c *Component) Backups(d *md.Doc, e *plan.Env) [][]string {
	if !e.IsProdLike() {
		return [][]string{{"PostgreSQL", d.T("수동 pg_dumpall", "manual pg_dumpall"), d.T("필요 시", "on demand"), "-", "psql < backup.sql"}}
	}
	return [][]string{{"PostgreSQL", d.T("자동 백업 + PITR", "automatic backup + PITR"), docs.Days(d, c.BackupDays), strconv.FormatBool(c.GeoBackup)}}
}

// BackupSummary implements docs.Recovered.
func (c *Component) BackupSummary(d *md.Doc, e *plan.Env) string {
	if c.GeoBackup && e.DR.Name == azure.DRGeoRestore {
		// The DR row's geo-restore, as the manual step it is.
		return fmt.Sprintf(d.T("PostgreSQL 자동 백업 + 지역 중복; 리전 손실 시 `%s`", "PostgreSQL automatic backup + geo-redundant; on the region's loss `%s`"), c.geoRestoreCommand())
	}
	if c.GeoBackup {
		return d.T("PostgreSQL 자동 백업 + 지역 중복", "PostgreSQL automatic backup + geo-redundant")
	}
	return d.T("PostgreSQL 자동 백업", "PostgreSQL automatic backup")
}

// InitJobs implements docs.Initialised: the dev pod's init Job creates
// one database per owning service.
func (c *Component) InitJobs(d *md.Doc, _ *plan.Env) [][]string {
	var rows [][]string
	for _, db := range c.Databases {
		rows = append(rows, []string{"init-db-" + db.Name, fmt.Sprintf(d.T("데이터베이스 %s 생성, 소유자 %s", "create database %s owned by %s"), db.Name, db.Owner), fmt.Sprintf("psql -c '\\l %s'", db.Name)})
	}
	return rows
}

// Failover implements docs.FailingOver.
func (c *Component) Failover(d *md.Doc, _ *plan.Env) [][]string {
	return [][]string{{"PostgreSQL", fmt.Sprintf(d.T("HA %s: 대기 서버로 자동 전환", "HA %s: automatic switch to the standby"), c.HA)}}
}

// Scaling implements docs.Scaled.
func (c *Component) Scaling(d *md.Doc, _ *plan.Env) [][]string {
	return [][]string{{"PostgreSQL", d.T("SKU 상향, 읽기 복제본", "larger SKU, read replicas"), c.SKU}}
}

// PrivateAccess implements docs.PrivatelyReached: Flexible Server is
// reached through its delegated subnet, not a private endpoint.
func (c *Component) PrivateAccess(d *md.Doc, _ *plan.Env) [][]string {
	if !c.Flexible() {
		return nil
	}
	return [][]string{{"PostgreSQL", c.Subnet.Name + d.T(" (VNet 통합)", " (VNet integration)"), "privatelink.postgres.database.azure.com"}}
}

// DevCommands implements docs.Operated.
func (c *Component) DevCommands(e *plan.Env) []string {
	if c.Pod == nil {
		return nil
	}
	ns := e.Namespace
	return []string{
		fmt.Sprintf("kubectl -n %s exec statefulset/postgresql -- pg_dumpall -U postgres > backup.sql", ns),
		fmt.Sprintf("kubectl -n %s exec -i statefulset/postgresql -- psql -U postgres < backup.sql", ns),
	}
}

// Compare implements docs.Compared: the master index's data comparison.
func (c *Component) Compare(d *md.Doc, _ *plan.Env, part string) [][2]string {
	if part != "data" {
		return nil
	}
	primary := "PostgreSQL Flexible " + c.SKU
	if !c.Flexible() {
		primary = "PostgreSQL Pod (" + c.SKU + ")"
	}
	return [][2]string{
		{d.T("주 데이터베이스", "Primary database"), primary},
		{d.T("가용성", "Availability"), c.HA},
		{d.T("백업", "Backup"), fmt.Sprintf(d.T("%d일 보관", "%d days"), c.BackupDays)},
		{"max_connections", strconv.Itoa(c.MaxConnections)},
	}
}

// Migration implements docs.Migrated.
func (c *Component) Migration(d *md.Doc) [][]string {
	return [][]string{{d.T("데이터", "Data"), d.T("PostgreSQL Pod → Flexible Server (pg_dump/pg_restore)", "PostgreSQL pod → Flexible Server (pg_dump/pg_restore)")}}
}

// geoRestoreCommand restores the server's geo-redundant backups into the
// paired region as a new server (Azure CLI, az postgres flexible-server
// geo-restore); the clients' DB_HOST then points at the new server.
func (c *Component) geoRestoreCommand() string {
	return fmt.Sprintf("az postgres flexible-server geo-restore --resource-group <resource_group_name> --source-server %s --name <new server name> --location <paired region>", c.Server)
}
