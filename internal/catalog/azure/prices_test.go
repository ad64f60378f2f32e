package azure

import (
	"math"
	"testing"
	"time"
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
	}
	// Every VM size the capacity catalog knows has a price.
	for _, vm := range VMNames() {
		if _, err := p.Lookup(Meter{Service: "Virtual Machines", ArmSku: vm}, "koreacentral", now); err != nil {
			t.Errorf("%s: %v", vm, err)
		}
	}
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
		{"fallback region marked", []Item{base}, vm, "koreacentral", 0.096, true},
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
