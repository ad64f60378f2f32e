// Package cost prices a plan: each plan resource yields cost components,
// each component names its meter, the region its price is really for, how
// that price relates to the region asked for (sourced in region, fallback,
// region-ratio estimate) and any estimate behind it, and a total is by
// construction the sum of the rows shown.
package cost

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// HoursPerMonth is the Azure convention: monthly = hourly × 730.
const HoursPerMonth = 730

// AsOf is the date prices are chosen for: fixed, so that the same spec and
// catalog always give the same figures.
var AsOf = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// Component is one priced row.
type Component struct {
	Name string `json:"name"`
	// NameKo is Name in Korean, for the Korean documents ("" when the
	// name is a product name both languages write alike).
	NameKo   string `json:"-"`
	Category string `json:"category"`
	SKU      string `json:"sku"`
	// SKUKo is SKU in Korean where it holds words ("" when it is a SKU
	// or figures both languages write alike).
	SKUKo      string  `json:"-"`
	Quantity   float64 `json:"quantity"`     // at minimum scale
	QuantityAt float64 `json:"quantity_max"` // at maximum scale
	Unit       string  `json:"unit"`
	// UnitPrice is the price of one unit (a tiered meter's first tier),
	// the region ratio applied.
	UnitPrice  float64 `json:"unit_price_usd"`
	MonthlyMin float64 `json:"monthly_min_usd"`
	MonthlyMax float64 `json:"monthly_max_usd"`
	// Savings-plan monthly figures at minimum scale, where the catalog has them.
	SavingsPlan1Y *float64 `json:"savings_plan_1y_usd,omitempty"`
	SavingsPlan3Y *float64 `json:"savings_plan_3y_usd,omitempty"`
	// SavingsPlanEstimate is the rule behind them when no source gives them.
	SavingsPlanEstimate string `json:"savings_plan_estimate,omitempty"`
	Region              string `json:"priced_region"`
	// Fallback: another region's price, used unchanged (Basis fallback).
	Fallback bool `json:"region_fallback"`
	// Basis is which of the three the price is: in-region (sourced for
	// the region asked for, a Global meter or the region's billing zone),
	// fallback, or region-ratio (estimate).
	Basis azure.Basis `json:"price_basis"`
	// RegionRule is the region-ratio rule ("eastus × 1.28, the VM ratio in
	// this region") or why a fallback took no ratio.
	RegionRule string `json:"region_rule,omitempty"`
	// RegionRuleKo is RegionRule in Korean, for the Korean documents.
	RegionRuleKo string  `json:"-"`
	Ratio        float64 `json:"region_ratio,omitempty"`
	Source       string  `json:"source"`
	SourceDate   string  `json:"source_date"`
	// Estimate is every rule behind the row: the price's (PriceEstimate)
	// and the quantity's.
	Estimate string `json:"estimate,omitempty"`
	// EstimateKo is Estimate in Korean, for the Korean documents (each
	// part's Korean form, or its English where it has none).
	EstimateKo string `json:"-"`
	// PriceEstimate is the catalog's rule for a price no source gives.
	PriceEstimate string `json:"price_estimate,omitempty"`
	// Tiers and TierArithmetic show how a tiered meter's monthly figure
	// was reached (included quantities are a tier priced 0).
	Tiers          []TierUse `json:"tiers,omitempty"`
	TierArithmetic string    `json:"tier_arithmetic,omitempty"`
	// TierArithmeticKo is TierArithmetic in Korean, for the Korean
	// documents.
	TierArithmeticKo string `json:"-"`
	// Meter names the catalog meter priced, for prices status and refresh.
	Meter string `json:"meter"`
}

// BasisLabel names which of the three kinds the row's price is, as output
// prints it: "sourced in region" (or "in region, estimated by rule" for an
// in-region row a rule derived), "fallback" or "region-ratio estimate".
func (c Component) BasisLabel() string {
	switch c.Basis {
	case azure.BasisRegionRatio:
		return "region-ratio estimate"
	case azure.BasisFallback:
		return "fallback"
	}
	if c.PriceEstimate != "" {
		return "in region, estimated by rule"
	}
	return "sourced in region"
}

