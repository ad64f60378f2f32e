// Package cost prices a plan: each plan resource yields cost components,
// each component names its meter, the region its price is really for and
// any estimate behind it, and a total is by construction the sum of the
// rows shown.
package cost

import (
	"fmt"
	"math"
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
	Name       string  `json:"name"`
	Category   string  `json:"category"`
	SKU        string  `json:"sku"`
	Quantity   float64 `json:"quantity"`     // at minimum scale
	QuantityAt float64 `json:"quantity_max"` // at maximum scale
	Unit       string  `json:"unit"`
	UnitPrice  float64 `json:"unit_price_usd"`
	MonthlyMin float64 `json:"monthly_min_usd"`
	MonthlyMax float64 `json:"monthly_max_usd"`
	// Savings-plan monthly figures at minimum scale, where the catalog has them.
	SavingsPlan1Y *float64 `json:"savings_plan_1y_usd,omitempty"`
	SavingsPlan3Y *float64 `json:"savings_plan_3y_usd,omitempty"`
	Region        string   `json:"priced_region"`
	Fallback      bool     `json:"region_fallback"`
	Source        string   `json:"source"`
	Estimate      string   `json:"estimate,omitempty"`
}

// Report is one environment's monthly cost.
type Report struct {
	Env          string      `json:"environment"`
	Region       string      `json:"requested_region"`
	Components   []Component `json:"components"`
	TotalMin     float64     `json:"total_min_usd"`
	TotalMax     float64     `json:"total_max_usd"`
	BudgetUSD    float64     `json:"budget_usd"`
	OverBudget   bool        `json:"over_budget"`
	OverByUSD    float64     `json:"over_by_usd,omitempty"` // at maximum scale
	Estimates    int         `json:"estimated_rows"`
	Fallbacks    int         `json:"fallback_rows"`
	PricesOrigin string      `json:"prices_origin"`
	// Compute at minimum scale under each price model, where every compute
	// row has that price in the catalog (0 otherwise).
	ComputePAYG float64 `json:"compute_payg_usd"`
	ComputeSP1Y float64 `json:"compute_savings_plan_1y_usd"`
	ComputeSP3Y float64 `json:"compute_savings_plan_3y_usd"`
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
	SKU      string
	Meter    azure.Meter
	Qty      float64 // at minimum scale
	QtyMax   float64 // at maximum scale
	Unit     string
	// PerMonth turns one unit's price into a monthly figure: HoursPerMonth
	// for hourly meters, 1 for monthly ones.
	PerMonth float64
	// Estimate is the rule behind a quantity no source gives.
	Estimate string
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

type builder struct {
	prices *azure.Prices
	region string
	rep    *Report
	err    error
}

// add prices qty (at min) .. qtyMax units of a meter; perMonth converts one
// unit's price into a monthly figure (730 for hourly meters, 1 for monthly).
func (b *builder) add(category, name, sku string, m azure.Meter, qty, qtyMax float64, unit string, perMonth float64, extraEstimate string) *Component {
	if b.err != nil {
		return nil
	}
	p, err := b.prices.Lookup(m, b.region, AsOf)
	if err != nil {
		b.err = fmt.Errorf("%s: %w", name, err)
		return nil
	}
	c := Component{
		Name: name, Category: category, SKU: sku, Quantity: cents(qty), QuantityAt: cents(qtyMax), Unit: unit, UnitPrice: p.RetailPrice,
		MonthlyMin: cents(p.RetailPrice * perMonth * qty), MonthlyMax: cents(p.RetailPrice * perMonth * qtyMax),
		Region: p.Region, Fallback: p.Fallback,
	}
	if p.Provenance != nil {
		c.Source = p.Provenance.Source + " (" + p.Provenance.Date + ")"
		c.Estimate = p.Provenance.Estimate
	} else {
		c.Source = b.rep.PricesOrigin
	}
	if extraEstimate != "" {
		if c.Estimate != "" {
			c.Estimate += "; "
		}
		c.Estimate += extraEstimate
	}
	if v, ok := p.SavingsPlanHourly("1 Year"); ok && perMonth == HoursPerMonth {
		x := cents(v * perMonth * qty)
		c.SavingsPlan1Y = &x
	}
	if v, ok := p.SavingsPlanHourly("3 Years"); ok && perMonth == HoursPerMonth {
		x := cents(v * perMonth * qty)
		c.SavingsPlan3Y = &x
	}
	b.rep.Components = append(b.rep.Components, c)
	return &b.rep.Components[len(b.rep.Components)-1]
}

// Estimate prices every environment of the plan.
func Estimate(pl *plan.Plan, prices *azure.Prices) ([]*Report, error) {
	var out []*Report
	for _, e := range pl.Envs {
		r, err := estimateEnv(pl, e, prices)
		if err != nil {
			return nil, fmt.Errorf("pricing %s: %w", e.Name, err)
		}
		out = append(out, r)
	}
	return out, nil
}

func estimateEnv(pl *plan.Plan, e *plan.Env, prices *azure.Prices) (*Report, error) {
	se := e.Settings
	rep := &Report{Env: e.Name, Region: pl.Region, BudgetUSD: se.Targets.BudgetUSD, PricesOrigin: prices.Origin}
	b := &builder{prices: prices, region: pl.Region, rep: rep}
	h := float64(HoursPerMonth)

	if se.AKS.Tier != "Free" {
		meter := "Standard Uptime SLA"
		if se.AKS.Tier == "Premium" {
			meter = "Standard Long Term Support"
		}
		b.add("cluster", "AKS "+se.AKS.Tier+" tier", se.AKS.Tier, azure.Meter{Service: "Azure Kubernetes Service", Meter: meter}, 1, 1, "cluster-hour", h, "")
	}
	for _, p := range e.Pools {
		name := fmt.Sprintf("Node pool %s", p.Name)
		sku := p.VMSize
		if p.Spot {
			sku += " Spot"
		}
		b.add("compute", name, sku, azure.Meter{Service: "Virtual Machines", ArmSku: p.VMSize, Spot: p.Spot}, float64(p.Min), float64(p.Max), "node-hour", h, "")
		disk := "E6 LRS"
		if p.OSDiskGB > 64 {
			disk = "P10 LRS"
		}
		b.add("storage", "OS disks "+p.Name, disk, azure.Meter{Service: "Storage", Sku: disk}, float64(p.Min), float64(p.Max), "disk-month", 1, "")
	}
	for _, c := range plan.Facets[Priced](e) {
		for _, l := range c.CostLines(e) {
			b.add(l.Category, l.Name, l.SKU, l.Meter, l.Qty, l.QtyMax, l.Unit, l.PerMonth, l.Estimate)
		}
	}
	b.add("network", "Load Balancer Standard", "Standard", azure.Meter{Service: "Load Balancer", Meter: "Standard Included LB Rules and Outbound Rules"}, 1, 1, "hour", h, "")
	ips := 1.0 // the cluster's outbound/ingress IP
	for _, c := range plan.Facets[PublicAddressed](e) {
		ips += float64(c.PublicIPs())
	}
	b.add("network", "Public IPs", "Standard static", azure.Meter{Service: "Virtual Network", Meter: "Standard IPv4 Static Public IP"}, ips, ips, "IP-hour", h, "")
	if pe, ok := e.Network.Subnet("endpoints"); ok {
		n := float64(pe.Required)
		b.add("network", "Private endpoints", fmt.Sprintf("%d", pe.Required), azure.Meter{Service: "Virtual Network", Meter: "Standard Private Endpoint"}, n, n, "endpoint-hour", h, "")
	}
	if b.err != nil {
		return nil, b.err
	}
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
		if c.Fallback {
			rep.Fallbacks++
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
	}
	rep.ComputePAYG = cents(rep.ComputePAYG)
	if allSP {
		rep.ComputeSP1Y, rep.ComputeSP3Y = cents(rep.ComputeSP1Y), cents(rep.ComputeSP3Y)
	} else {
		rep.ComputeSP1Y, rep.ComputeSP3Y = 0, 0
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
	return rep, nil
}

func cents(v float64) float64 { return math.Round(v*100) / 100 }
