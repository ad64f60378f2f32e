package spec

import (
	"fmt"

	"github.com/physarch/physarch/internal/catalog/azure"
)

// DRRegion is the region an environment recovers into: dr.region, or the
// region's pair from Microsoft's list; "" where the mode recovers nothing
// or the region has no pair and dr.region is not given (the validator
// refuses that).
func (e Environment) DRRegion(region string) string {
	if e.DR.Mode == "" || e.DR.Mode == azure.DRNone {
		return ""
	}
	if e.DR.Region != "" {
		return e.DR.Region
	}
	return azure.Pair(region)
}

// drRegion checks the region a DR mode recovers into: a region the catalog
// knows, not the environment's own, and one there is at all (a region
// without a pair needs dr.region).
func (v *validator) drRegion(p string, e Environment, region string, regionKnown bool) {
	at := p + ".dr.region"
	if v.failed[p+".dr.mode"] || v.failed[at] {
		return
	}
	if e.DR.Mode == azure.DRNone || e.DR.Mode == "" {
		if e.DR.Region != "" && v.doc.Stated(at) {
			v.fail(at, "remove dr.region, or choose dr.mode geo-restore or standby-region", "dr.region %s with dr.mode none: nothing is recovered there", e.DR.Region)
		}
		return
	}
	dr := e.DRRegion(region)
	switch {
	case dr == "" && regionKnown:
		v.fail(p+".dr.mode", fmt.Sprintf("name the region to recover into, such as dr: {mode: %s, region: <region>}", e.DR.Mode),
			"region %s has no pair in Microsoft's list, so dr.mode %s has no default region", region, e.DR.Mode)
	case dr == "":
	case dr == region:
		v.fail(at, "name another region: a region's loss takes its standby with it", "dr.region %s is the environment's own region", dr)
	default:
		if _, ok := azure.LookupRegion(dr); !ok {
			v.fail(at, "use a programmatic region name such as koreasouth", "dr.region %q is not an Azure region physarch knows", dr)
		}
	}
}