// TierUse is how much of a month's quantity falls in one tier.
type TierUse struct {
	From      float64 `json:"from_units"`
	To        float64 `json:"to_units,omitempty"` // 0: no upper bound
	UnitPrice float64 `json:"unit_price_usd"`
	Units     float64 `json:"units_min"`
	UnitsMax  float64 `json:"units_max"`
}

// OpenQuestion is a meter the catalog holds but cannot say applies: it is
// shown, priced, and left out of every total.
type OpenQuestion struct {
	Name      string  `json:"name"`
	Meter     string  `json:"meter"`
	UnitPrice float64 `json:"unit_price_usd"`
	Unit      string  `json:"unit"`
	// MonthlyIfCharged is what the row would add to the total.
	MonthlyIfCharged float64     `json:"monthly_if_charged_usd"`
	Effective        string      `json:"effective_from"`
	Region           string      `json:"priced_region"`
	Basis            azure.Basis `json:"price_basis"`
	Source           string      `json:"source"`
	SourceDate       string      `json:"source_date"`
	Question         string      `json:"question"`
	// QuestionKo is Question in Korean, for the Korean documents.
	QuestionKo string `json:"-"`
}

// Report is one environment's monthly cost.
type Report struct {
	Env          string         `json:"environment"`
	Region       string         `json:"requested_region"`
	Components   []Component    `json:"components"`
	TotalMin     float64        `json:"total_min_usd"`
	TotalMax     float64        `json:"total_max_usd"`
	BudgetUSD    float64        `json:"budget_usd"`
	OverBudget   bool           `json:"over_budget"`
	OverByUSD    float64        `json:"over_by_usd,omitempty"` // at maximum scale
	Estimates    int            `json:"estimated_rows"`
	InRegion     int            `json:"in_region_rows"`
	Fallbacks    int            `json:"fallback_rows"`
	RegionRatios int            `json:"region_ratio_rows"`
	Open         []OpenQuestion `json:"open_questions,omitempty"`
	PricesOrigin string         `json:"prices_origin"`
	// PricesOriginKo is PricesOrigin in Korean, for the documents.
	PricesOriginKo string `json:"-"`
	PricesDate     string `json:"prices_date"`
	// Compute at minimum scale under each price model, where every compute
	// row has that price in the catalog (0 otherwise).
	ComputePAYG float64 `json:"compute_payg_usd"`
	ComputeSP1Y float64 `json:"compute_savings_plan_1y_usd"`
	ComputeSP3Y float64 `json:"compute_savings_plan_3y_usd"`
	// ComputeSPEstimated: some compute row's savings-plan price is an
	// estimate (SavingsPlanEstimate).
	ComputeSPEstimated bool `json:"compute_savings_plan_estimated,omitempty"`
	// Categories are the rows grouped for the comparison tables, in a
	// fixed order; their totals add up to the report's.
	Categories []Category `json:"categories"`
}

// Category is the sum of the components of one kind.
type Category struct {
	Name       string  `json:"name"`
	MonthlyMin float64 `json:"monthly_min_usd"`
	MonthlyMax float64 `json:"monthly_max_usd"`
}

// Line is one quantity of one meter a component asks to be priced: the
// component knows how much it uses, the catalog what that costs.
type Line struct {
	Category string // one of CategoryOrder
	Name     string
	NameKo   string // Name in Korean, when it differs
	SKU      string
	SKUKo    string // SKU in Korean, when it holds words
	Meter    azure.Meter
	Qty      float64 // at minimum scale
	QtyMax   float64 // at maximum scale
	Unit     string
	// PerMonth turns one unit's price into a monthly figure: HoursPerMonth
	// for hourly meters, 1 for monthly ones. A tiered meter's tiers count
	// Qty × PerMonth units a month.
	PerMonth float64
	// Estimate is the rule behind a quantity no source gives.
	Estimate string
	// EstimateKo is Estimate in Korean, for the Korean documents.
	EstimateKo string
	// Region is where the line is billed when that is not the
	// environment's region (a DR standby in the DR region); "" for the
	// environment's.
	Region string
	// Optional: a meter the price data may lack (an open question such as
	// the AKS Free tier's); the line is left out rather than failing.
	Optional bool
}

