package blobstorage

import (
	"fmt"
	"strings"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// product is the Retail Prices API's product of a StorageV2 account's
// block blobs.
const product = "General Block Blob v2"

// CostLines implements cost.Priced: capacity by GB-month at the account's
// tier and redundancy, writes and reads by 10,000 operations, or the dev
// pod's managed disk. The first capacity tier's price applies (the API's
// tierMinimumUnits 0, up to 50 TB); the lifecycle's effect is not
// computed: it needs the age of the stored data, which no spec states.
func (c *Component) CostLines(_ *plan.Env) []cost.Line {
	if !c.Managed() {
		return c.podDisk()
	}
	sku := c.AccessTier + " " + c.Redundancy
	d := c.Volume
	var notes, notesKo []string
	note := func(en, ko string) { notes, notesKo = append(notes, en), append(notesKo, ko) }
	if !d.StatedStored {
		note(fmt.Sprintf("stored data assumed: %d GB (state storedGB)", defaultStoredGB),
			fmt.Sprintf("저장 데이터 %d GB로 가정 (`storedGB`로 명시)", defaultStoredGB))
	}
	qtyMax := d.StoredGB + 12*d.GrowthGBPerMonth
	if d.GrowthGBPerMonth > 0 {
		note("maximum after 12 months of growthGBPerMonth", "최대값은 `growthGBPerMonth`만큼 12개월 늘어난 뒤의 양")
	}
	if c.Lifecycled() {
		note("all data priced at the "+c.AccessTier+" tier: the lifecycle's moves are not computed",
			"모든 데이터를 "+c.AccessTier+" 계층 가격으로 계산: 수명 주기 정책에 따른 계층 이동은 계산하지 않음")
	}
	if qtyMax > 51200 {
		note("priced at the first 50 TB's rate; larger volumes cost slightly less per GB", "첫 50 TB 구간 요율로 계산; 이보다 큰 용량은 GB당 조금 더 저렴함")
	}
	lines := []cost.Line{{Category: "storage", Name: "Blob Storage capacity", NameKo: "Blob Storage 용량", SKU: sku,
		Meter: azure.Meter{Service: "Storage", Product: product, Sku: sku, Meter: sku + " Data Stored"},
		Qty:   d.StoredGB, QtyMax: qtyMax, Unit: "GB-month", PerMonth: 1, Estimate: strings.Join(notes, "; "), EstimateKo: strings.Join(notesKo, "; ")}}
	ops := func(name, nameKo, meter string, millions float64, stated bool, rule, ruleKo string) cost.Line {
		l := cost.Line{Category: "storage", Name: name, NameKo: nameKo, SKU: fmt.Sprintf("%sM ops", trim(millions)),
			Meter: azure.Meter{Service: "Storage", Product: product, Sku: sku, Meter: meter},
			Qty:   millions * 100, QtyMax: millions * 100, Unit: "10K operations", PerMonth: 1}
		if !stated {
			l.Estimate, l.EstimateKo = rule, ruleKo
		}
		return l
	}
	return append(lines,
		ops("Blob Storage write operations", "Blob Storage 쓰기 작업", writeMeter(c.AccessTier, c.Redundancy), d.WritesM, d.StatedWrites, writesRule, writesRuleKo),
		ops("Blob Storage read operations", "Blob Storage 읽기 작업", readMeter(c.AccessTier, c.Redundancy), d.ReadsM, d.StatedReads, readsRule, readsRuleKo))
}

// writeMeter is the meter of write operations: one per redundancy family
// below Cold (RA- accounts write as their non-RA twin), one per redundancy
// in Cold, as the API names them.
func writeMeter(tier, redundancy string) string {
	if tier == "Cold" {
		return "Cold " + redundancy + " Write Operations"
	}
	return tier + " " + strings.TrimPrefix(redundancy, "RA-") + " Write Operations"
}

// readMeter is the meter of read operations: Hot and Cool have one for
// the zone-redundant kinds and one for the others.
func readMeter(tier, redundancy string) string {
	switch {
	case tier == "Cold":
		return "Cold " + redundancy + " Read Operations"
	case strings.Contains(redundancy, "ZRS"):
		return tier + " ZRS Read Operations"
	}
	return tier + " Read Operations"
}

// podDisk is Azurite's managed disk (managed-csi: Standard SSD LRS), as
// the catalog's Standard SSD sizes price it.
func (c *Component) podDisk() []cost.Line {
	if c.Pod == nil || c.Pod.StorageGB <= 0 {
		return nil
	}
	gb := c.Pod.StorageGB
	disk, note, noteKo := "E30", "priced as E30 (1,024 GiB): E10 to E20 are not in the catalog", "E30(1,024 GiB) 가격으로 계산: 카탈로그에 E10–E20 가격이 없음"
	switch {
	case gb <= 32:
		disk, note, noteKo = "E4", "", ""
		if gb <= 16 {
			note = "priced as E4 (32 GiB), the catalog's smallest Standard SSD; a disk this small bills as E3 or less"
			noteKo = "카탈로그에서 가장 작은 Standard SSD인 E4(32 GiB) 가격으로 계산; 이만큼 작은 디스크는 E3 이하로 과금됨"
		}
	case gb <= 64:
		disk, note, noteKo = "E6", "", ""
	}
	return []cost.Line{{Category: "storage", Name: "Azurite pod disk", NameKo: "Azurite Pod 디스크", SKU: fmt.Sprintf("%d GiB %s", gb, disk),
		Meter: azure.Meter{Service: "Storage", Sku: disk + " LRS"}, Qty: 1, QtyMax: 1, Unit: "disk-month", PerMonth: 1, Estimate: note, EstimateKo: noteKo}}
}

// trim prints a figure without trailing zeros.
func trim(f float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.4f", f), "0"), ".")
}
