package azure

import (
	"math"
	"strings"
	"testing"
)

// The catalog audit of 2026-12-01 (shared/reference/azure-reference-data.md,
// "Catalog audit"): one test per correction, each pinning the figure, the
// region it is for and its source.

const (
	kp = "Azure/karpenter-provider-azure pkg/providers/pricing/zz_generated.pricing.go"
	ff = "rshade/finfocus-plugin-azure-public"
	tg = "mooncitizen/togen"
	ic = "infracost/infracost"
)

// row finds the one embedded row for a meter in a region (every tier of a
// tiered meter is its own row: from picks it).
func row(t *testing.T, m Meter, region string, from float64) Item {
	t.Helper()
	p, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var out []Item
	for _, it := range p.Items {
		if matches(it, m) && it.ArmRegionName == region && it.TierMinimumUnits == from {
			out = append(out, it)
		}
	}
	if len(out) != 1 {
		t.Fatalf("%s in %s from %v: %d rows, want 1", m, region, from, len(out))
	}
	return out[0]
}

type pin struct {
	meter    Meter
	region   string
	from     float64
	price    float64
	source   string // part of the source
	date     string
	estimate string // part of the estimate rule; "" for a sourced row
}

func (p pin) check(t *testing.T) {
	t.Helper()
	it := row(t, p.meter, p.region, p.from)
	if math.Abs(it.RetailPrice-p.price) > 1e-9 {
		t.Errorf("%s %s: %v, want %v", p.meter, p.region, it.RetailPrice, p.price)
	}
	pv := it.Provenance
	if pv == nil {
		t.Fatalf("%s %s: no provenance", p.meter, p.region)
	}
	if !strings.Contains(pv.Source, p.source) || pv.Date != p.date {
		t.Errorf("%s %s: source %q %s, want %q %s", p.meter, p.region, pv.Source, pv.Date, p.source, p.date)
	}
	if (p.estimate == "") != (pv.Estimate == "") || !strings.Contains(pv.Estimate, p.estimate) {
		t.Errorf("%s %s: estimate %q, want %q", p.meter, p.region, pv.Estimate, p.estimate)
	}
	if pv.Checked != "2026-12-01" {
		t.Errorf("%s %s: checked %q, want the audit's date", p.meter, p.region, pv.Checked)
	}
}

func vmMeter(arm string, spot bool) Meter {
	return Meter{Service: "Virtual Machines", ArmSku: arm, Spot: spot}
}

func TestAuditKoreaCentralVMs(t *testing.T) {
	for arm, price := range map[string]float64{
		"Standard_B2s": 0.052, "Standard_B2ms": 0.104, "Standard_B4ms": 0.208,
		"Standard_D2s_v3": 0.123, "Standard_D4s_v3": 0.246, "Standard_D8s_v3": 0.492,
		"Standard_D2s_v5": 0.118, "Standard_D4s_v5": 0.236, "Standard_D8s_v5": 0.472, "Standard_D16s_v5": 0.944,
		"Standard_D2ds_v5": 0.139, "Standard_D4ds_v5": 0.278, "Standard_E4s_v5": 0.304, "Standard_E8s_v5": 0.608,
	} {
		t.Run(arm, func(t *testing.T) {
			pin{meter: vmMeter(arm, false), region: "koreacentral", price: price, source: kp, date: "2026-06-18"}.check(t)
		})
	}
	if it := row(t, vmMeter("Standard_D2s_v3", false), "koreacentral", 0); it.MeterID != "7c439de8-4618-4b5f-8310-9c5ffd096c6f" || !strings.Contains(it.Provenance.Source, ff) {
		t.Errorf("D2s_v3 koreacentral is confirmed by FF's capture, meter 7c439de8…: %q %q", it.MeterID, it.Provenance.Source)
	}
	// Every general-purpose size the capacity catalog knows is priced in
	// Korea Central; the GPU sizes (NC…T4_v3) came later, from a source
	// with eastus rows only, and are fallbacks there (no ratio applies).
	for _, vm := range VMNames() {
		if strings.HasPrefix(vm, "Standard_N") {
			continue
		}
		row(t, vmMeter(vm, false), "koreacentral", 0)
	}
}

