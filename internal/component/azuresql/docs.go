package azuresql

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/component/keyvault"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
)

// gb prints a size in GB as the documents do.
func gb(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) + " GB" }

// Overview implements docs.Overviewed.
func (c *Component) Overview(d *md.Doc, _ *plan.Env) []string {
	if c.Managed() {
		return []string{fmt.Sprintf(d.T("데이터베이스: Azure SQL Database %s (데이터베이스 %d개)", "Database: Azure SQL Database %s (%d databases)"), c.SKU, len(c.Databases))}
	}
	return []string{fmt.Sprintf(d.T("데이터베이스: SQL Server %s Pod, Azure SQL Database 대용 (데이터베이스 %d개)", "Database: SQL Server %s pod standing in for Azure SQL Database (%d databases)"), c.Version, len(c.Databases))}
}

// Discovery implements docs.Discovered.
func (c *Component) Discovery(d *md.Doc, _ *plan.Env) [][]string {
	return [][]string{{"Azure SQL", c.FQDN, strconv.Itoa(Port), d.T("데이터베이스 (TDS)", "database (TDS)")}}
}

// Data implements docs.Stored: the pod's settings (development) or the
// logical server's (production), the databases with their owners and
// sizing, and in production how the owners' users are created.
func (c *Component) Data(d *md.Doc, e *plan.Env, s *docs.Sections) {
	if !e.IsProdLike() {
		title := d.T("Azure SQL (SQL Server Pod)", "Azure SQL (SQL Server pod)")
		if c.Managed() {
			title = "Azure SQL Database"
		}
		sub := s.Next(title)
		if c.Pod != nil {
			sub.Next(d.T("SQL Server Pod 구성", "SQL Server pod"))
			c.podTable(d)
		} else {
			sub.Next(d.T("논리 서버 구성", "Logical server"))
			c.serverTable(d, e)
		}
		sub.Next(d.T("데이터베이스", "Databases"))
		c.databasesTable(d)
		return
	}
	sub := s.Next("Azure SQL Database")
	if !c.Managed() {
		sub.Next(d.T("SQL Server Pod 구성", "SQL Server pod"))
		d.P(fmt.Sprintf(d.T("이 환경은 Azure SQL Database 대신 SQL Server를 Pod(%s)로 실행합니다.", "This environment runs SQL Server as a pod (%s) instead of Azure SQL Database."), c.Image))
		c.podTable(d)
		sub.Next(d.T("데이터베이스", "Databases"))
		c.databasesTable(d)
		return
	}
	sub.Next(d.T("논리 서버 구성", "Logical server"))
	c.serverTable(d, e)
	sub.Next(d.T("데이터베이스", "Databases"))
	c.databasesTable(d)
	sub.Next(d.T("데이터베이스 사용자 (수동 단계)", "Database users (manual step)"))
	d.P(fmt.Sprintf(d.T("Terraform은 데이터베이스 안의 사용자를 만들지 못합니다. 관리자가 VNet 안의 호스트에서 데이터베이스마다 한 번 실행합니다. 비밀번호는 시크릿에서 읽습니다: %s는 Terraform에 준 TF_VAR_azuresql_admin_password와 같은 값입니다.",
		"Terraform cannot create users inside a database. An administrator runs this once per database from a host inside the VNet, reading the passwords from the secrets: %s holds the value given to Terraform as TF_VAR_azuresql_admin_password."), AdminSecret))
	d.Code("sh", c.userCommands(d, e))
}

// podTable is the SQL Server pod's settings.
func (c *Component) podTable(d *md.Doc) {
	b := c.Pod
	d.KV(d.T("구성 항목", "Item"), d.T("값", "Value"),
		docs.Row(d, "azuresql.pod.image", d.T("이미지", "Image"), b.Image+" (Developer edition)", docs.PodImage(b)),
		docs.Row(d, "azuresql.pod.resources", d.T("리소스", "Resources"), fmt.Sprintf("requests %s / %s, limits %s / %s", b.CPURequest, b.MemRequest, b.CPULimit, b.MemLimit), docs.PodResources(b)...),
		docs.Row(d, "azuresql.pod.storage", d.T("스토리지", "Storage"), fmt.Sprintf("%s, %s, %s", b.StorageClass, docs.StorageSize(b.StorageGB), dataDir),
			append(docs.PodStorage(b), claim.K8s("StatefulSet", b.Name, "spec.template.spec.containers.volumeMounts.mountPath").Is(dataDir))...),
		docs.Row(d, "azuresql.pod.collation", d.T("데이터 정렬", "Collation"), docs.Assumed(d, c.Collation, c.Stated("collation")), claim.K8s("StatefulSet", b.Name, "spec.template.spec.containers.env.value").Is(c.Collation)),
		docs.Row(d, "azuresql.pod.auth", d.T("인증", "Authentication"), d.T("데이터베이스별 포함된 사용자 (Azure SQL과 동일)", "a contained user per database (as in Azure SQL)"), claim.K8s("ConfigMap", "*", "data").Has("CREATE USER")),
		docs.Row(d, "azuresql.pod.backup", d.T("백업", "Backup"), d.T("자동 백업 없음: 11.1.2의 명령으로 수동 백업", "no automatic backup: back up by hand with the commands of 11.1.2"), claim.Manually("BACKUP DATABASE")),
	)
}