// Priced is a component that costs money: its lines, in the order the
// cost table shows them.
type Priced interface {
	CostLines(e *plan.Env) []Line
}

// PublicAddressed is a component with public IP addresses of its own (the
// gateway's frontend): they are priced with the cluster's in one line.
type PublicAddressed interface {
	PublicIPs() int
}

// CategoryOrder is the order categories are reported in.
var CategoryOrder = []string{"cluster", "compute", "storage", "database", "cache", "messaging", "network", "security", "monitoring", "registry"}

// Lines lists what an environment is billed for, in the order the cost
// table shows it: the core's lines around every component's.
func Lines(e *plan.Env) []Line {
	se := e.Settings
	h := float64(HoursPerMonth)
	var out []Line
	add := func(l Line) { out = append(out, l) }
	switch se.AKS.Tier {
	case "Free":
		add(Line{Category: "cluster", Name: "AKS Free tier", NameKo: "AKS Free 계층", SKU: "Free", Meter: azure.Meter{Service: "Azure Kubernetes Service", Meter: "FreeTierInfrastructureCost Uptime SLA"},
			Qty: 1, QtyMax: 1, Unit: "cluster-hour", PerMonth: h, Optional: true})
	default:
		meter := "Standard Uptime SLA"
		if se.AKS.Tier == "Premium" {
			meter = "Standard Long Term Support"
		}
		add(Line{Category: "cluster", Name: "AKS " + se.AKS.Tier + " tier", NameKo: "AKS " + se.AKS.Tier + " 계층", SKU: se.AKS.Tier, Meter: azure.Meter{Service: "Azure Kubernetes Service", Meter: meter}, Qty: 1, QtyMax: 1, Unit: "cluster-hour", PerMonth: h})
	}
	for _, p := range e.Pools {
		sku := p.VMSize
		if p.Spot {
			sku += " Spot"
		}
		add(Line{Category: "compute", Name: "Node pool " + p.Name, NameKo: "노드 풀 " + p.Name, SKU: sku, Meter: azure.Meter{Service: "Virtual Machines", ArmSku: p.VMSize, Spot: p.Spot}, Qty: float64(p.Min), QtyMax: float64(p.Max), Unit: "node-hour", PerMonth: h})
		disk := "E6 LRS"
		if p.OSDiskGB > 64 {
			disk = "P10 LRS"
		}
		add(Line{Category: "storage", Name: "OS disks " + p.Name, NameKo: "OS 디스크 " + p.Name, SKU: disk, Meter: azure.Meter{Service: "Storage", Sku: disk}, Qty: float64(p.Min), QtyMax: float64(p.Max), Unit: "disk-month", PerMonth: 1})
	}
	for _, c := range plan.Facets[Priced](e) {
		out = append(out, c.CostLines(e)...)
	}
	add(Line{Category: "network", Name: "Load Balancer Standard", SKU: "Standard", Meter: azure.Meter{Service: "Load Balancer", Meter: "Standard Included LB Rules and Outbound Rules"}, Qty: 1, QtyMax: 1, Unit: "hour", PerMonth: h})
	ips := 1.0 // the cluster's outbound/ingress IP
	for _, c := range plan.Facets[PublicAddressed](e) {
		ips += float64(c.PublicIPs())
	}
	add(Line{Category: "network", Name: "Public IPs", NameKo: "공용 IP", SKU: "Standard static", Meter: azure.Meter{Service: "Virtual Network", Meter: "Standard IPv4 Static Public IP"}, Qty: ips, QtyMax: ips, Unit: "IP-hour", PerMonth: h})
	if _, ok := e.Network.Subnet("endpoints"); ok {
		// Private Link bills each endpoint by the hour, however many
		// addresses it takes in the subnet (a Cosmos DB endpoint takes
		// one per region): count endpoints, not the subnet's addresses.
		count := len(e.PrivateEndpoints)
		n := float64(count)
		add(Line{Category: "network", Name: "Private endpoints", NameKo: "프라이빗 엔드포인트", SKU: fmt.Sprintf("%d", count), Meter: azure.Meter{Service: "Virtual Network", Meter: "Standard Private Endpoint"}, Qty: n, QtyMax: n, Unit: "endpoint-hour", PerMonth: h})
	}
	return out
}