func TestAuditKoreaCentralSpot(t *testing.T) {
	pin{meter: vmMeter("Standard_D2s_v3", true), region: "koreacentral", price: 0.02273, source: ff, date: "2026-06-01"}.check(t)
	it := row(t, vmMeter("Standard_D2s_v3", true), "koreacentral", 0)
	if it.MeterID != "e295fee0-6808-5334-8bdd-a9c0003cec62" || it.EffectiveStartDate != "2025-10-01T00:00:00Z" {
		t.Errorf("meter %s from %s, want e295fee0… from 2025-10-01", it.MeterID, it.EffectiveStartDate)
	}
}

func TestAuditDdsv5(t *testing.T) {
	// Estimated as 0.096 / 0.192: 15% low.
	pin{meter: vmMeter("Standard_D2ds_v5", false), region: "eastus", price: 0.113, source: kp, date: "2026-06-18"}.check(t)
	pin{meter: vmMeter("Standard_D4ds_v5", false), region: "eastus", price: 0.226, source: kp, date: "2026-06-18"}.check(t)
}

func TestAuditBSeries(t *testing.T) {
	// Estimated as 0.048 / 0.096 / 0.192: high.
	for arm, price := range map[string]float64{"Standard_B2s": 0.0416, "Standard_B2ms": 0.0832, "Standard_B4ms": 0.166} {
		pin{meter: vmMeter(arm, false), region: "eastus", price: price, source: kp, date: "2026-06-18"}.check(t)
	}
}

func TestAuditEastUSEstimatesReplaced(t *testing.T) {
	for arm, price := range map[string]float64{
		"Standard_D4s_v3": 0.192, "Standard_D8s_v3": 0.384, "Standard_D2s_v5": 0.096, "Standard_D4s_v5": 0.192,
		"Standard_D8s_v5": 0.384, "Standard_D16s_v5": 0.768, "Standard_E4s_v5": 0.252, "Standard_E8s_v5": 0.504,
	} {
		t.Run(arm, func(t *testing.T) {
			pin{meter: vmMeter(arm, false), region: "eastus", price: price, source: kp, date: "2026-06-18"}.check(t)
			// KP has no savings plans: the row's are an estimate, and say so.
			it := row(t, vmMeter(arm, false), "eastus", 0)
			if it.Provenance.SavingsPlanEstimate == "" || len(it.SavingsPlan) != 2 {
				t.Errorf("savings plans %v without their rule", it.SavingsPlan)
			}
		})
	}
	// Spot rows follow the sourced pay-as-you-go price at D2s_v3's ratio.
	pin{meter: vmMeter("Standard_D4ds_v5", true), region: "eastus", price: 0.044296, source: "physarch estimate", date: "2026-12-01", estimate: "0.196"}.check(t)
}

func TestAuditRedisSmallSizes(t *testing.T) {
	redis := func(tier, size string) Meter {
		return Meter{Service: "Redis Cache", Product: "Azure Redis Cache " + tier, Meter: size + " Cache Instance"}
	}
	pin{meter: redis("Basic", "C0"), region: "eastus", price: 0.022, source: tg, date: "2026-09-06"}.check(t)
	pin{meter: redis("Standard", "C0"), region: "uksouth", price: 0.0345, source: tg, date: "2026-09-06"}.check(t)
	pin{meter: redis("Standard", "C1"), region: "uksouth", price: 0.0865, source: tg, date: "2026-09-06"}.check(t)
	pin{meter: redis("Standard", "C0"), region: "eastus", price: 0.0276, source: "physarch estimate", date: "2026-12-01", estimate: "÷ 1.25"}.check(t)
	pin{meter: redis("Standard", "C1"), region: "eastus", price: 0.0692, source: "physarch estimate", date: "2026-12-01", estimate: "÷ 1.25"}.check(t)
	pin{meter: redis("Basic", "C1"), region: "eastus", price: 0.0554, source: "physarch estimate", date: "2026-12-01", estimate: "Standard C1"}.check(t)
	// Up to 5.5× low before: Basic C0 was 0.004.
	if got := row(t, redis("Basic", "C0"), "eastus", 0).RetailPrice / 0.004; got < 5.4 {
		t.Errorf("Basic C0 only %.1f× the old estimate", got)
	}
}