// serverTable is the logical server and the compute every database runs.
func (c *Component) serverTable(d *md.Doc, e *plan.Env) {
	zr := d.T("없음", "none")
	switch {
	case c.ZoneRedundant:
		zr = docs.Zones(e.Zones)
	case c.ZonesTooFew:
		zr = d.T("없음 (환경의 가용 영역이 1개)", "none (the environment has one zone)")
	}
	compute := c.Compute
	if c.Serverless() {
		compute = fmt.Sprintf(d.T("serverless (최소 %g vCore, 자동 일시 중지 %s)", "serverless (at least %g vCores, auto-pause %s)"), c.MinVCores, c.pauseDelay(d))
	}
	network := d.T("공용 엔드포인트, 방화벽: Azure 서비스만 (0.0.0.0)", "public endpoint, firewall: Azure services only (0.0.0.0)")
	if c.endpoint {
		network = d.T("프라이빗 엔드포인트 (privatelink.database.windows.net), 공용 네트워크 접근 차단", "private endpoint (privatelink.database.windows.net), public network access off")
	}
	sku := claim.TF(tfDatabases, "sku_name").Is(c.SKU)
	retention := claim.TF(tfDatabases, "short_term_retention_policy.retention_days").Is(strconv.Itoa(c.RetentionDays))
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"),
		docs.Row(d, "azuresql.server", d.T("논리 서버", "Logical server"), c.Server, claim.TF(tfServer, "name").Is(c.Server)),
		// the purchasing model, tier, compute, size and hardware are the SKU's
		docs.Row(d, "azuresql.model", d.T("구매 모델", "Purchasing model"), "vCore", sku),
		docs.Row(d, "azuresql.tier", d.T("계층", "Tier"), c.Tier, sku),
		docs.Row(d, "azuresql.compute", d.T("컴퓨팅", "Compute"), compute, c.computeAt()...),
		docs.Row(d, "azuresql.sku", "SKU", c.SKU, sku),
		docs.Row(d, "azuresql.size", d.T("사양", "Size"), fmt.Sprintf(d.T("%d vCore, 메모리 %g GB, 동시 작업자 %d (데이터베이스마다)", "%d vCores, %g GB memory, %d concurrent workers (each database)"), c.Size.VCores, c.Size.MemoryGB, c.Size.Workers), sku),
		docs.Row(d, "azuresql.hardware", d.T("하드웨어", "Hardware"), "standard-series (Gen5)", sku),
		docs.Row(d, "azuresql.zones", d.T("영역 중복", "Zone redundancy"), zr, claim.TF(tfDatabases, "zone_redundant").Is(strconv.FormatBool(c.ZoneRedundant))),
		docs.Row(d, "azuresql.backup-redundancy", d.T("백업 중복", "Backup redundancy"), c.BackupRedundancy, claim.TF(tfDatabases, "storage_account_type").Is(c.BackupRedundancy)),
		docs.Row(d, "azuresql.backup-retention", d.T("백업 보존", "Backup retention"), docs.Days(d, c.RetentionDays), retention),
		docs.Row(d, "azuresql.pitr", "PITR", d.T("지원 (백업 보존 기간 내)", "yes (within retention)"), retention),
		docs.Row(d, "azuresql.tls", "TLS", "1.2+", claim.TF(tfServer, "minimum_tls_version").Is("1.2")),
		docs.Row(d, "azuresql.connection-policy", d.T("연결 정책", "Connection policy"), d.T("Proxy (포트 1433만)", "Proxy (port 1433 only)"), claim.TF(tfServer, "connection_policy").Is("Proxy")),
		docs.Row(d, "azuresql.network", d.T("네트워크", "Network"), network, c.networkAt()...),
		docs.Row(d, "azuresql.fqdn", "FQDN", c.FQDN, claim.TF(tfServer, "name").Is(c.Server)),
		docs.Row(d, "azuresql.collation", d.T("데이터 정렬", "Collation"), docs.Assumed(d, c.Collation, c.Stated("collation")), claim.TF(tfDatabases, "collation").Is(c.Collation)),
		// an input of the cost (reads and writes), restated: no setting
		docs.Row(d, "azuresql.read-write-mix", d.T("읽기/쓰기 비율", "Read/write mix"), docs.Assumed(d, fmt.Sprintf("%d%% / %d%%", c.ReadPercent, 100-c.ReadPercent), c.Stated("readPercent"))),
		docs.Row(d, "azuresql.max-size-rule", d.T("최대 크기 산정", "Max size rule"), c.SizingRule(d), claim.TF(tfDatabases, "max_size_gb")),
	)
}