// Meters lists every meter the plan's environments are priced with, once
// each, in the order first used: what a refresh must fetch.
func Meters(pl *plan.Plan) []azure.Meter {
	seen := map[azure.Meter]bool{}
	var out []azure.Meter
	for _, e := range pl.Envs {
		for _, l := range Lines(e) {
			if !seen[l.Meter] {
				seen[l.Meter] = true
				out = append(out, l.Meter)
			}
		}
	}
	return out
}

// OtherRegions are the meters of the lines billed outside the
// environment's region (a DR standby), by region, in a stable order: a
// price refresh fetches them too, so a refreshed cache prices every row.
func OtherRegions(pl *plan.Plan) ([]string, map[string][]azure.Meter) {
	by := map[string][]azure.Meter{}
	var regions []string
	seen := map[string]map[azure.Meter]bool{}
	for _, e := range pl.Envs {
		for _, l := range Lines(e) {
			if l.Region == "" {
				continue
			}
			if seen[l.Region] == nil {
				seen[l.Region] = map[azure.Meter]bool{}
				regions = append(regions, l.Region)
			}
			if !seen[l.Region][l.Meter] {
				seen[l.Region][l.Meter] = true
				by[l.Region] = append(by[l.Region], l.Meter)
			}
		}
	}
	return regions, by
}

// Estimate prices every environment of the plan in its region.
func Estimate(pl *plan.Plan, prices *azure.Prices) ([]*Report, error) {
	return EstimateIn(pl, prices, pl.Region)
}

// EstimateIn prices every environment of the plan, unchanged, in region.
func EstimateIn(pl *plan.Plan, prices *azure.Prices, region string) ([]*Report, error) {
	var out []*Report
	for _, e := range pl.Envs {
		r, err := estimateEnv(e, prices, region)
		if err != nil {
			return nil, fmt.Errorf("pricing %s: %w", e.Name, err)
		}
		out = append(out, r)
	}
	return out, nil
}

func estimateEnv(e *plan.Env, prices *azure.Prices, region string) (*Report, error) {
	rep := &Report{Env: e.Name, Region: region, BudgetUSD: e.Settings.Targets.BudgetUSD, PricesOrigin: prices.Origin, PricesOriginKo: prices.OriginKo, PricesDate: prices.Date}
	for _, l := range Lines(e) {
		in := region
		if l.Region != "" {
			// A DR line is billed in the DR region; priced in another
			// region (physarch cost --region), in that region's pair,
			// which is where the same spec would recover to.
			in = l.Region
			if region != e.Region && e.Settings.DR.Region == "" {
				if p := azure.Pair(region); p != "" {
					in = p
				}
			}
		}
		p, err := prices.Lookup(l.Meter, in, AsOf)
		if err != nil {
			if l.Optional {
				continue
			}
			return nil, fmt.Errorf("%s: %w", l.Name, err)
		}
		c := component(l, p, prices.Origin)
		if p.Provenance != nil && p.Provenance.Open != "" {
			rep.Open = append(rep.Open, OpenQuestion{Name: l.Name, Meter: c.Meter, UnitPrice: c.UnitPrice, Unit: l.Unit, MonthlyIfCharged: c.MonthlyMax,
				Effective: day(p.EffectiveStartDate), Region: c.Region, Basis: c.Basis, Source: c.Source, SourceDate: c.SourceDate, Question: p.Provenance.Open,
				QuestionKo: orEn(p.Provenance.OpenKo, p.Provenance.Open)})
			continue
		}
		rep.Components = append(rep.Components, c)
	}
	total(rep)
	return rep, nil
}