func TestAuditDiskP6(t *testing.T) {
	// Estimated as 9.86 (0.5 × P10) in eastus: 6% high.
	pin{meter: Meter{Service: "Storage", Sku: "P6 LRS"}, region: "westus2", price: 9.2801, source: tg, date: "2026-09-29"}.check(t)
}

func TestAuditServiceBusStandardTiers(t *testing.T) {
	ops := Meter{Service: "Service Bus", Meter: "Standard Messaging Operations"}
	for _, tier := range []struct{ from, price float64 }{{0, 0}, {13, 0.8}, {100, 0.5}, {2500, 0.2}} {
		pin{meter: ops, region: "westeurope", from: tier.from, price: tier.price, source: ic + " internal/providers/terraform/azure/testdata/servicebus_namespace_test", date: "2024-07-01"}.check(t)
	}
	p, _ := Embedded()
	got, err := p.Lookup(ops, "westeurope", now)
	if err != nil || len(got.Tiers) != 4 || got.Tiers[0].Price != 0 || got.Tiers[1].From != 13 {
		t.Errorf("the first 13M operations are included, then tiers: %+v %v", got.Tiers, err)
	}
}

func TestAuditFrontDoorByZone(t *testing.T) {
	fd := Meter{Service: "Azure Front Door Service", Meter: "Standard Base Fees"}
	it := row(t, fd, "Zone 1", 0)
	if !strings.Contains(it.Provenance.Estimate, "by zone") || it.Provenance.Checked != "2026-12-01" {
		t.Errorf("Front Door's estimate must say it is billed by zone: %+v", it.Provenance)
	}
	if BillingZone(fd.Service, "koreacentral") != "Zone 2" {
		t.Error("koreacentral bills Front Door as Zone 2 (one Korean tool)")
	}
	p, _ := Embedded()
	got, _ := p.Lookup(fd, "koreacentral", now)
	if got.Basis != BasisFallback || got.Region != "Zone 1" {
		t.Errorf("no Zone 2 row: koreacentral falls back to Zone 1, got %s %s", got.Basis, got.Region)
	}
	for _, it := range p.Items {
		if it.ServiceName == fd.Service && it.ArmRegionName == "Global" {
			t.Errorf("Front Door %s still under Global", it.MeterName)
		}
	}
}

func TestAuditAKSFreeMeterIsOpen(t *testing.T) {
	free := Meter{Service: "Azure Kubernetes Service", Meter: "FreeTierInfrastructureCost Uptime SLA"}
	pin{meter: free, region: "eastus", price: 0.05, source: ff + " internal/pricing/testdata/retail/aks/eastus_consumption.json", date: "2026-06-01"}.check(t)
	it := row(t, free, "eastus", 0)
	if it.EffectiveStartDate != "2026-10-01T00:00:00Z" || it.Provenance.Open == "" {
		t.Errorf("effective %s, open %q: the meter is an open question from 2026-10-01", it.EffectiveStartDate, it.Provenance.Open)
	}
}

func TestAuditCitations(t *testing.T) {
	for _, c := range []struct{ sku, file string }{
		{"E4 LRS", "linux_virtual_machine_test"}, {"S10 LRS", "kubernetes_cluster_node_pool_test"}, {"P10 LRS", "trimmed fixture, not a captured response"},
	} {
		it := row(t, Meter{Service: "Storage", Sku: c.sku}, "eastus", 0)
		if !strings.Contains(it.Provenance.Source, c.file) || strings.Contains(it.Provenance.Source, "managed_disk_test") {
			t.Errorf("%s cites %q, want %q", c.sku, it.Provenance.Source, c.file)
		}
	}
}

func TestAuditRatiosAreTheCatalogsQuotients(t *testing.T) {
	for _, r := range Ratios() {
		spot := r.Family == "VM Spot"
		kc := row(t, vmMeter("Standard_D2s_v3", spot), r.Region, 0).RetailPrice
		base := row(t, vmMeter("Standard_D2s_v3", spot), r.Base, 0).RetailPrice
		if got := math.Round(kc/base*100) / 100; got != r.Factor {
			t.Errorf("%s: factor %v, the rows give %v", r.Family, r.Factor, got)
		}
	}
	vm := Ratios()[0]
	if vm.Rule() != "eastus × 1.28, the VM ratio in this region" {
		t.Errorf("rule %q", vm.Rule())
	}
}