// databasesTable lists the databases with their owners and sizing; the
// figures the spec does not state are marked as defaults.
func (c *Component) databasesTable(d *md.Doc) {
	horizon := docs.Assumed(d, fmt.Sprintf(d.T("%d개월 후", "after %d months"), c.HorizonMonths), c.Stated("horizonMonths"))
	rows := make([][]string, len(c.Databases))
	for i, db := range c.Databases {
		size := "-"
		if c.Managed() {
			size = strconv.Itoa(db.MaxSizeGB) + " GB"
		}
		rows[i] = []string{db.Name, db.Owner, db.User, docs.Assumed(d, gb(db.StoredGB), db.StoredStated), docs.Assumed(d, gb(db.GrowthGB), db.GrowthStated),
			gb(db.NeedGB), size, strconv.Itoa(db.PoolSize)}
	}
	d.Table([]string{d.T("데이터베이스", "Database"), d.T("소유 서비스", "Owning service"), d.T("사용자", "User"), d.T("저장 데이터", "Stored data"),
		d.T("월 증가", "Growth a month"), horizon, d.T("최대 크기", "Max size"), d.T("복제본당 연결", "Connections per replica")}, rows)
}

// userCommands are the exact commands that create the owners' contained
// users in production, with the passwords read from Key Vault.
func (c *Component) userCommands(d *md.Doc, e *plan.Env) string {
	secret := func(name string) string {
		if kv, ok := plan.Find[*keyvault.Component](e); ok {
			return fmt.Sprintf("$(az keyvault secret show --vault-name %s --name %s --query value -o tsv)", kv.Vault, name)
		}
		return "<" + name + " from your secret store>"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", d.T("-U는 var.azuresql_admin_login (재정의하지 않으면 "+adminLogin+"), sqlcmd는 암호를 SQLCMDPASSWORD에서 읽음",
		"-U is var.azuresql_admin_login ("+adminLogin+" unless overridden); sqlcmd reads its password from SQLCMDPASSWORD"))
	fmt.Fprintf(&b, "export SQLCMDPASSWORD=\"%s\"\n", secret(AdminSecret))
	for _, db := range c.Databases {
		fmt.Fprintf(&b, "PW=\"%s\"; PW=$(printf '%%s' \"$PW\" | sed \"s/'/''/g\")\n", secret(db.Password))
		fmt.Fprintf(&b, "sqlcmd -S tcp:%s,%d -d %s -U %s -N -b -x -Q \"IF USER_ID(%s) IS NULL CREATE USER %s WITH PASSWORD = N'$PW'; ALTER ROLE db_owner ADD MEMBER %s;\"\n",
			c.FQDN, Port, shSQ(db.Name), adminLogin, shDQ(tsqlLiteral(db.User)), shDQ(tsqlIdent(db.User)), shDQ(tsqlIdent(db.User)))
	}
	return b.String()
}

// zoneLabel says whether the databases are zone-redundant, in the
// document's language.
func (c *Component) zoneLabel(d *md.Doc) string {
	if c.ZoneRedundant {
		return d.T("영역 중복", "zone-redundant")
	}
	return d.T("단일 영역", "single zone")
}

// pauseDelay says when a serverless database pauses.
func (c *Component) pauseDelay(d *md.Doc) string {
	if c.AutoPause < 0 {
		return d.T("사용 안 함", "off")
	}
	return fmt.Sprintf(d.T("%d분", "%d minutes"), c.AutoPause)
}

