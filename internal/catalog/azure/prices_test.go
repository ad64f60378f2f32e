package azure

import (
	"math"
	"strings"
	"testing"
	"time"
	"unicode"
)

var now = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

func TestEmbeddedSnapshotHasProvenance(t *testing.T) {
	p, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) < 50 {
		t.Fatalf("only %d items", len(p.Items))
	}
	for _, it := range p.Items {
		if it.Provenance == nil || it.Provenance.Source == "" || it.Provenance.Date == "" || it.ArmRegionName == "" {
			t.Errorf("%s %s: price without source, date or region", it.ServiceName, it.MeterName)
		}
		if it.Provenance != nil && it.Provenance.Source == "physarch estimate" && it.Provenance.Estimate == "" {
			t.Errorf("%s %s: estimate without its rule", it.ServiceName, it.MeterName)
		}
		// The Korean documents print the rule and the open question too:
		// each needs its Korean form beside the English (issue 14).
		if pv := it.Provenance; pv != nil && (pv.Estimate != "") != hasHangul(pv.EstimateKo) {
			t.Errorf("%s %s: estimate %q has Korean %q", it.ServiceName, it.MeterName, pv.Estimate, pv.EstimateKo)
		}
		if pv := it.Provenance; pv != nil && (pv.Open != "") != hasHangul(pv.OpenKo) {
			t.Errorf("%s %s: open question %q has Korean %q", it.ServiceName, it.MeterName, pv.Open, pv.OpenKo)
		}
	}
	// Every VM size the capacity catalog knows has a price.
	for _, vm := range VMNames() {
		if _, err := p.Lookup(Meter{Service: "Virtual Machines", ArmSku: vm}, "koreacentral", now); err != nil {
			t.Errorf("%s: %v", vm, err)
		}
	}
}

func hasHangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

// item builds a test row in the API format.
func item(region, meter, sku, product, start string, price float64) Item {
	return Item{ServiceName: "Virtual Machines", ArmSkuName: "Standard_D2s_v3", MeterName: meter, SkuName: sku, ProductName: product,
		ArmRegionName: region, EffectiveStartDate: start, RetailPrice: price, UnitPrice: price, Type: "Consumption", UnitOfMeasure: "1 Hour"}
}

func TestLookupPitfalls(t *testing.T) {
	vm := Meter{Service: "Virtual Machines", ArmSku: "Standard_D2s_v3"}
	base := item("eastus", "D2s v3", "D2s v3", "Virtual Machines DSv3 Series", "2017-12-15T00:00:00Z", 0.096)
	cases := []struct {
		name   string
		items  []Item
		meter  Meter
		region string
		want   float64
		fallbk bool
	}{
		{"non-primary meter region is used", []Item{func() Item { i := base; i.IsPrimaryMeterRegion = false; return i }()}, vm, "eastus", 0.096, false},
		{"Windows row ignored", []Item{item("eastus", "D2s v3", "D2s v3", "Virtual Machines DSv3 Series Windows", "2017-12-15T00:00:00Z", 0.188), base}, vm, "eastus", 0.096, false},
		{"Spot row only when asked", []Item{item("eastus", "D2s v3 Spot", "D2s v3 Spot", "Virtual Machines DSv3 Series", "2026-06-01T00:00:00Z", 0.0188), base}, vm, "eastus", 0.096, false},
		{"Spot row chosen for Spot", []Item{item("eastus", "D2s v3 Spot", "D2s v3 Spot", "Virtual Machines DSv3 Series", "2026-06-01T00:00:00Z", 0.0188), base}, Meter{Service: "Virtual Machines", ArmSku: "Standard_D2s_v3", Spot: true}, "eastus", 0.0188, false},
		{"Low Priority ignored", []Item{item("eastus", "D2s v3 Low Priority", "D2s v3 Low Priority", "Virtual Machines DSv3 Series", "2017-12-15T00:00:00Z", 0.019), base}, vm, "eastus", 0.096, false},
		{"DevTest ignored", []Item{func() Item { i := base; i.Type = "DevTestConsumption"; i.RetailPrice = 0.05; return i }(), base}, vm, "eastus", 0.096, false},
		{"reservation ignored", []Item{func() Item {
			i := base
			i.Type = "Reservation"
			i.ReservationTerm = "1 Year"
			i.RetailPrice = 500
			return i
		}(), base}, vm, "eastus", 0.096, false},
		{"newest effective date in effect wins", []Item{base, item("eastus", "D2s v3", "D2s v3", "Virtual Machines DSv3 Series", "2025-01-01T00:00:00Z", 0.1), item("eastus", "D2s v3", "D2s v3", "Virtual Machines DSv3 Series", "2027-01-01T00:00:00Z", 0.2)}, vm, "eastus", 0.1, false},
		{"fallback region marked", []Item{base}, vm, "japaneast", 0.096, true},
		{"a measured ratio is not a fallback", []Item{base}, vm, "koreacentral", 0.096, false},
		{"Global meter", []Item{{ServiceName: "Load Balancer", MeterName: "Standard Included LB Rules and Outbound Rules", ArmRegionName: "Global", Type: "Consumption", RetailPrice: 0.025, EffectiveStartDate: "2020-01-01T00:00:00Z"}}, Meter{Service: "Load Balancer", Meter: "Standard Included LB Rules and Outbound Rules"}, "koreacentral", 0.025, false},
		{"empty armSkuName matched by meter", []Item{{ServiceName: "Azure Kubernetes Service", MeterName: "Standard Uptime SLA", ArmRegionName: "eastus", Type: "Consumption", RetailPrice: 0.1, EffectiveStartDate: "2020-01-01T00:00:00Z"}}, Meter{Service: "Azure Kubernetes Service", Meter: "Standard Uptime SLA"}, "eastus", 0.1, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := &Prices{Items: c.items}
			got, err := p.Lookup(c.meter, c.region, now)
			if err != nil {
				t.Fatal(err)
			}
			if got.RetailPrice != c.want || got.Fallback != c.fallbk {
				t.Errorf("price %v fallback %v, want %v %v", got.RetailPrice, got.Fallback, c.want, c.fallbk)
			}
		})
	}
}

