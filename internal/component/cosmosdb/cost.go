package cosmosdb

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// The meters, as the catalog's Retail Prices items name them.
var (
	meterManual     = azure.Meter{Service: "Azure Cosmos DB", Product: "Azure Cosmos DB", Sku: "RUs", Meter: "100 RU/s"}
	meterAutoscale  = azure.Meter{Service: "Azure Cosmos DB", Product: "Azure Cosmos DB autoscale", Sku: "RUs", Meter: "100 RU/s"}
	meterMultiWrite = azure.Meter{Service: "Azure Cosmos DB", Product: "Azure Cosmos DB", Sku: "mRUs", Meter: "100 Multi-master RU/s"}
	meterServerless = azure.Meter{Service: "Azure Cosmos DB", Product: "Azure Cosmos DB serverless", Sku: "RUs", Meter: "1M RUs"}
	meterStorage    = azure.Meter{Service: "Azure Cosmos DB", Product: "Azure Cosmos DB", Sku: "RUs", Meter: "Data Stored"}
	meterContinuous = azure.Meter{Service: "Azure Cosmos DB", Product: "Azure Cosmos DB - PITR", Sku: "Backup", Meter: "Continuous Backup"}
	meterPeriodic   = azure.Meter{Service: "Azure Cosmos DB", Product: "Azure Cosmos DB Snapshot", Sku: "Standard", Meter: "Data Stored"}
)

// zonePremium is what a zone-redundant region adds to manual throughput
// and to serverless request units; Microsoft waives it for autoscale and
// for multi-region writes (reliability-cosmos-db-nosql.md).
const zonePremium = 1.25

// CostLines implements cost.Priced: throughput in every region (manual
// per 100 RU/s-hour; autoscale between its 10% floor and its maximum, at
// the autoscale rate; multi-region writes at their own rate; serverless
// per million request units, estimated), storage in every region from
// today's to a year's growth, and backup storage beyond what is free.
// The pod's cost is in the node pool it runs on.
func (c *Component) CostLines(_ *plan.Env) []cost.Line {
	if !c.Managed() {
		return nil
	}
	n := float64(len(c.Regions))
	var lines []cost.Line
	units := float64(c.TotalRUs()) / 100
	switch {
	case c.Capacity == "serverless":
		f, zr, zrKo := 1.0, "", ""
		if c.ZoneRedundant() {
			f, zr, zrKo = zonePremium, ", × 1.25 zone-redundant", ", 영역 중복 × 1.25"
		}
		q := math.Round(c.MonthlyMillionRU*f*10) / 10
		lines = append(lines, cost.Line{Category: "database", Name: "Cosmos DB request units (serverless)", NameKo: "Cosmos DB 요청 단위 (serverless)",
			SKU: fmt.Sprintf("%.1fM RU%s", c.MonthlyMillionRU, zr), SKUKo: fmt.Sprintf("%.1fM RU%s", c.MonthlyMillionRU, zrKo),
			Meter: meterServerless, Qty: q, QtyMax: q, Unit: "1M RU", PerMonth: 1,
			Estimate:   fmt.Sprintf("request units a month = peak RU/s of the services using Cosmos DB (req/s × RU per request + messages consumed/s × RU per message) × %.0f%% average load × 730 h × 3,600 s", serverlessLoad*100),
			EstimateKo: fmt.Sprintf("월 요청 단위 = Cosmos DB를 쓰는 서비스의 피크 RU/s (req/s × 요청당 RU + 소비 메시지/s × 메시지당 RU) × 평균 부하 %.0f%% × 730시간 × 3,600초", serverlessLoad*100)})
	case c.MultiRegionWrites:
		lo, hi := units, units
		if c.Capacity == "autoscale" {
			lo = units * 0.1
		}
		lines = append(lines, cost.Line{Category: "database", Name: "Cosmos DB throughput (multi-region writes)", NameKo: "Cosmos DB 처리량 (다중 리전 쓰기)", SKU: c.throughputSKU(), SKUKo: c.throughputSKUKo(),
			Meter: meterMultiWrite, Qty: lo * n, QtyMax: hi * n, Unit: "100 RU/s-hour", PerMonth: cost.HoursPerMonth})
	case c.Capacity == "autoscale":
		lines = append(lines, cost.Line{Category: "database", Name: "Cosmos DB throughput (autoscale)", NameKo: "Cosmos DB 처리량 (autoscale)", SKU: c.throughputSKU(), SKUKo: c.throughputSKUKo(),
			Meter: meterAutoscale, Qty: units * 0.1 * n, QtyMax: units * n, Unit: "100 RU/s-hour", PerMonth: cost.HoursPerMonth})
	default:
		f := 0.0
		for _, r := range c.Regions {
			if r.ZoneRedundant {
				f += zonePremium
			} else {
				f++
			}
		}
		lines = append(lines, cost.Line{Category: "database", Name: "Cosmos DB throughput (provisioned)", NameKo: "Cosmos DB 처리량 (프로비저닝)", SKU: c.throughputSKU(), SKUKo: c.throughputSKUKo(),
			Meter: meterManual, Qty: units * f, QtyMax: units * f, Unit: "100 RU/s-hour", PerMonth: cost.HoursPerMonth})
	}
	stored, planned := c.Figures.StoredGB*n, c.Figures.PlannedGB*n
	lines = append(lines, cost.Line{Category: "database", Name: "Cosmos DB storage", NameKo: "Cosmos DB 스토리지", SKU: fmt.Sprintf("%s GB now, %s GB in a year%s", gb(c.Figures.StoredGB), gb(c.Figures.PlannedGB), c.perRegion()),
		SKUKo: fmt.Sprintf("현재 %s GB, 1년 후 %s GB%s", gb(c.Figures.StoredGB), gb(c.Figures.PlannedGB), c.perRegionKo()),
		Meter: meterStorage, Qty: stored, QtyMax: planned, Unit: "GB-month", PerMonth: 1})
	switch {
	case c.Backup.Type == "continuous" && c.Backup.Tier == "Continuous30Days":
		lines = append(lines, cost.Line{Category: "database", Name: "Cosmos DB continuous backup (30 days)", NameKo: "Cosmos DB 연속 백업 (30일)", SKU: fmt.Sprintf("%s–%s GB%s", gb(c.Figures.StoredGB), gb(c.Figures.PlannedGB), c.perRegion()),
			SKUKo: fmt.Sprintf("%s–%s GB%s", gb(c.Figures.StoredGB), gb(c.Figures.PlannedGB), c.perRegionKo()),
			Meter: meterContinuous, Qty: stored, QtyMax: planned, Unit: "GB-month", PerMonth: 1})
	case c.Backup.Type == "periodic":
		if copies := c.extraCopies(); copies > 0 {
			lines = append(lines, cost.Line{Category: "database", Name: "Cosmos DB periodic backup copies", NameKo: "Cosmos DB 주기적 백업 사본", SKU: fmt.Sprintf("%d copies beyond the 2 free", copies),
				SKUKo: fmt.Sprintf("무료 2개를 넘는 사본 %d개", copies),
				Meter: meterPeriodic, Qty: stored * float64(copies), QtyMax: planned * float64(copies), Unit: "GB-month", PerMonth: 1})
		}
	}
	return lines
}