// Backups implements docs.BackedUp: a SQL Server pod by hand in
// development (the commands of 11.1.2); the managed databases by Azure's
// automatic backups, at the differential interval, retention and
// redundancy the Terraform sets, with Microsoft's full and log frequency
// and restore time. A pod in production has no backup step the documents
// print, so it has no row.
func (c *Component) Backups(d *md.Doc, e *plan.Env) []docs.Backup {
	if !c.Managed() {
		cmds := c.DevCommands(d, e)
		if e.IsProdLike() || len(cmds) == 0 {
			return nil
		}
		return []docs.Backup{{Tier: docs.TierData, Target: "Azure SQL (SQL Server Pod)", Method: d.T("수동 BACKUP DATABASE", "manual BACKUP DATABASE"),
			Frequency: d.T("필요 시", "on demand"), Retention: "-", Geo: msg.Bool(d, false), Recover: "RESTORE DATABASE", Source: d.T("운영 명령 (11.1.2)", "the data commands (11.1.2)"),
			At: []claim.Locator{claim.Manually(cmds[0])}}}
	}
	f := azure.AzureSQLBackup
	freq := fmt.Sprintf(d.T("%s, 차등 %d시간마다", "%s, differential every %d hours"), d.T(f.Frequency.Ko, f.Frequency.En), diffHours)
	return []docs.Backup{{Tier: docs.TierData, Target: "Azure SQL Database", Method: fmt.Sprintf(d.T("자동 백업 + PITR, %s 중복", "automatic backup + PITR, %s redundancy"), c.BackupRedundancy),
		Frequency: freq, Retention: docs.Days(d, c.RetentionDays), Geo: msg.Bool(d, c.BackupRedundancy == "Geo"),
		Recover: d.T(f.Recovery.Ko, f.Recovery.En), Source: f.Source.String(),
		At: []claim.Locator{claim.TF(tfDatabases, "short_term_retention_policy.backup_interval_in_hours").Is(strconv.Itoa(diffHours)),
			claim.TF(tfDatabases, "short_term_retention_policy.retention_days").Is(strconv.Itoa(c.RetentionDays)),
			claim.TF(tfDatabases, "storage_account_type").Is(c.BackupRedundancy)}}}
}

// BackupSummary implements docs.Recovered.
func (c *Component) BackupSummary(d *md.Doc, _ *plan.Env) string {
	if !c.Managed() {
		return d.T("SQL Server Pod 수동 백업", "SQL Server pod manual backup")
	}
	if c.BackupRedundancy == "Geo" {
		return d.T("Azure SQL 자동 백업 + 지역 중복", "Azure SQL automatic backup + geo-redundant")
	}
	return fmt.Sprintf(d.T("Azure SQL 자동 백업 (%s)", "Azure SQL automatic backup (%s)"), c.BackupRedundancy)
}

// InitJobs implements docs.Initialised: the dev pod's init Job creates
// one contained database and user per owning service.
func (c *Component) InitJobs(d *md.Doc, _ *plan.Env) [][]string {
	if !c.hasInitJob() {
		return nil
	}
	var rows [][]string
	for _, db := range c.Databases {
		rows = append(rows, []string{initJob, fmt.Sprintf(d.T("데이터베이스 %s 생성, 포함된 사용자 %s (db_owner)", "create database %s with contained user %s (db_owner)"), db.Name, db.User),
			fmt.Sprintf("sqlcmd -d %s -Q \"SELECT USER_ID(N'%s')\"", db.Name, db.User)})
	}
	return rows
}

// Failover implements docs.FailingOver.
func (c *Component) Failover(d *md.Doc, _ *plan.Env) [][]string {
	switch {
	case !c.Managed():
		return [][]string{{"Azure SQL", d.T("없음 (단일 Pod)", "none (one pod)")}}
	case c.Tier == "BusinessCritical":
		return [][]string{{"Azure SQL Database", fmt.Sprintf(d.T("보조 복제본으로 자동 전환 (Always On, %s)", "automatic switch to a secondary replica (Always On, %s)"), c.zoneLabel(d))}}
	}
	return [][]string{{"Azure SQL Database", fmt.Sprintf(d.T("예비 컴퓨팅 노드로 자동 전환, 원격 스토리지 (%s)", "automatic switch to a spare compute node over remote storage (%s)"), c.zoneLabel(d))}}
}

// Scaling implements docs.Scaled.
func (c *Component) Scaling(d *md.Doc, _ *plan.Env) [][]string {
	return [][]string{{"Azure SQL", d.T("vCore 증설 또는 Business Critical (온라인)", "more vCores or Business Critical (online)"), c.SKU}}
}

