package azure

import (
	"fmt"
	"strings"
)

// Ratio is a price ratio measured between a region and a base region on a
// family of meters both have sourced rows for. Where the region has no row
// for a meter of the family, the base region's price times Factor is a
// better estimate than the base price unchanged, and output says it is
// exactly that (Rule), never a price of the region.
type Ratio struct {
	Region string  `json:"region"`
	Base   string  `json:"base_region"`
	Family string  `json:"family"`
	Factor float64 `json:"factor"`
	// Label ends the rule: "the VM ratio in this region".
	Label string `json:"-"`
	// Measured says which rows the factor comes from.
	Measured string `json:"measured"`
	Source   Source `json:"-"`
}

// Rule is how a row priced with the ratio is labelled:
// "eastus × 1.28, the VM ratio in this region".
func (r Ratio) Rule() string { return fmt.Sprintf("%s × %.2f, %s", r.Base, r.Factor, r.Label) }

var srcRatioAudit = Source{Ref: "physarch catalog audit of the Korea Central rows (shared/reference/azure-reference-data.md)", Date: "2026-12-01"}

// ratios are the measured ratios. Each factor is the rounded quotient of
// two sourced rows of the catalog (a test recomputes it), and applies only
// to prices of the base region: a westus row times a koreacentral/eastus
// ratio would compare nothing.
var ratios = []Ratio{
	{Region: "koreacentral", Base: "eastus", Family: "VM", Factor: 1.28, Label: "the VM ratio in this region",
		Measured: "D2s_v3 Linux pay-as-you-go 0.123 / 0.096 (Karpenter's generated table, 2026-06-18, both confirmed by FF captures); the 14 sizes of the catalog range from 1.21 (E4s_v5) to 1.28 (Dsv3)",
		Source:   srcRatioAudit},
	{Region: "koreacentral", Base: "eastus", Family: "VM Spot", Factor: 1.21, Label: "the D2s_v3 Spot ratio in this region",
		Measured: "D2s_v3 Spot 0.02273 / 0.018816 (FF captures: koreacentral from 2025-10-01, eastus from 2026-06-01)",
		Source:   srcRatioAudit},
}

// Ratios lists the measured ratios, for reports.
func Ratios() []Ratio { return append([]Ratio(nil), ratios...) }

// ratioFamily says which family's ratio a meter's price may take, or why
// none is defensible. Compute billed per hour of a dedicated VM follows the
// VM prices of its region; fees per cluster, storage, operations and data
// do not, and no ratio has been measured for them.
func ratioFamily(m Meter) (family, why string) {
	if m.RatioFamily != "" {
		return m.RatioFamily, ""
	}
	switch m.Service {
	case "Virtual Machines":
		if strings.HasPrefix(m.ArmSku, "Standard_N") {
			// GPU sizes are priced by their accelerator; the ratio was
			// measured on general-purpose sizes only.
			return "", "GPU sizes are priced by their accelerator, and no GPU ratio is measured"
		}
		if m.Spot {
			return "VM Spot", ""
		}
		return "VM", ""
	case "Redis Cache":
		// Each cache node is a dedicated VM, billed per node-hour.
		return "VM", ""
	case "Azure Database for PostgreSQL":
		if m.ArmSku != "" {
			// vCore compute on a dedicated VM of the SKU's series.
			return "VM", ""
		}
		return "", "storage is not billed as VM capacity, and no storage ratio is measured"
	case "Azure Kubernetes Service":
		return "", "the tier is a fee per cluster, not VM capacity, and no ratio is measured for it"
	case "Storage":
		return "", "disks are storage, not VM capacity, and no storage ratio is measured"
	}
	return "", m.Service + " is not billed as VM capacity, and no ratio is measured for it"
}

// RatioFor returns the ratio a meter's price takes in a region that has no
// row for it, or nil and why none applies.
func RatioFor(m Meter, region string) (*Ratio, string) {
	family, why := ratioFamily(m)
	if family == "" {
		return nil, why
	}
	for i := range ratios {
		if ratios[i].Region == region && ratios[i].Family == family {
			r := ratios[i]
			return &r, ""
		}
	}
	return nil, fmt.Sprintf("no %s ratio is measured for %s", family, region)
}

// billingZones are the regions of services that bill by zone rather than by
// region ("Zone 1" … "Zone 8" in the API): only those a source names.
var billingZones = map[string]map[string]string{
	// One Korean tool prices koreacentral's Front Door base fee as Zone 2;
	// no first-party source confirms it (catalog audit 2026-12-01).
	"Azure Front Door Service": {"koreacentral": "Zone 2"},
}

// BillingZone is the billing zone a service prices a region in, or "".
func BillingZone(service, region string) string { return billingZones[service][region] }
