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
	// Label ends the rule: "the VM ratio in this region"; LabelKo is its
	// Korean form, for the Korean documents.
	Label   string `json:"-"`
	LabelKo string `json:"-"`
	// Measured says which rows the factor comes from.
	Measured string `json:"measured"`
	Source   Source `json:"-"`
}

// Rule is how a row priced with the ratio is labelled:
// "eastus × 1.28, the VM ratio in this region".
func (r Ratio) Rule() string { return fmt.Sprintf("%s × %.2f, %s", r.Base, r.Factor, r.Label) }

// RuleKo is Rule in Korean: "eastus × 1.28, 이 리전의 VM 가격 비율".
func (r Ratio) RuleKo() string { return fmt.Sprintf("%s × %.2f, %s", r.Base, r.Factor, r.LabelKo) }

var srcRatioAudit = Source{Ref: "physarch catalog audit of the Korea Central rows (shared/reference/azure-reference-data.md)", Date: "2026-12-01"}

// ratios are the measured ratios. Each factor is the rounded quotient of
// two sourced rows of the catalog (a test recomputes it), and applies only
// to prices of the base region: a westus row times a koreacentral/eastus
// ratio would compare nothing.
var ratios = []Ratio{
	{Region: "koreacentral", Base: "eastus", Family: "VM", Factor: 1.28, Label: "the VM ratio in this region", LabelKo: "이 리전의 VM 가격 비율",
		Measured: "D2s_v3 Linux pay-as-you-go 0.123 / 0.096 (Karpenter's generated table, 2026-06-18, both confirmed by FF captures); the 14 sizes of the catalog range from 1.21 (E4s_v5) to 1.28 (Dsv3)",
		Source:   srcRatioAudit},
	{Region: "koreacentral", Base: "eastus", Family: "VM Spot", Factor: 1.21, Label: "the D2s_v3 Spot ratio in this region", LabelKo: "이 리전의 D2s_v3 Spot 가격 비율",
		Measured: "D2s_v3 Spot 0.02273 / 0.018816 (FF captures: koreacentral from 2025-10-01, eastus from 2026-06-01)",
		Source:   srcRatioAudit},
}

// Ratios lists the measured ratios, for reports.
func Ratios() []Ratio { return append([]Ratio(nil), ratios...) }

// ratioFamily says which family's ratio a meter's price may take, or why
// none is defensible. Compute billed per hour of a dedicated VM follows the
// VM prices of its region; fees per cluster, storage, operations and data
// do not, and no ratio has been measured for them.
func ratioFamily(m Meter) (family string, why Note) {
	if m.RatioFamily != "" {
		return m.RatioFamily, Note{}
	}
	switch m.Service {
	case "Virtual Machines":
		if strings.HasPrefix(m.ArmSku, "Standard_N") {
			// GPU sizes are priced by their accelerator; the ratio was
			// measured on general-purpose sizes only.
			return "", Note{"GPU sizes are priced by their accelerator, and no GPU ratio is measured", "GPU 크기는 가속기 기준으로 가격이 매겨지며, 측정된 GPU 가격 비율이 없음"}
		}
		if m.Spot {
			return "VM Spot", Note{}
		}
		return "VM", Note{}
	case "Redis Cache":
		// Each cache node is a dedicated VM, billed per node-hour.
		return "VM", Note{}
	case "Azure Database for PostgreSQL":
		if m.ArmSku != "" {
			// vCore compute on a dedicated VM of the SKU's series.
			return "VM", Note{}
		}
		return "", Note{"storage is not billed as VM capacity, and no storage ratio is measured", "스토리지는 VM 용량으로 과금되지 않으며, 측정된 스토리지 가격 비율이 없음"}
	case "Azure Kubernetes Service":
		return "", Note{"the tier is a fee per cluster, not VM capacity, and no ratio is measured for it", "계층 요금은 VM 용량이 아닌 클러스터당 요금이며, 측정된 가격 비율이 없음"}
	case "Storage":
		return "", Note{"disks are storage, not VM capacity, and no storage ratio is measured", "디스크는 VM 용량이 아닌 스토리지이며, 측정된 스토리지 가격 비율이 없음"}
	}
	return "", Note{m.Service + " is not billed as VM capacity, and no ratio is measured for it", "VM 용량으로 과금되지 않는 서비스(" + m.Service + ")이며, 측정된 가격 비율이 없음"}
}

// RatioFor returns the ratio a meter's price takes in a region that has no
// row for it, or nil and why none applies.
func RatioFor(m Meter, region string) (*Ratio, Note) {
	family, why := ratioFamily(m)
	if family == "" {
		return nil, why
	}
	for i := range ratios {
		if ratios[i].Region == region && ratios[i].Family == family {
			r := ratios[i]
			return &r, Note{}
		}
	}
	return nil, Note{fmt.Sprintf("no %s ratio is measured for %s", family, region), fmt.Sprintf("%s의 %s 가격 비율은 측정되지 않음", region, family)}
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