// DevCommands implements docs.Operated: a manual backup and restore of
// the dev pod's databases, which nothing backs up automatically (the
// outer double quotes are the operator's shell; \$ reaches the pod, which
// expands its own sa password), or a managed database's point-in-time
// restore.
func (c *Component) DevCommands(d *md.Doc, e *plan.Env) []string {
	if c.Managed() {
		// The managed databases back themselves up; restoring is a
		// point-in-time restore into a new database.
		var out []string
		for _, db := range c.Databases {
			out = append(out, fmt.Sprintf(`az sql db restore --resource-group %s --server %s --name %s --dest-name %s-restored --time "<UTC time within %d days>"   # %s`,
				e.Names.ResourceGroup, c.Server, db.Name, db.Name, c.RetentionDays, d.T(db.Name+" 복원", "restore "+db.Name)))
		}
		return out
	}
	run := func(sql string) string {
		return fmt.Sprintf(`kubectl -n %s exec statefulset/%s -- sh -c "mkdir -p %s/backup && SQLCMDPASSWORD=\"\$MSSQL_SA_PASSWORD\" %s -S 127.0.0.1 -U sa -C -b -Q \"%s\""`, e.Namespace, Name, dataDir, sqlcmd, sql)
	}
	var out []string
	for _, db := range c.Databases {
		out = append(out, run(fmt.Sprintf("BACKUP DATABASE %s TO DISK = N'%s/backup/%s.bak' WITH INIT", tsqlIdent(db.Name), dataDir, db.Name))+"   # "+d.T(db.Name+" 백업", "backup "+db.Name))
	}
	for _, db := range c.Databases {
		out = append(out, run(fmt.Sprintf("RESTORE DATABASE %s FROM DISK = N'%s/backup/%s.bak' WITH REPLACE", tsqlIdent(db.Name), dataDir, db.Name))+"   # "+d.T(db.Name+" 복원", "restore "+db.Name))
	}
	return out
}

// Compare implements docs.Compared: the master index's data comparison.
func (c *Component) Compare(d *md.Doc, _ *plan.Env, part string) [][2]string {
	if part != "data" {
		return nil
	}
	if !c.Managed() {
		return [][2]string{
			{"Azure SQL", fmt.Sprintf(d.T("SQL Server Pod (%s)", "SQL Server pod (%s)"), c.Image)},
			{d.T("Azure SQL 영역 중복", "Azure SQL zone redundancy"), d.T("없음", "none")},
			{d.T("Azure SQL 백업", "Azure SQL backup"), d.T("수동", "manual")},
			{d.T("Azure SQL 최대 크기", "Azure SQL max size"), fmt.Sprintf(d.T("Pod 디스크 %s", "pod disk %s"), docs.StorageSize(c.Pod.StorageGB))},
		}
	}
	return [][2]string{
		{"Azure SQL", fmt.Sprintf("%s %s × %d", c.Tier, c.SKU, len(c.Databases))},
		{d.T("Azure SQL 영역 중복", "Azure SQL zone redundancy"), c.zoneLabel(d)},
		{d.T("Azure SQL 백업", "Azure SQL backup"), fmt.Sprintf(d.T("%d일, %s", "%d days, %s"), c.RetentionDays, c.BackupRedundancy)},
		{d.T("Azure SQL 최대 크기", "Azure SQL max size"), fmt.Sprintf(d.T("합계 %d GB", "%d GB in all"), c.TotalMaxSizeGB())},
	}
}

// Migration implements docs.Migrated.
func (c *Component) Migration(d *md.Doc) [][]string {
	return [][]string{{d.T("데이터", "Data"), d.T("SQL Server Pod → Azure SQL Database (SqlPackage로 bacpac 내보내기/가져오기)", "SQL Server pod → Azure SQL Database (bacpac export/import with SqlPackage)")}}
}

// Troubles implements docs.Troubleshot.
func (c *Component) Troubles(d *md.Doc, _ *plan.Env) [][]string {
	if c.Pod == nil {
		return nil
	}
	return [][]string{{d.T("SQL Server Pod 재시작 반복", "SQL Server pod restarts"), d.T("메모리 2 GiB 미만 또는 sa 비밀번호가 복잡성 규칙 위반", "memory below 2 GiB, or an sa password that breaks the complexity rules"),
		d.T("memory: 2Gi 이상, 8자 이상 대/소문자·숫자·기호 비밀번호", "memory: 2Gi or more; a password of 8+ characters mixing cases, digits and symbols"), d.T("Secret 생성 시 확인", "check when creating the Secret")}}
}
