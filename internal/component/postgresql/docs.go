package postgresql

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/appenv"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
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
				docs.Row(d, "postgresql.pod.image", d.T("이미지", "Image"), b.Image, docs.PodImage(b)),
				docs.Row(d, "postgresql.pod.resources", d.T("리소스", "Resources"), fmt.Sprintf("requests %s / %s, limits %s / %s", b.CPURequest, b.MemRequest, b.CPULimit, b.MemLimit), docs.PodResources(b)...),
				docs.Row(d, "postgresql.pod.storage", d.T("스토리지", "Storage"), fmt.Sprintf("%s, %s, /var/lib/postgresql/data", b.StorageClass, docs.StorageSize(b.StorageGB)),
					append(docs.PodStorage(b), claim.K8s("StatefulSet", b.Name, "spec.template.spec.containers.volumeMounts.mountPath").Is("/var/lib/postgresql/data"))...),
				docs.Row(d, "postgresql.pod.max-connections", "max_connections", strconv.Itoa(c.MaxConnections), podArg(b, fmt.Sprintf("max_connections=%d", c.MaxConnections))),
				docs.Row(d, "postgresql.pod.shared-buffers", "shared_buffers", docs.MiB(c.SharedBuffersMiB), podArg(b, fmt.Sprintf("shared_buffers=%dMB", c.SharedBuffersMiB))),
				docs.Row(d, "postgresql.pod.effective-cache-size", "effective_cache_size", docs.MiB(c.EffectiveCacheMiB), podArg(b, fmt.Sprintf("effective_cache_size=%dMB", c.EffectiveCacheMiB))),
				// No backup CronJob is generated: dev's backup is the manual
				// step of the operations commands (pg_dumpall).
				docs.Row(d, "postgresql.pod.backup", d.T("백업", "Backup"), d.T("수동 pg_dumpall (운영 명령 참조)", "manual pg_dumpall (see the operations commands)"),
					claim.Manually(c.DevCommands(d, e)[0])),
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
	if c.Flexible() && c.hasInitJob() {
		sub.Next(d.T("서비스별 역할 (postgresql-init Job)", "Per-service roles (postgresql-init Job)"))
		c.rolesSection(d, e)
	}
	sub.Next(d.T("읽기 전용 복제본", "Read replicas"))
	if c.ReadReplicas > 0 {
		d.Table([]string{d.T("복제본 수", "Replicas"), "SKU", d.T("용도", "Purpose")}, [][]string{{strconv.Itoa(c.ReadReplicas), c.SKU, d.T("읽기 부하 분산", "read scale-out")}})
	} else {
		d.P(d.T("읽기 전용 복제본은 두지 않습니다 (readReplicas: 0).", "No read replicas (readReplicas: 0)."))
	}
}

func (c *Component) serverTable(d *md.Doc) {
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"),
		docs.Row(d, "postgresql.sku", "SKU", c.SKU, claim.TF(tfServer, "sku_name").Is(c.SKU)),
		// the SKU's size and default max_connections come with the SKU
		docs.Row(d, "postgresql.size", d.T("사양", "Size"), fmt.Sprintf("%d vCore, %d GiB", c.VCores, c.MemoryGiB), claim.TF(tfServer, "sku_name").Is(c.SKU)),
		docs.Row(d, "postgresql.max-connections", "max_connections", strconv.Itoa(c.MaxConnections), claim.TF(tfServer, "sku_name").Is(c.SKU)),
		docs.Row(d, "postgresql.storage", d.T("스토리지", "Storage"), fmt.Sprintf("%d GiB", c.StorageGB), claim.TF(tfServer, "storage_mb").Is(strconv.Itoa(c.StorageGB*1024))),
		docs.Row(d, "postgresql.ha", d.T("고가용성", "High availability"), msg.HA(d, c.HA), c.haAt()),
		docs.Row(d, "postgresql.backup-retention", d.T("백업 보존", "Backup retention"), docs.Days(d, c.BackupDays), claim.TF(tfServer, "backup_retention_days").Is(strconv.Itoa(c.BackupDays))),
		docs.Row(d, "postgresql.geo-backup", d.T("지역 중복 백업", "Geo-redundant backup"), msg.Bool(d, c.GeoBackup), claim.TF(tfServer, "geo_redundant_backup_enabled").Is(strconv.FormatBool(c.GeoBackup))),
		// point-in-time restore is Flexible Server's, within the retention
		docs.Row(d, "postgresql.pitr", "PITR", d.T("지원 (백업 보존 기간 내)", "yes (within retention)"), claim.TF(tfServer, "backup_retention_days").Is(strconv.Itoa(c.BackupDays))),
		docs.Row(d, "postgresql.tls", "TLS", "1.2+", claim.TF(tfTLS, "value").Is("TLSv1.2")),
		docs.Row(d, "postgresql.network", d.T("네트워크", "Network"), fmt.Sprintf(d.T("VNet 통합 (%s %s), 공용 접근 차단", "VNet-integrated (%s %s), no public access"), c.Subnet.Name, c.Subnet.CIDR),
			claim.TF(tfServer, "delegated_subnet_id"), claim.TF(tfServer, "public_network_access_enabled").Is("false"), claim.TF("azurerm_subnet."+subnetRole, "address_prefixes").Is(c.Subnet.CIDR)),
		docs.Row(d, "postgresql.fqdn", "FQDN", c.FQDN, claim.TF(tfServer, "name").Is(c.Server)),
	)
}

