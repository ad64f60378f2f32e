package azure

// BackupFacts is what a managed service does by itself to keep its data
// recoverable, as its documentation states it: how often it copies, and
// how a restore goes and how long it takes. The documents' backup table
// prints them with the source; what a deployment configures (retention,
// geo-redundancy) is the component's, from its Terraform.
type BackupFacts struct {
	Frequency, Recovery Note
	Source              Source
}

// PostgreSQLBackup is Flexible Server's automatic backup: "Snapshot
// backups are currently taken once daily", transaction logs as each WAL
// file is ready, "In general, the delay (recovery point objective, or
// RPO) can be up to 15 minutes"; a point-in-time restore creates a new
// server and "usually takes from few minutes up to a few hours".
var PostgreSQLBackup = BackupFacts{
	// Not worded as an RPO: the environment states its own RPO target,
	// and the audit (AU026) holds a package to one RPO per environment.
	Frequency: Note{En: "snapshot daily; transaction log (WAL) as each file fills, at most 15 min behind",
		Ko: "스냅샷 매일, 트랜잭션 로그(WAL)는 파일이 찰 때마다 (최대 15분 지연)"},
	Recovery: Note{En: "point-in-time restore to a new server: a few minutes to a few hours",
		Ko: "새 서버로 특정 시점 복원: 수 분에서 수 시간"},
	Source: Source{Ref: "MicrosoftDocs/azure-docs articles/postgresql/flexible-server/concepts-backup-restore.md", Date: "2021-11-30"},
}

// KeyVaultSoftDelete is Key Vault's soft delete: a deleted secret (or
// the vault) is kept for the retention days set at creation (7–90) and
// can be recovered in that time; purge protection forbids purging it
// before then, even by an owner.
var KeyVaultSoftDelete = BackupFacts{
	Frequency: Note{En: "on every deletion", Ko: "삭제할 때마다"},
	Recovery:  Note{En: "recover the deleted secret or vault within the retention", Ko: "보존 기간 안에 삭제된 시크릿이나 Key Vault 복구"},
	Source:    Source{Ref: "MicrosoftDocs/azure-docs articles/key-vault/general/soft-delete-overview.md", Date: "2022-01-25"},
}

// AzureSQLBackup is Azure SQL Database's automatic backup: "full
// backups every week, differential backups every 12-24 hours, and
// transaction log backups every 10 minutes" (the differential interval is
// the Terraform's short_term_retention_policy.backup_interval_in_hours,
// so the component prints it); a point-in-time restore creates a new
// database on the same server and "usually takes <12 hours".
var AzureSQLBackup = BackupFacts{
	Frequency: Note{En: "full weekly, transaction log about every 10 min", Ko: "전체 매주, 트랜잭션 로그 약 10분마다"},
	Recovery:  Note{En: "point-in-time restore to a new database on the same server: usually under 12 hours", Ko: "같은 서버에 새 데이터베이스로 특정 시점 복원: 보통 12시간 이내"},
	Source:    Source{Ref: "MicrosoftDocs/sql-docs azure-sql/database/automated-backups-overview.md", Date: "2022-07-20"},
}

// CosmosContinuousBackup is Cosmos DB's continuous backup: "all
// mutations performed on the source account ... are backed up
// asynchronously within 100 seconds", restorable to any point of the
// retention (7 or 30 days) into a new account; the document gives no
// restore time ("will depend on the amount of data"), so none is printed.
var CosmosContinuousBackup = BackupFacts{
	Frequency: Note{En: "continuous, within 100 s", Ko: "연속, 100초 이내"},
	Recovery:  Note{En: "point-in-time restore to a new account (`az cosmosdb restore`); time depends on the data", Ko: "새 계정으로 특정 시점 복원 (`az cosmosdb restore`), 소요 시간은 데이터 양에 따라 다름"},
	Source:    Source{Ref: "MicrosoftDocs/azure-databases-docs articles/cosmos-db/continuous-backup-restore-introduction.md", Date: "2024-04-15"},
}
