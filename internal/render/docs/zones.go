package docs

import (
	"fmt"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
)

// ZoneText is the environment's zones as a row states them, for blocks.
func ZoneText(d *md.Doc, e *plan.Env) string { return zoneText(d, e) }

// zoneText is the environment's zones, or, in a region without
// availability zones, that there are none to choose (nothing is pinned to
// a zone; Azure places every resource in the region's one datacenter).
func zoneText(d *md.Doc, e *plan.Env) string {
	if e.RegionZones == 0 {
		return fmt.Sprintf(d.T("없음 (%s 리전은 가용 영역을 제공하지 않음)", "none (region %s has no availability zones)"), "`"+e.Region+"`")
	}
	return zones(e.Zones)
}

// highAvailability is the design principle the zones allow: zone
// redundancy where the region has zones, redundancy inside its one
// datacenter where it has none.
func highAvailability(d *md.Doc, e *plan.Env) string {
	if e.RegionZones == 0 {
		return d.T("고가용성: 가용 영역이 없는 리전이므로 한 데이터센터 안의 중복 구성 (영역 장애는 리전 장애)", "High availability: redundancy inside the region's one datacenter (the region has no availability zones, so a zone outage is a region outage)")
	}
	return fmt.Sprintf(d.T("고가용성: %d개 가용 영역, 영역 중복 관리형 서비스", "High availability: %d zones, zone-redundant managed services"), len(e.Zones))
}

// poolZones is the zones a pool's nodes are pinned to, or none in a region
// without zones (the Terraform pins none there).
func poolZones(d *md.Doc, e *plan.Env, p plan.NodePool) string {
	if zs := e.Pinned(p.Zones); len(zs) > 0 {
		return zones(zs)
	}
	return d.T("없음", "none")
}