// extraCopies is how many periodic backups are kept beyond the two
// Cosmos DB stores for free: retention ÷ interval − 2 (the rule infracost
// prices periodic backup by).
func (c *Component) extraCopies() int {
	if c.Backup.IntervalMinutes <= 0 {
		return 0
	}
	return max(0, c.Backup.RetentionHours*60/c.Backup.IntervalMinutes-2)
}

// throughputSKU spells the throughput the cost row is for.
func (c *Component) throughputSKU() string {
	regions := c.perRegion()
	var zr []string
	for _, r := range c.Regions {
		if r.ZoneRedundant && c.Capacity == "provisioned" && !c.MultiRegionWrites {
			zr = append(zr, r.Name)
		}
	}
	z := ""
	if len(zr) > 0 {
		z = ", × 1.25 zone-redundant in " + strings.Join(zr, ", ")
	}
	if c.Capacity == "autoscale" {
		return fmt.Sprintf("autoscale max %s RU/s (%s–%s)%s", thousands(c.TotalRUs()), thousands(c.TotalRUs()/10), thousands(c.TotalRUs()), regions)
	}
	return fmt.Sprintf("%s RU/s%s%s", thousands(c.TotalRUs()), regions, z)
}

// throughputSKUKo is throughputSKU in Korean.
func (c *Component) throughputSKUKo() string {
	var zr []string
	for _, r := range c.Regions {
		if r.ZoneRedundant && c.Capacity == "provisioned" && !c.MultiRegionWrites {
			zr = append(zr, r.Name)
		}
	}
	z := ""
	if len(zr) > 0 {
		z = ", " + strings.Join(zr, ", ") + " 영역 중복 × 1.25"
	}
	if c.Capacity == "autoscale" {
		return fmt.Sprintf("autoscale 최대 %s RU/s (%s–%s)%s", thousands(c.TotalRUs()), thousands(c.TotalRUs()/10), thousands(c.TotalRUs()), c.perRegionKo())
	}
	return fmt.Sprintf("%s RU/s%s%s", thousands(c.TotalRUs()), c.perRegionKo(), z)
}

// perRegionKo is perRegion in Korean.
func (c *Component) perRegionKo() string {
	if len(c.Regions) < 2 {
		return ""
	}
	return fmt.Sprintf(" × 리전 %d개", len(c.Regions))
}

// perRegion is " × N regions" where the account has several.
func (c *Component) perRegion() string {
	if len(c.Regions) < 2 {
		return ""
	}
	return fmt.Sprintf(" × %d regions", len(c.Regions))
}

// rus prints a planned RU/s figure (already rounded to 0.1 by roundRU)
// with thousands separators and its decimal where it is not whole: 3,200
// or 12.5. It formats and never rounds again.
func rus(v float64) string {
	whole, frac, _ := strings.Cut(strconv.FormatFloat(v, 'f', 1, 64), ".")
	n, _ := strconv.Atoi(whole)
	if frac == "0" {
		return thousands(n)
	}
	return thousands(n) + "." + frac
}

// rate prints a planned rate (req/s, messages/s: 0.01 steps) as the plan
// holds it: 166.67, 400.
func rate(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// gb prints a size in GB without trailing zeros.
func gb(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", v), "0"), ".")
}

// thousands prints an integer with thousands separators: 12,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