func (c *Component) databasesTable(d *md.Doc) {
	rows := make([][]string, len(c.Databases))
	for i, db := range c.Databases {
		rows[i] = []string{db.Name, db.Owner}
	}
	d.Table([]string{d.T("데이터베이스", "Database"), d.T("소유 서비스", "Owning service")}, rows)
}

// Backups implements docs.BackedUp: the pod's dump, by hand, in
// development (the commands of 11.1.2; a pod in production has no backup
// step the documents print, so no row); Flexible Server's automatic
// backups, at the retention and redundancy the Terraform sets, with
// Microsoft's frequency and restore time.
func (c *Component) Backups(d *md.Doc, e *plan.Env) []docs.Backup {
	if c.Pod != nil {
		if e.IsProdLike() {
			return nil
		}
		return []docs.Backup{{Tier: docs.TierData, Target: "PostgreSQL", Method: d.T("수동 pg_dumpall", "manual pg_dumpall"), Frequency: d.T("필요 시", "on demand"),
			Retention: "-", Geo: msg.Bool(d, false), Recover: "`psql < backup.sql`", Source: d.T("운영 명령 (11.1.2)", "the data commands (11.1.2)"),
			At: []claim.Locator{claim.Manually(c.DevCommands(d, e)[0])}}}
	}
	if !c.Flexible() {
		return nil
	}
	f := azure.PostgreSQLBackup
	return []docs.Backup{{Tier: docs.TierData, Target: "PostgreSQL", Method: d.T("자동 백업 + PITR", "automatic backup + PITR"),
		Frequency: d.T(f.Frequency.Ko, f.Frequency.En), Retention: docs.Days(d, c.BackupDays), Geo: msg.Bool(d, c.GeoBackup),
		Recover: d.T(f.Recovery.Ko, f.Recovery.En), Source: f.Source.String(),
		At: []claim.Locator{claim.TF(tfServer, "backup_retention_days").Is(strconv.Itoa(c.BackupDays)), claim.TF(tfServer, "geo_redundant_backup_enabled").Is(strconv.FormatBool(c.GeoBackup))}}}
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
	return [][]string{{"PostgreSQL", fmt.Sprintf(d.T("%s: 대기 서버로 자동 전환", "%s: automatic switch to the standby"), msg.HA(d, c.HA))}}
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
func (c *Component) DevCommands(d *md.Doc, e *plan.Env) []string {
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
	// The pod has no automatic backup (its environment document's
	// operations commands dump it by hand), whatever retention the
	// profile would give a server.
	backup := fmt.Sprintf(d.T("%d일 보관", "%d days"), c.BackupDays)
	if !c.Flexible() {
		primary = "PostgreSQL Pod (" + c.SKU + ")"
		backup = d.T("수동 pg_dumpall", "manual pg_dumpall")
	}
	return [][2]string{
		{d.T("주 데이터베이스", "Primary database"), primary},
		{d.T("가용성", "Availability"), msg.HA(d, c.HA)},
		{d.T("백업", "Backup"), backup},
		{"max_connections", strconv.Itoa(c.MaxConnections)},
	}
}

// Migration implements docs.Migrated.
func (c *Component) Migration(d *md.Doc) [][]string {
	return [][]string{{d.T("데이터", "Data"), d.T("PostgreSQL Pod → Flexible Server (pg_dump/pg_restore)", "PostgreSQL pod → Flexible Server (pg_dump/pg_restore)")}}
}

// rolesSection says who creates each owning service's role on Flexible
// Server (the init Job of k8s.go, with the script of initscript.go) and
// the order that works: the Job needs the server and the secrets, and, with
// a store, its identity's grants on them.
func (c *Component) rolesSection(d *md.Doc, e *plan.Env) {
	rows := make([][]string, len(c.Databases))
	for i, db := range c.Databases {
		rows[i] = []string{appenv.DBUser(db.Owner), db.Name, c.passwords[db.Owner], db.Owner}
	}
	d.Table([]string{d.T("역할 (LOGIN)", "Role (LOGIN)"), d.T("소유 데이터베이스", "Owns database"), d.T("암호 시크릿", "Password secret"), d.T("읽는 서비스", "Read by")}, rows)
	overlay := "deploy/k8s/overlays/" + e.Name
	if e.MultiNamespace() {
		overlay += "/" + plan.DefaultNamespaceDir
	}
	ns := e.Namespace
	tf := "deploy/terraform/" + e.Name
	if c.store {
		d.P(d.T(fmt.Sprintf("Terraform은 서버와 데이터베이스를 만들고, Job %s(자기 워크로드 ID, 자기 SecretProviderClass)%s 관리자 %s TLS 접속해 역할마다 서비스가 읽는 암호를 설정하고 데이터베이스 소유자로 만듭니다. 관리자 암호는 이 Job만 읽습니다. 순서:",
			initJob, msg.ParticleOf(initJob, "이", "가"), msg.Particle(AdminLogin, "으로", "로")),
			fmt.Sprintf("Terraform creates the server and the databases; Job %s (its own workload identity and SecretProviderClass) signs in over TLS as the administrator %s, sets each role's password to the one its service reads and makes it its database's owner. Only this Job reads the administrator password. In this order:", initJob, AdminLogin)))
		d.Code("sh", strings.Join([]string{
			fmt.Sprintf("terraform -chdir=%s apply                                   # %s", tf, d.T("서버, 데이터베이스, ID", "server, databases, identities")),
			fmt.Sprintf("VAULT=$(terraform -chdir=%s output -raw key_vault_name)", tf),
			fmt.Sprintf("az keyvault secret set --vault-name \"$VAULT\" --name %s --value \"$TF_VAR_postgresql_admin_password\"   # %s", AdminSecret, d.T("Terraform에 준 값과 같게", "the value Terraform was given")),
			c.ownerSecretCommands(),
			fmt.Sprintf("terraform -chdir=%s apply -var key_vault_secrets_exist=true   # %s", tf, d.T("시크릿 단위 읽기 권한", "per-secret read grants")),
			fmt.Sprintf("kubectl apply -k %s", overlay),
			fmt.Sprintf("kubectl -n %s wait --for=condition=complete job/%s --timeout=15m", ns, initJob),
		}, "\n"))
	} else {
		d.P(d.T(fmt.Sprintf("Terraform은 서버와 데이터베이스를 만들고, Job %s 관리자 %s TLS 접속해 역할마다 서비스가 읽는 암호를 설정하고 데이터베이스 소유자로 만듭니다. 암호는 직접 만드는 Kubernetes Secret에서 읽습니다 (SECRETS.md). 순서:",
			msg.Particle(initJob, "이", "가"), msg.Particle(AdminLogin, "으로", "로")),
			fmt.Sprintf("Terraform creates the server and the databases; Job %s signs in over TLS as the administrator %s, sets each role's password to the one its service reads and makes it its database's owner. It reads the passwords from the Kubernetes Secret you create (SECRETS.md). In this order:", initJob, AdminLogin)))
		d.Code("sh", strings.Join([]string{
			fmt.Sprintf("terraform -chdir=%s apply", tf),
			fmt.Sprintf("# %s", d.T("SECRETS.md의 Secret 생성 (postgresql-admin-password는 Terraform에 준 값)", "create the Secret of SECRETS.md (postgresql-admin-password: the value Terraform was given)")),
			fmt.Sprintf("kubectl apply -k %s", overlay),
			fmt.Sprintf("kubectl -n %s wait --for=condition=complete job/%s --timeout=15m", ns, initJob),
		}, "\n"))
	}
	d.P(fmt.Sprintf(d.T("암호를 바꾼 뒤에는 Job을 다시 실행합니다 (Job은 변경할 수 없습니다): `kubectl -n %[1]s delete job %[2]s` 후 `kubectl apply -k %[3]s`. 서비스는 Job이 끝날 때까지 데이터베이스 인증에 실패하고 재시작합니다.",
		"After changing a password, run the Job again (a Job cannot be changed): `kubectl -n %[1]s delete job %[2]s`, then `kubectl apply -k %[3]s`. Until the Job has completed the services fail to authenticate and restart."), ns, initJob, overlay))
}

// ownerSecretCommands set each owner's password in the vault, a random
// one the role will take.
func (c *Component) ownerSecretCommands() string {
	var lines []string
	for _, db := range c.Databases {
		lines = append(lines, fmt.Sprintf("az keyvault secret set --vault-name \"$VAULT\" --name %s --value \"$(openssl rand -base64 24)\"", c.passwords[db.Owner]))
	}
	return strings.Join(lines, "\n")
}

// geoRestoreCommand restores the server's geo-redundant backups into the
// paired region as a new server (Azure CLI, az postgres flexible-server
// geo-restore); the clients' DB_HOST then points at the new server.
func (c *Component) geoRestoreCommand() string {
	return fmt.Sprintf("az postgres flexible-server geo-restore --resource-group <resource_group_name> --source-server %s --name <new server name> --location <paired region>", c.Server)
}