// component prices one line.
func component(l Line, p azure.Price, origin string) Component {
	c := Component{
		Name: l.Name, NameKo: l.NameKo, Category: l.Category, SKU: l.SKU, SKUKo: l.SKUKo, Quantity: cents(l.Qty), QuantityAt: cents(l.QtyMax), Unit: l.Unit, UnitPrice: math.Round(p.Unit()*1e9) / 1e9,
		Region: p.Region, Fallback: p.Fallback, Basis: p.Basis, Meter: l.Meter.String(),
	}
	switch p.Basis {
	case azure.BasisRegionRatio:
		c.RegionRule, c.RegionRuleKo, c.Ratio = p.Ratio.Rule(), p.Ratio.RuleKo(), p.Ratio.Factor
	default:
		c.RegionRule, c.RegionRuleKo = p.Why, p.WhyKo
	}
	c.Source = origin
	if pv := p.Provenance; pv != nil {
		c.Source = pv.Source + " (" + pv.Date + ")"
		c.SourceDate = pv.Date
		c.Estimate, c.PriceEstimate = pv.Estimate, pv.Estimate
		c.EstimateKo = orEn(pv.EstimateKo, pv.Estimate)
		c.SavingsPlanEstimate = pv.SavingsPlanEstimate
	}
	if l.Estimate != "" {
		if c.Estimate != "" {
			c.Estimate += "; "
			c.EstimateKo += "; "
		}
		c.Estimate += l.Estimate
		c.EstimateKo += orEn(l.EstimateKo, l.Estimate)
	}
	if len(p.Tiers) > 0 {
		c.Tiers = tierUses(p.Tiers, l.Qty*l.PerMonth, l.QtyMax*l.PerMonth)
		var lo, hi float64
		for _, t := range c.Tiers {
			lo += t.Units * t.UnitPrice
			hi += t.UnitsMax * t.UnitPrice
		}
		c.MonthlyMin, c.MonthlyMax = cents(lo), cents(hi)
		c.TierArithmetic = arithmetic(c.Tiers, false, c.MonthlyMin, false)
		c.TierArithmeticKo = arithmetic(c.Tiers, false, c.MonthlyMin, true)
		if l.QtyMax != l.Qty {
			c.TierArithmetic += "; at maximum scale " + arithmetic(c.Tiers, true, c.MonthlyMax, false)
			c.TierArithmeticKo += "; 최대 규모에서는 " + arithmetic(c.Tiers, true, c.MonthlyMax, true)
		}
	} else {
		c.MonthlyMin, c.MonthlyMax = cents(p.Unit()*l.PerMonth*l.Qty), cents(p.Unit()*l.PerMonth*l.QtyMax)
	}
	if l.PerMonth == HoursPerMonth {
		if v, ok := p.SavingsPlanHourly("1 Year"); ok {
			x := cents(v * l.PerMonth * l.Qty)
			c.SavingsPlan1Y = &x
		}
		if v, ok := p.SavingsPlanHourly("3 Years"); ok {
			x := cents(v * l.PerMonth * l.Qty)
			c.SavingsPlan3Y = &x
		}
	}
	if c.SavingsPlan1Y == nil && c.SavingsPlan3Y == nil {
		c.SavingsPlanEstimate = ""
	}
	return c
}

// tierUses splits a month's units over the tiers.
func tierUses(tiers []azure.Tier, units, unitsMax float64) []TierUse {
	var out []TierUse
	for i, t := range tiers {
		u := TierUse{From: t.From, UnitPrice: t.Price}
		if i+1 < len(tiers) {
			u.To = tiers[i+1].From
		}
		in := func(q float64) float64 {
			top := q
			if u.To > 0 {
				top = math.Min(q, u.To)
			}
			return math.Max(0, top-u.From)
		}
		u.Units, u.UnitsMax = in(units), in(unitsMax)
		out = append(out, u)
	}
	return out
}

