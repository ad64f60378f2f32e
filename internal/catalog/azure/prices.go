package azure

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"time"
)

// Item is one price in the Azure Retail Prices API item format, so that a
// refreshed cache and the embedded snapshot are the same shape. Provenance
// is physarch's addition; refreshed items get it from the refresh.
type Item struct {
	CurrencyCode         string        `json:"currencyCode"`
	TierMinimumUnits     float64       `json:"tierMinimumUnits"`
	ReservationTerm      string        `json:"reservationTerm,omitempty"`
	RetailPrice          float64       `json:"retailPrice"`
	UnitPrice            float64       `json:"unitPrice"`
	ArmRegionName        string        `json:"armRegionName"`
	Location             string        `json:"location"`
	EffectiveStartDate   string        `json:"effectiveStartDate"`
	EffectiveEndDate     string        `json:"effectiveEndDate,omitempty"`
	MeterID              string        `json:"meterId"`
	MeterName            string        `json:"meterName"`
	ProductID            string        `json:"productId"`
	SkuID                string        `json:"skuId"`
	ProductName          string        `json:"productName"`
	SkuName              string        `json:"skuName"`
	ServiceName          string        `json:"serviceName"`
	ServiceID            string        `json:"serviceId"`
	ServiceFamily        string        `json:"serviceFamily"`
	UnitOfMeasure        string        `json:"unitOfMeasure"`
	Type                 string        `json:"type"`
	IsPrimaryMeterRegion bool          `json:"isPrimaryMeterRegion"`
	ArmSkuName           string        `json:"armSkuName"`
	SavingsPlan          []SavingsPlan `json:"savingsPlan,omitempty"`
	Provenance           *Provenance   `json:"physarch,omitempty"`
}

// SavingsPlan is a savings-plan price for a term.
type SavingsPlan struct {
	UnitPrice   float64 `json:"unitPrice"`
	RetailPrice float64 `json:"retailPrice"`
	Term        string  `json:"term"`
}

// Provenance says where a price came from; Estimate, when set, is the rule
// used because no source had the figure.
type Provenance struct {
	Source   string `json:"source"`
	Date     string `json:"date"`
	Estimate string `json:"estimate,omitempty"`
}

// Page is one Retail Prices API response page (and the snapshot's shape).
type Page struct {
	BillingCurrency    string  `json:"BillingCurrency"`
	CustomerEntityID   string  `json:"CustomerEntityId"`
	CustomerEntityType string  `json:"CustomerEntityType"`
	Items              []Item  `json:"Items"`
	NextPageLink       *string `json:"NextPageLink"`
	Count              int     `json:"Count"`
}

// snapshot is the embedded price data: prices.json for the core and one
// prices-<block>.json per building block that needs prices of its own, so
// that adding a block adds a file rather than editing a shared one.
//
//go:embed data/*.json
var snapshot embed.FS

// Prices is a set of price items to choose from.
type Prices struct {
	Items []Item
	// Origin names the data set: "embedded snapshot" or a cache file.
	Origin string
}

// Embedded returns the snapshot compiled into physarch.
func Embedded() (*Prices, error) {
	items, err := embeddedItems()
	if err != nil {
		return nil, err
	}
	return &Prices{Items: items, Origin: "embedded snapshot"}, nil
}

// embeddedItems parses the snapshot once per process: it is compiled in
// and never changes, and nothing writes to the items (callers that add
// rows append to their own slice).
var embeddedItems = sync.OnceValues(func() ([]Item, error) {
	files, err := fs.Glob(snapshot, "data/*.json")
	if err != nil {
		return nil, fmt.Errorf("embedded price snapshot: %w", err)
	}
	sort.Strings(files) // the order prices are tried in is part of the output
	var items []Item
	for _, f := range files {
		data, err := snapshot.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("embedded price snapshot %s: %w", f, err)
		}
		var p Page
		if err := json.Unmarshal(data, &p); err != nil {
			return nil, fmt.Errorf("embedded price snapshot %s is damaged: %w", f, err)
		}
		items = append(items, p.Items...)
	}
	return items, nil
})

// Meter says which price a cost component needs.
type Meter struct {
	Service string // serviceName
	ArmSku  string // armSkuName; empty for services the API leaves empty (AKS, Load Balancer)
	Sku     string // skuName, when ArmSku does not identify the row
	Meter   string // meterName (without " Spot")
	Product string // productName, when sizes repeat across products (Redis tiers)
	Spot    bool   // the Spot row
}

