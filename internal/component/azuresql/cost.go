package azuresql

import (
	"fmt"
	"math"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// The Retail Prices API's names for Azure SQL Database (serviceName "SQL
// Database"), as infracost and the captured rows spell them.
const (
	service         = "SQL Database"
	serverlessProd  = "SQL Database General Purpose - Serverless - Compute Gen5"
	backupProduct   = "SQL Database Single/Elastic Pool PITR Backup Storage"
	backupDailyRate = 0.05 // share of the data a write-only workload changes a day (assumed)
)

// tierTitle is a tier as the price list spells it.
var tierTitle = map[string]string{"GeneralPurpose": "General Purpose", "BusinessCritical": "Business Critical"}

// backupSku is a backup redundancy as the price list spells it.
var backupSku = map[string]string{"Local": "LRS", "Zone": "ZRS", "Geo": "RA-GRS"}

// CostLines implements cost.Priced: each database is billed on its own
// (vCore compute, the SQL licence, zone redundancy where General Purpose
// charges for it, storage of its max size, backup storage beyond the free
// 100% of it), or the dev pod's managed disk.
func (c *Component) CostLines(_ *plan.Env) []cost.Line {
	if !c.Managed() {
		return []cost.Line{c.podDisk()}
	}
	n := float64(len(c.Databases))
	sku := fmt.Sprintf("%d × %s", len(c.Databases), c.SKU)
	tier := tierTitle[c.Tier]
	var lines []cost.Line
	if c.Serverless() {
		rule := fmt.Sprintf("serverless bills the vCores used, per second: from %g vCores all month (never paused) to %d vCores all month; %s", c.MinVCores, c.Size.VCores, c.pauseText())
		ruleKo := fmt.Sprintf("serverless는 사용한 vCore를 초 단위로 과금: 한 달 내내 %g vCore(일시 중지 없음)부터 한 달 내내 %d vCore까지; %s", c.MinVCores, c.Size.VCores, c.pauseTextKo())
		lo, hi := n*c.MinVCores, n*float64(c.Size.VCores)
		lines = append(lines, cost.Line{Category: "database", Name: "Azure SQL serverless compute", NameKo: "Azure SQL serverless 컴퓨팅", SKU: sku,
			Meter: azure.Meter{Service: service, Product: serverlessProd, Sku: "1 vCore", Meter: "vCore"},
			Qty:   lo, QtyMax: hi, Unit: "vCore-hour", PerMonth: cost.HoursPerMonth, Estimate: rule, EstimateKo: ruleKo})
		if c.ZoneRedundant {
			lines = append(lines, cost.Line{Category: "database", Name: "Azure SQL serverless zone redundancy", NameKo: "Azure SQL serverless 영역 중복", SKU: sku,
				Meter: azure.Meter{Service: service, Product: serverlessProd, Sku: "1 vCore Zone Redundancy", Meter: "vCore"},
				Qty:   lo, QtyMax: hi, Unit: "vCore-hour", PerMonth: cost.HoursPerMonth, Estimate: rule, EstimateKo: ruleKo})
		}
	} else {
		vc := n * float64(c.Size.VCores)
		compute := "SQL Database Single/Elastic Pool " + tier + " - Compute Gen5"
		lines = append(lines, cost.Line{Category: "database", Name: "Azure SQL compute", NameKo: "Azure SQL 컴퓨팅", SKU: sku,
			Meter: azure.Meter{Service: service, Product: compute, Sku: "vCore", Meter: "vCore"},
			Qty:   vc, QtyMax: vc, Unit: "vCore-hour", PerMonth: cost.HoursPerMonth})
		if c.ZoneRedundant && c.Tier == "GeneralPurpose" {
			// Business Critical's zone redundancy is free; General
			// Purpose bills it per vCore.
			lines = append(lines, cost.Line{Category: "database", Name: "Azure SQL zone redundancy", NameKo: "Azure SQL 영역 중복", SKU: sku,
				Meter: azure.Meter{Service: service, Product: compute, Sku: "vCore Zone Redundancy", Meter: "vCore"},
				Qty:   vc, QtyMax: vc, Unit: "vCore-hour", PerMonth: cost.HoursPerMonth})
		}
		lines = append(lines, cost.Line{Category: "database", Name: "Azure SQL licence", NameKo: "Azure SQL 라이선스", SKU: sku,
			Meter: azure.Meter{Service: service, Product: "SQL Database " + tier + " - SQL License", Sku: "vCore", Meter: "vCore"},
			Qty:   vc, QtyMax: vc, Unit: "vCore-hour", PerMonth: cost.HoursPerMonth})
	}
	storage := tier
	if c.ZoneRedundant && c.Tier == "GeneralPurpose" {
		storage += " Zone Redundancy"
	}
	gb := float64(c.TotalMaxSizeGB())
	lines = append(lines, cost.Line{Category: "database", Name: "Azure SQL storage", NameKo: "Azure SQL 스토리지", SKU: fmt.Sprintf("%d GB", c.TotalMaxSizeGB()),
		Meter: azure.Meter{Service: service, Product: "SQL Database Single/Elastic Pool " + tier + " - Storage", Sku: storage, Meter: storage + " Data Stored"},
		Qty:   gb, QtyMax: gb, Unit: "GB-month", PerMonth: 1})
	red := backupSku[c.BackupRedundancy]
	extra := c.BackupExtraGB()
	lines = append(lines, cost.Line{Category: "database", Name: "Azure SQL backup storage", NameKo: "Azure SQL 백업 스토리지", SKU: fmt.Sprintf("%s, %d days", red, c.RetentionDays),
		SKUKo: fmt.Sprintf("%s, %d일", red, c.RetentionDays),
		Meter: azure.Meter{Service: service, Product: backupProduct, Sku: "Backup " + red, Meter: red + " Data Stored"},
		Qty:   extra, QtyMax: extra, Unit: "GB-month", PerMonth: 1, Estimate: c.BackupRule(), EstimateKo: c.BackupRuleKo()})
	return lines
}

// TotalMaxSizeGB is the sum of the databases' max sizes.
func (c *Component) TotalMaxSizeGB() int {
	n := 0
	for _, db := range c.Databases {
		n += db.MaxSizeGB
	}
	return n
}

// BackupGB estimates one database's point-in-time backups: a weekly full
// backup of its data for each week kept (plus the one in progress), and
// the logs and differentials of the data its writes change each day.
func (c *Component) BackupGB(db Database) float64 {
	fulls := math.Ceil(float64(c.RetentionDays)/7) + 1
	writes := float64(100-c.ReadPercent) / 100
	return fulls*db.StoredGB + db.StoredGB*writes*backupDailyRate*float64(c.RetentionDays)
}

// BackupExtraGB is the backup storage billed: what the estimate exceeds
// the free 100% of each database's max size by.
func (c *Component) BackupExtraGB() float64 {
	total := 0.0
	for _, db := range c.Databases {
		total += math.Max(0, c.BackupGB(db)-float64(db.MaxSizeGB))
	}
	return math.Round(total*10) / 10
}

// BackupRule is the estimate behind the backup storage.
func (c *Component) BackupRule() string {
	return fmt.Sprintf("backups estimated per database: (⌈%d days / 7⌉ + 1) weekly fulls × stored GB + stored GB × %d%% writes × %g%% changed a day × %d days, less the free 100%% of max size",
		c.RetentionDays, 100-c.ReadPercent, backupDailyRate*100, c.RetentionDays)
}

// BackupRuleKo is BackupRule in Korean.
func (c *Component) BackupRuleKo() string {
	return fmt.Sprintf("데이터베이스별 백업 추정: (⌈%d일 / 7⌉ + 1)회 주간 전체 백업 × 저장 GB + 저장 GB × 쓰기 %d%% × 하루 변경 %g%% × %d일, 최대 크기의 100%% 무료분 제외",
		c.RetentionDays, 100-c.ReadPercent, backupDailyRate*100, c.RetentionDays)
}

// podDisk is the dev pod's Standard SSD managed disk (managed-csi), at
// the smallest size that holds it.
func (c *Component) podDisk() cost.Line {
	gb := c.Pod.StorageGB
	sku, est, estKo := "E4", "", ""
	switch {
	case gb <= 32:
	case gb <= 64:
		sku = "E6"
	default:
		sku, est = "E30", "an E30 (1 TiB) disk priced for a disk over 64 GiB: the catalog has no E10–E20 prices, so this overstates"
		estKo = "64 GiB를 넘는 디스크를 E30(1 TiB) 가격으로 계산: 카탈로그에 E10–E20 가격이 없어 실제보다 높음"
	}
	return cost.Line{Category: "database", Name: "SQL Server pod disk", NameKo: "SQL Server Pod 디스크", SKU: fmt.Sprintf("%d GiB %s", gb, sku),
		Meter: azure.Meter{Service: "Storage", Sku: sku + " LRS"}, Qty: 1, QtyMax: 1, Unit: "disk-month", PerMonth: 1, Estimate: est, EstimateKo: estKo}
}

// pauseTextKo is pauseText in Korean.
func (c *Component) pauseTextKo() string {
	if c.AutoPause < 0 {
		return "자동 일시 중지 꺼짐"
	}
	return fmt.Sprintf("일시 중지된 시간(유휴 %d분 후)은 과금되지 않음", c.AutoPause)
}

// pauseText says when a serverless database pauses.
func (c *Component) pauseText() string {
	if c.AutoPause < 0 {
		return "auto-pause is off"
	}
	return fmt.Sprintf("paused hours (after %d idle minutes) cost nothing", c.AutoPause)
}
