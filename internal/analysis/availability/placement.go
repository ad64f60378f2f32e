package availability

import (
	"fmt"

	"github.com/physarch/physarch/internal/plan"
)

// placement is the SLA key of a service's pods on a pool (nil: the apps
// pool is absent, the environment's zones count) and its configuration in
// English and Korean: the same decision gives both, so that they cannot
// disagree.
func placement(e *plan.Env, pool *plan.NodePool, replicas int) (key, en, ko string) {
	se := e.Settings
	zones := len(e.Zones)
	if pool != nil {
		zones = len(pool.Zones)
	}
	switch {
	case pool != nil && pool.Spot:
		return "vm/spot", "Spot nodes", "Spot 노드"
	case replicas >= 2 && zones >= 2 && se.Scaling.SpreadZones:
		return "vm/zones", fmt.Sprintf("%d+ replicas across %d zones", replicas, zones), fmt.Sprintf("레플리카 %d개 이상, 가용 영역 %d개에 분산", replicas, zones)
	case replicas >= 2:
		return "vm/set", fmt.Sprintf("%d+ replicas on separate nodes", replicas), fmt.Sprintf("레플리카 %d개 이상, 서로 다른 노드에 배치", replicas)
	case pool != nil && pool.OSDiskGB > 64:
		return "vm/single/premium", "1 replica, Premium SSD", "레플리카 1개, Premium SSD"
	}
	return "vm/single/standardssd", "1 replica, Standard SSD", "레플리카 1개, Standard SSD"
}