// arithmetic writes a tiered figure as the sum it is: "13 × $0 (included)
// + 12.2 × $0.80 = $9.76", or in Korean (ko) "13 × $0 (무료 포함분) + ...".
func arithmetic(ts []TierUse, atMax bool, total float64, ko bool) string {
	s := ""
	for _, t := range ts {
		q := t.Units
		if atMax {
			q = t.UnitsMax
		}
		if q == 0 {
			continue
		}
		if s != "" {
			s += " + "
		}
		if ko {
			// The Korean documents group thousands (msg.Int's rule).
			s += fmt.Sprintf("%s × $%s", grouped(q), num(t.UnitPrice))
			switch {
			case t.UnitPrice == 0:
				s += " (무료 포함분)"
			case t.To > 0:
				s += fmt.Sprintf(" (%s–%s 구간)", grouped(t.From), grouped(t.To))
			default:
				s += fmt.Sprintf(" (%s 초과 구간)", grouped(t.From))
			}
			continue
		}
		s += fmt.Sprintf("%s × $%s", num(q), num(t.UnitPrice))
		if t.UnitPrice == 0 {
			s += " (included)"
		} else if t.To > 0 {
			s += fmt.Sprintf(" (tier %s–%s)", num(t.From), num(t.To))
		} else {
			s += fmt.Sprintf(" (tier from %s)", num(t.From))
		}
	}
	if s == "" {
		s = "0"
	}
	return s + fmt.Sprintf(" = $%.2f", total)
}

// orEn is a text's Korean form, or its English where it has none (a
// rule both languages write alike).
func orEn(ko, en string) string {
	if ko == "" {
		return en
	}
	return ko
}

func num(v float64) string { return fmt.Sprint(math.Round(v*1e6) / 1e6) }

// grouped is num with a comma every three digits of the whole part
// (50,000); fmt.Sprint may write a large figure with an exponent, so it
// is formatted without one.
func grouped(v float64) string {
	s := strconv.FormatFloat(math.Round(v*1e6)/1e6, 'f', -1, 64)
	whole, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		whole, frac = s[:i], s[i:]
	}
	for i := len(whole) - 3; i > 0 && whole[i-1] != '-'; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	return whole + frac
}

func day(rfc string) string {
	if len(rfc) >= 10 {
		return rfc[:10]
	}
	return rfc
}

// total fills the report's sums, counts and groups from its rows.
func total(rep *Report) {
	cats := map[string]*Category{}
	for i := range rep.Components {
		c := &rep.Components[i]
		if cats[c.Category] == nil {
			cats[c.Category] = &Category{Name: c.Category}
		}
		cats[c.Category].MonthlyMin += c.MonthlyMin
		cats[c.Category].MonthlyMax += c.MonthlyMax
		rep.TotalMin += c.MonthlyMin
		rep.TotalMax += c.MonthlyMax
		if c.Estimate != "" {
			rep.Estimates++
		}
		switch c.Basis {
		case azure.BasisInRegion:
			rep.InRegion++
		case azure.BasisFallback:
			rep.Fallbacks++
		case azure.BasisRegionRatio:
			rep.RegionRatios++
		}
	}
	rep.TotalMin, rep.TotalMax = cents(rep.TotalMin), cents(rep.TotalMax)
	allSP := true
	for _, c := range rep.Components {
		if c.Category != "compute" {
			continue
		}
		rep.ComputePAYG += c.MonthlyMin
		if c.SavingsPlan1Y == nil || c.SavingsPlan3Y == nil {
			allSP = false
			continue
		}
		rep.ComputeSP1Y += *c.SavingsPlan1Y
		rep.ComputeSP3Y += *c.SavingsPlan3Y
		rep.ComputeSPEstimated = rep.ComputeSPEstimated || c.SavingsPlanEstimate != ""
	}
	rep.ComputePAYG = cents(rep.ComputePAYG)
	if allSP {
		rep.ComputeSP1Y, rep.ComputeSP3Y = cents(rep.ComputeSP1Y), cents(rep.ComputeSP3Y)
	} else {
		rep.ComputeSP1Y, rep.ComputeSP3Y, rep.ComputeSPEstimated = 0, 0, false
	}
	for _, name := range CategoryOrder {
		if c := cats[name]; c != nil {
			rep.Categories = append(rep.Categories, Category{Name: name, MonthlyMin: cents(c.MonthlyMin), MonthlyMax: cents(c.MonthlyMax)})
		}
	}
	rep.OverBudget = rep.BudgetUSD > 0 && rep.TotalMax > rep.BudgetUSD
	if rep.OverBudget {
		rep.OverByUSD = cents(rep.TotalMax - rep.BudgetUSD)
	}
}

func cents(v float64) float64 { return math.Round(v*100) / 100 }