func (m Meter) String() string {
	s := m.Service + " " + strings.TrimSpace(m.ArmSku+" "+m.Sku+" "+m.Meter)
	if m.Spot {
		s += " Spot"
	}
	return s
}

// Price is a chosen price with what the output must say about it.
type Price struct {
	Item
	Region   string // the region the price is really for
	Fallback bool   // not the region asked for
}

// Lookup chooses the price for a meter in a region, handling the API's
// pitfalls: Windows, Low Priority and DevTest rows are never chosen; Spot
// rows only when asked for; reservations are ignored here (see
// ReservationHourly); several effective dates resolve to the one in effect
// at now; when the region has no row, the catalog's region (or Global) is
// used and marked as a fallback.
func (p *Prices) Lookup(m Meter, region string, now time.Time) (Price, error) {
	var cands []Item
	for _, it := range p.Items {
		if !matches(it, m) {
			continue
		}
		if !inEffect(it, now) {
			continue
		}
		cands = append(cands, it)
	}
	if len(cands) == 0 {
		return Price{}, fmt.Errorf("no price for %s", m)
	}
	pick := func(region string) (Item, bool) {
		var best *Item
		for i := range cands {
			c := &cands[i]
			if c.ArmRegionName != region {
				continue
			}
			if best == nil || c.EffectiveStartDate > best.EffectiveStartDate {
				best = c
			}
		}
		if best == nil {
			return Item{}, false
		}
		return *best, true
	}
	if it, ok := pick(region); ok {
		return Price{Item: it, Region: region}, nil
	}
	if it, ok := pick("Global"); ok {
		return Price{Item: it, Region: "Global"}, nil
	}
	// Fallback: the newest row of any region, in a fixed order so the
	// choice is deterministic.
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].ArmRegionName != cands[j].ArmRegionName {
			return cands[i].ArmRegionName < cands[j].ArmRegionName
		}
		return cands[i].EffectiveStartDate > cands[j].EffectiveStartDate
	})
	it := cands[0]
	return Price{Item: it, Region: it.ArmRegionName, Fallback: true}, nil
}

func matches(it Item, m Meter) bool {
	if it.ServiceName != m.Service || it.Type != "Consumption" || it.ReservationTerm != "" {
		return false
	}
	if strings.HasSuffix(it.ProductName, " Windows") || strings.Contains(it.SkuName, "Low Priority") || strings.Contains(it.MeterName, "Low Priority") {
		return false
	}
	spot := strings.HasSuffix(it.SkuName, " Spot") || strings.HasSuffix(it.MeterName, " Spot")
	if spot != m.Spot {
		return false
	}
	if m.ArmSku != "" && it.ArmSkuName != m.ArmSku {
		return false
	}
	if m.Sku != "" && it.SkuName != m.Sku && it.SkuName != m.Sku+" Spot" {
		return false
	}
	if m.Meter != "" && strings.TrimSuffix(it.MeterName, " Spot") != m.Meter {
		return false
	}
	if m.Product != "" && it.ProductName != m.Product {
		return false
	}
	return true
}

func inEffect(it Item, now time.Time) bool {
	if t, err := time.Parse(time.RFC3339, it.EffectiveStartDate); err == nil && t.After(now) {
		return false
	}
	if it.EffectiveEndDate != "" {
		if t, err := time.Parse(time.RFC3339, it.EffectiveEndDate); err == nil && !t.After(now) {
			return false
		}
	}
	return true
}

// SavingsPlanHourly returns the hourly savings-plan price for a term
// ("1 Year", "3 Years"), if the row has one.
func (p Price) SavingsPlanHourly(term string) (float64, bool) {
	for _, s := range p.SavingsPlan {
		if s.Term == term {
			return s.RetailPrice, true
		}
	}
	return 0, false
}

// ReservationHourly converts a reservation row's price, which the API gives
// as the total for the whole term although the unit says "1 Hour", to an
// hourly figure.
func ReservationHourly(it Item) (float64, error) {
	switch it.ReservationTerm {
	case "1 Year":
		return it.RetailPrice / 8760, nil
	case "3 Years":
		return it.RetailPrice / 26280, nil
	}
	return 0, fmt.Errorf("not a reservation row: term %q", it.ReservationTerm)
}