func TestReservationHourly(t *testing.T) {
	for _, c := range []struct {
		term  string
		total float64
		want  float64
	}{{"1 Year", 876, 0.1}, {"3 Years", 2628, 0.1}} {
		got, err := ReservationHourly(Item{ReservationTerm: c.term, RetailPrice: c.total})
		if err != nil || math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s: %v %v", c.term, got, err)
		}
	}
	if _, err := ReservationHourly(Item{}); err == nil {
		t.Error("a consumption row is not a reservation")
	}
}

func TestLookupBasis(t *testing.T) {
	vm := Meter{Service: "Virtual Machines", ArmSku: "Standard_D2s_v3"}
	east := item("eastus", "D2s v3", "D2s v3", "Virtual Machines DSv3 Series", "2017-12-15T00:00:00Z", 0.096)
	west := item("westus", "D2s v3", "D2s v3", "Virtual Machines DSv3 Series", "2017-12-15T00:00:00Z", 0.1)
	kc := item("koreacentral", "D2s v3", "D2s v3", "Virtual Machines DSv3 Series", "2017-12-15T00:00:00Z", 0.123)
	kv := Item{ServiceName: "Key Vault", MeterName: "Operations", ArmRegionName: "eastus", Type: "Consumption", RetailPrice: 0.03, EffectiveStartDate: "2020-01-01T00:00:00Z"}
	fd := Item{ServiceName: "Azure Front Door Service", MeterName: "Standard Base Fees", ArmRegionName: "Zone 2", Type: "Consumption", RetailPrice: 35, EffectiveStartDate: "2020-01-01T00:00:00Z"}
	cases := []struct {
		name   string
		items  []Item
		meter  Meter
		region string
		basis  Basis
		unit   float64
		from   string // the region the row is for
		why    string // part of the reason a fallback took no ratio
	}{
		{"own region's row", []Item{east, kc}, vm, "koreacentral", BasisInRegion, 0.123, "koreacentral", ""},
		{"ratio on the base region's row", []Item{east}, vm, "koreacentral", BasisRegionRatio, 0.096 * 1.28, "eastus", ""},
		{"ratio prefers the base region over an earlier-sorted one", []Item{west, east}, vm, "koreacentral", BasisRegionRatio, 0.096 * 1.28, "eastus", ""},
		{"no ratio measured for the region", []Item{east}, vm, "japaneast", BasisFallback, 0.096, "eastus", "no VM ratio is measured for japaneast"},
		{"base region missing", []Item{west}, vm, "koreacentral", BasisFallback, 0.1, "westus", "the VM ratio compares koreacentral with eastus, not with westus"},
		{"no ratio for usage meters", []Item{kv}, Meter{Service: "Key Vault", Meter: "Operations"}, "koreacentral", BasisFallback, 0.03, "eastus", "Key Vault is not billed as VM capacity"},
		{"billing zone of the region", []Item{fd}, Meter{Service: "Azure Front Door Service", Meter: "Standard Base Fees"}, "koreacentral", BasisInRegion, 35, "Zone 2", "Zone 2 is koreacentral's"},
		{"Global meter", []Item{{ServiceName: "Load Balancer", MeterName: "x", ArmRegionName: "Global", Type: "Consumption", RetailPrice: 0.025}}, Meter{Service: "Load Balancer", Meter: "x"}, "koreacentral", BasisInRegion, 0.025, "Global", "a Global meter"},
		{"a block's own ratio family", []Item{kv}, Meter{Service: "Key Vault", Meter: "Operations", RatioFamily: "VM"}, "koreacentral", BasisRegionRatio, 0.03 * 1.28, "eastus", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := (&Prices{Items: c.items}).Lookup(c.meter, c.region, now)
			if err != nil {
				t.Fatal(err)
			}
			if got.Basis != c.basis || math.Abs(got.Unit()-c.unit) > 1e-12 || got.Region != c.from || got.Fallback != (c.basis == BasisFallback) {
				t.Errorf("basis %s unit %v from %s fallback %v, want %s %v %s", got.Basis, got.Unit(), got.Region, got.Fallback, c.basis, c.unit, c.from)
			}
			if !strings.Contains(got.Why, c.why) || (c.why == "") != (got.Why == "") {
				t.Errorf("why %q, want it to say %q", got.Why, c.why)
			}
			if c.basis == BasisRegionRatio && got.Ratio.Rule() != "eastus × 1.28, the VM ratio in this region" {
				t.Errorf("rule %q", got.Ratio.Rule())
			}
		})
	}
}

