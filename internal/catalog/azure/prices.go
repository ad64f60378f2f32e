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
// used because no source had the figure. Every field after Estimate is
// optional, so caches written before they existed still load.
type Provenance struct {
	Source   string `json:"source"`
	Date     string `json:"date"`
	Estimate string `json:"estimate,omitempty"`
	// EstimateKo is Estimate in Korean, for the Korean documents: written
	// beside the English rule so that both say the same fact.
	EstimateKo string `json:"estimateKo,omitempty"`
	// Checked is the date of the catalog audit that last checked the row
	// against its source (the source's own date is Date).
	Checked string `json:"checked,omitempty"`
	// SavingsPlanEstimate is the rule behind the row's savings-plan
	// prices when the pay-as-you-go price is sourced and they are not.
	SavingsPlanEstimate string `json:"savingsPlanEstimate,omitempty"`
	// Open is a question about the meter no source answers (is it charged
	// at all?): output shows the meter with the question and leaves it out
	// of every total, never silently as 0.
	Open string `json:"open,omitempty"`
	// OpenKo is Open in Korean, for the Korean documents.
	OpenKo string `json:"openKo,omitempty"`
	// Notes keep what the row replaced or what other sources said.
	Notes []string `json:"notes,omitempty"`
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

// SnapshotDate is the date of the embedded snapshot: the day the catalog
// was last audited against its sources as a whole (each row also keeps its
// own source's date). `physarch check` compares it with the clock.
const SnapshotDate = "2026-12-01"

// Prices is a set of price items to choose from.
type Prices struct {
	Items []Item
	// Origin names the data set: "embedded snapshot" or a cache file;
	// OriginKo says it in Korean.
	Origin, OriginKo string
	// Date is when the data set was made: SnapshotDate for the embedded
	// snapshot, the fetch date for a refreshed cache (YYYY-MM-DD).
	Date string
	// looked remembers every Lookup's answer: a build prices the same
	// meters once for the design and again for each re-planned
	// alternative, and each Lookup scans every item. Items must not change
	// once looked up (no caller changes them: a cache adds rows by making
	// a new Prices).
	looked sync.Map // lookupKey → lookedUp
}

type lookupKey struct {
	m      Meter
	region string
	now    int64
	items  int
}

type lookedUp struct {
	price Price
	err   error
}

// Embedded returns the snapshot compiled into physarch.
func Embedded() (*Prices, error) {
	items, err := embeddedItems()
	if err != nil {
		return nil, err
	}
	return &Prices{Items: items, Origin: "embedded snapshot", OriginKo: "내장 가격 스냅샷", Date: SnapshotDate}, nil
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
	// RatioFamily, when set, names the measured region ratio (see
	// ratios.go) the meter's price may take where its region has no row,
	// such as "VM" for compute billed per hour of a dedicated VM; empty
	// leaves the choice to the catalog, which decides by service.
	RatioFamily string
}

func (m Meter) String() string {
	s := m.Service + " " + strings.TrimSpace(m.ArmSku+" "+m.Sku+" "+m.Meter)
	if m.Spot {
		s += " Spot"
	}
	return s
}

// Basis says how a chosen price relates to the region asked for: the three
// kinds every cost row is marked with.
type Basis string

const (
	// BasisInRegion: a row for the region itself, a Global meter (which every
	// region pays) or the region's billing zone.
	BasisInRegion Basis = "in-region"
	// BasisFallback: another region's row, used unchanged.
	BasisFallback Basis = "fallback"
	// BasisRegionRatio: another region's row times a ratio measured between
	// the two regions on a family of meters both have (see ratios.go).
	BasisRegionRatio Basis = "region-ratio"
)

// Tier is one step of a tiered meter: Price per unit for the units of a
// month from From on (the API's tierMinimumUnits), up to the next tier.
type Tier struct {
	From  float64 `json:"from_units"`
	Price float64 `json:"unit_price_usd"`
}

// Price is a chosen price with what the output must say about it.
type Price struct {
	Item            // the catalog row the price comes from (for tiered meters, its first tier)
	Region   string // the region the row is really for
	Fallback bool   // Basis is BasisFallback: another region's price, unchanged
	Basis    Basis
	// Ratio is the ratio applied when Basis is BasisRegionRatio.
	Ratio *Ratio
	// Why says why a price from another region took no ratio, or that an
	// in-region price is a Global meter's or the region's billing zone's.
	Why string
	// WhyKo is Why in Korean, built where Why is, for the Korean documents.
	WhyKo string
	// Tiers holds every tier of a tiered meter, lowest first, with the
	// ratio applied; nil for a meter with one price.
	Tiers []Tier
}

// Factor is what the row's prices are multiplied by: the ratio's factor,
// or 1.
func (p Price) Factor() float64 {
	if p.Ratio != nil {
		return p.Ratio.Factor
	}
	return 1
}

// Unit is the price of one unit (the first tier's, for a tiered meter),
// the ratio applied.
func (p Price) Unit() float64 { return p.RetailPrice * p.Factor() }

// Lookup chooses the price for a meter in a region, handling the API's
// pitfalls: Windows, Low Priority and DevTest rows are never chosen; Spot
// rows only when asked for; reservations are ignored here (see
// ReservationHourly); several effective dates resolve to the one in effect
// at now; rows that differ only in tierMinimumUnits are the tiers of one
// meter. The region's own row wins, then a Global row, then the row of the
// region's billing zone (BillingZone); otherwise another region's row is
// used: times a measured ratio where one is defensible (RatioFor), else
// unchanged, marked as a fallback with the reason no ratio applies.
func (p *Prices) Lookup(m Meter, region string, now time.Time) (Price, error) {
	key := lookupKey{m, region, now.UnixNano(), len(p.Items)}
	if v, ok := p.looked.Load(key); ok {
		r := v.(lookedUp)
		return r.price, r.err
	}
	price, err := p.lookup(m, region, now)
	p.looked.Store(key, lookedUp{price, err})
	return price, err
}

// lookup is Lookup without the memory.
func (p *Prices) lookup(m Meter, region string, now time.Time) (Price, error) {
	var cands []Item
	for _, it := range p.Items {
		if matches(it, m) && inEffect(it, now) {
			cands = append(cands, it)
		}
	}
	if len(cands) == 0 {
		return Price{}, fmt.Errorf("no price for %s", m)
	}
	in := func(r string) []Item {
		var out []Item
		for _, c := range cands {
			if c.ArmRegionName == r {
				out = append(out, c)
			}
		}
		return out
	}
	zone := BillingZone(m.Service, region)
	for _, r := range []struct {
		name string
		why  Note
	}{
		{region, Note{}},
		{"Global", Note{"a Global meter, the same in every region", "Global 미터, 모든 리전에서 같은 가격"}},
		{zone, Note{fmt.Sprintf("billed by zone: %s is %s's", zone, region), fmt.Sprintf("영역 단위 과금: %s는 %s의 과금 영역", zone, region)}},
	} {
		if rows := in(r.name); r.name != "" && len(rows) > 0 {
			return priced(rows, r.name, BasisInRegion, nil, r.why), nil
		}
	}
	ratio, why := RatioFor(m, region)
	if ratio != nil {
		if rows := in(ratio.Base); len(rows) > 0 {
			return priced(rows, ratio.Base, BasisRegionRatio, ratio, Note{}), nil
		}
	}
	// Fallback: the newest rows of one other region, chosen in a fixed
	// order so the choice is deterministic.
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].ArmRegionName < cands[j].ArmRegionName })
	r := cands[0].ArmRegionName
	if ratio != nil {
		why = Note{fmt.Sprintf("the %s ratio compares %s with %s, not with %s", ratio.Family, region, ratio.Base, r),
			fmt.Sprintf("%s 가격 비율은 %s 대 %s 비교 값이라 %s에는 적용하지 않음", ratio.Family, region, ratio.Base, r)}
	}
	missing := Note{"no " + region + " row", region + " 가격 정보 없음"}
	if zone != "" {
		missing = Note{fmt.Sprintf("no %s row (%s's billing zone)", zone, region), fmt.Sprintf("%s 가격 정보 없음 (%s의 과금 영역)", zone, region)}
	}
	return priced(in(r), r, BasisFallback, nil, Note{missing.En + "; " + why.En, missing.Ko + "; " + why.Ko}), nil
}

// priced turns one region's candidate rows into a price: per tier minimum
// the newest row in effect; the lowest tier is the row the price names.
func priced(rows []Item, region string, basis Basis, ratio *Ratio, why Note) Price {
	best := map[float64]Item{}
	var mins []float64
	for _, r := range rows {
		b, ok := best[r.TierMinimumUnits]
		if !ok {
			mins = append(mins, r.TierMinimumUnits)
		}
		if !ok || r.EffectiveStartDate > b.EffectiveStartDate {
			best[r.TierMinimumUnits] = r
		}
	}
	sort.Float64s(mins)
	p := Price{Item: best[mins[0]], Region: region, Basis: basis, Fallback: basis == BasisFallback, Ratio: ratio, Why: why.En, WhyKo: why.Ko}
	if len(mins) > 1 || mins[0] > 0 {
		for _, m := range mins {
			p.Tiers = append(p.Tiers, Tier{From: m, Price: best[m].RetailPrice * p.Factor()})
		}
	}
	return p
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
// ("1 Year", "3 Years"), if the row has one, the ratio applied.
func (p Price) SavingsPlanHourly(term string) (float64, bool) {
	for _, s := range p.SavingsPlan {
		if s.Term == term {
			return s.RetailPrice * p.Factor(), true
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