// TestLookupTiers: rows that differ only in tierMinimumUnits are one
// meter's tiers, lowest first, each the newest in effect; a ratio scales
// every tier.
func TestLookupTiers(t *testing.T) {
	row := func(from, price float64, start string) Item {
		return Item{ServiceName: "Service Bus", MeterName: "Standard Messaging Operations", ArmRegionName: "eastus", Type: "Consumption",
			TierMinimumUnits: from, RetailPrice: price, EffectiveStartDate: start}
	}
	items := []Item{row(100, 0.5, "2020-01-01T00:00:00Z"), row(13, 0.8, "2020-01-01T00:00:00Z"), row(0, 0, "2020-01-01T00:00:00Z"),
		row(13, 0.9, "2019-01-01T00:00:00Z"), row(2500, 0.2, "2020-01-01T00:00:00Z"), row(2500, 0.1, "2027-01-01T00:00:00Z")}
	m := Meter{Service: "Service Bus", Meter: "Standard Messaging Operations"}
	got, err := (&Prices{Items: items}).Lookup(m, "eastus", now)
	if err != nil {
		t.Fatal(err)
	}
	want := []Tier{{0, 0}, {13, 0.8}, {100, 0.5}, {2500, 0.2}}
	if len(got.Tiers) != len(want) {
		t.Fatalf("tiers %v, want %v", got.Tiers, want)
	}
	for i := range want {
		if got.Tiers[i] != want[i] {
			t.Errorf("tier %d: %v, want %v", i, got.Tiers[i], want[i])
		}
	}
	one, _ := (&Prices{Items: []Item{row(0, 0.05, "2020-01-01T00:00:00Z")}}).Lookup(m, "eastus", now)
	if one.Tiers != nil {
		t.Errorf("a single-price meter has no tiers: %v", one.Tiers)
	}
	scaled, _ := (&Prices{Items: items}).Lookup(Meter{Service: "Service Bus", Meter: "Standard Messaging Operations", RatioFamily: "VM"}, "koreacentral", now)
	if math.Abs(scaled.Tiers[1].Price-0.8*1.28) > 1e-12 {
		t.Errorf("ratio not applied to the tiers: %v", scaled.Tiers)
	}
}

// TestSnapshotDate: the embedded snapshot's date is a date, and no row is
// checked after it.
func TestSnapshotDate(t *testing.T) {
	d, err := time.Parse("2006-01-02", SnapshotDate)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := Embedded()
	if p.Date != SnapshotDate {
		t.Errorf("embedded prices dated %q", p.Date)
	}
	for _, it := range p.Items {
		if pv := it.Provenance; pv != nil && pv.Checked != "" {
			if c, err := time.Parse("2006-01-02", pv.Checked); err != nil || c.After(d) {
				t.Errorf("%s: checked %q, after the snapshot's %s", it.MeterName, pv.Checked, SnapshotDate)
			}
		}
	}
}
