package decision

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// T is a text in both languages.
func T(ko, en string) spec.Text { return spec.Text{Ko: ko, En: en} }

// Tf formats a text in both languages with the same arguments.
func Tf(ko, en string, args ...any) spec.Text {
	return spec.Text{Ko: fmt.Sprintf(ko, args...), En: fmt.Sprintf(en, args...)}
}

// core are the decisions no building block owns: the zones, the replica
// floor, the cluster's tier, private endpoints, the apps pool's nodes.
func core(pl *plan.Plan, e *plan.Env) []Decision {
	ds := []Decision{zones(pl, e), replicaFloor(e), clusterTier(e), privateEndpoints(e)}
	if d, ok := appsSize(e); ok {
		ds = append(ds, d)
	}
	if d, ok := spot(e); ok {
		ds = append(ds, d)
	}
	return ds
}

// zones offers every other zone count the region has.
func zones(pl *plan.Plan, e *plan.Env) Decision {
	n := len(e.Zones)
	d := Decision{ID: "zones", Topic: T("가용 영역 수", "Availability zones"), Choice: Tf("%d개 영역", "%d zones", n)}
	target := e.Settings.Targets.Availability
	if n > 1 {
		d.Reason = Tf("가용성 목표 %s%%: 영역 하나가 중단되어도 나머지 %d개 영역의 노드와 영역 중복 서비스가 요청을 받습니다",
			"availability target %s%%: with one zone down the nodes and zone-redundant services in the other %d zones take the requests", num(target), n-1)
	} else if e.RegionZones == 0 {
		d.Reason = Tf("%s 리전에는 가용 영역이 없어 모든 자원이 한 데이터센터에 놓입니다 (영역 장애는 리전 장애: 재해복구 방식이 대비)",
			"region %s has no availability zones, so every resource is in its one datacenter (a zone outage is a region outage: the DR mode covers it)", "`"+e.Region+"`")
	} else {
		d.Reason = Tf("가용성 목표 %s%%는 영역 장애를 견딜 필요가 없어 노드를 한 영역에 둡니다", "the availability target of %s%% need not survive a zone outage, so the nodes stay in one zone", num(target))
	}
	most := 1
	if r, ok := azure.LookupRegion(pl.Region); ok {
		most = max(1, r.Zones)
	}
	for z := 1; z <= most; z++ {
		if z == n {
			continue
		}
		z := z
		en := "%d zones"
		if z == 1 {
			en = "%d zone"
		}
		d.Alternatives = append(d.Alternatives, Alternative{
			Choice: Tf("%d개 영역", en, z),
			Change: func(_ *spec.Spec, env *spec.Environment) { env.Targets.Zones = z },
		})
	}
	return d
}

// replicaFloor offers one replica where the floor is higher, two where it
// is one.
func replicaFloor(e *plan.Env) Decision {
	floor := e.Settings.Scaling.MinReplicas
	d := Decision{ID: "replicas.floor", Topic: T("최소 레플리카 하한", "Replica floor"), Choice: Tf("%d개", "%d", floor)}
	alt := 2
	if floor > 1 {
		alt = 1
		d.Reason = Tf("Pod 하나가 재시작되거나 노드가 드레인되는 동안에도 나머지 %d개가 요청을 받고, PDB가 한 번의 중단을 허용합니다",
			"while one pod restarts or its node drains, the remaining %d keep taking requests, and the PDB allows one disruption", floor-1)
	} else {
		d.Reason = T("Pod 재시작 중 잠시 중단되어도 되는 환경이라 서비스마다 Pod 하나로 비용을 줄입니다", "the environment may pause while a pod restarts, so one pod per service keeps the cost down")
	}
	d.Alternatives = []Alternative{{
		Choice: Tf("%d개", "%d", alt),
		Change: func(_ *spec.Spec, env *spec.Environment) { env.Scaling.MinReplicas = alt },
	}}
	return d
}

// clusterTier offers Free for a paid tier and Standard for Free: the
// tier carries the API server's uptime SLA.
func clusterTier(e *plan.Env) Decision {
	tier := e.Settings.AKS.Tier
	d := Decision{ID: "aks.tier", Topic: T("AKS 계층", "AKS tier"), Choice: T(tier, tier)}
	alt := "Standard"
	if tier == "Free" {
		d.Reason = T("Free 계층은 API 서버 가동 시간 SLA가 없지만 클러스터 관리 비용이 없습니다", "the Free tier has no API server uptime SLA and no cluster management fee")
	} else {
		alt = "Free"
		d.Reason = Tf("%s 계층은 API 서버 가동 시간 SLA를 제공하며, 구성 요소 기준 가용성에 포함됩니다", "the %s tier carries the API server's uptime SLA, which the composite availability counts", tier)
	}
	d.Alternatives = []Alternative{{
		Choice: T(alt, alt),
		Change: func(_ *spec.Spec, env *spec.Environment) { env.AKS.Tier = alt },
	}}
	return d
}

// privateEndpoints offers the other setting of network.privateEndpoints.
func privateEndpoints(e *plan.Env) Decision {
	on := e.Settings.Network.PrivateEndpoints
	d := Decision{ID: "network.private-endpoints", Topic: T("프라이빗 엔드포인트", "Private endpoints")}
	alt := Alternative{Change: func(_ *spec.Spec, env *spec.Environment) { env.Network.PrivateEndpoints = !on }}
	if on {
		d.Choice = Tf("사용 (%d개)", "on (%d)", len(e.PrivateEndpoints))
		d.Reason = T("관리형 서비스를 VNet 안의 사설 주소로만 접근해 공용 엔드포인트를 닫습니다", "the managed services are reached on private addresses in the VNet, so their public endpoints stay closed")
		alt.Choice = T("미사용", "off")
		alt.Note = T("관리형 서비스에 공용 엔드포인트로 접근합니다", "the managed services are reached on their public endpoints")
	} else {
		d.Choice = T("미사용", "off")
		d.Reason = T("관리형 서비스에 공용 엔드포인트로 접근해 엔드포인트와 Private DNS 영역 비용을 없앱니다", "the managed services are reached on their public endpoints, which saves the endpoints and their private DNS zones")
		alt.Choice = T("사용", "on")
	}
	d.Alternatives = []Alternative{alt}
	return d
}

var sizeName = regexp.MustCompile(`^(Standard_[A-Z]+)([0-9]+)([a-z_].*)$`)

// appsSize offers the apps pool's VM size halved and doubled in its
// series, where the catalog has them.
func appsSize(e *plan.Env) (Decision, bool) {
	p := e.Pool("apps")
	if p == nil {
		return Decision{}, false
	}
	m := sizeName.FindStringSubmatch(p.VMSize)
	if m == nil {
		return Decision{}, false
	}
	d := Decision{ID: "nodes.apps-size", Topic: T("apps 노드 풀 VM 크기", "Apps pool VM size"), Choice: T(p.VMSize, p.VMSize),
		Reason: Tf("vCPU %d, 메모리 %dGiB: 서비스 Pod를 노드 %s대에 배치합니다", "%d vCPU, %d GiB: the services' pods fit on %s nodes", p.VCPU, p.MemoryGiB, Range(p.Min, p.Max))}
	n, _ := strconv.Atoi(m[2])
	for _, v := range []int{n / 2, n * 2} {
		name := m[1] + strconv.Itoa(v) + m[3]
		if _, ok := azure.LookupVM(name); !ok || v == 0 {
			continue
		}
		d.Alternatives = append(d.Alternatives, Alternative{
			Choice: T(name, name),
			Change: func(_ *spec.Spec, env *spec.Environment) { env.NodePools.Apps.VMSize = name },
		})
	}
	return d, len(d.Alternatives) > 0
}

// spot offers the apps pool's other price model: pay-as-you-go where it
// runs on Spot, Spot where it does not and its size is sold as Spot; a
// B-series pool's decision has no alternative, and its reason says why.
func spot(e *plan.Env) (Decision, bool) {
	p := e.Pool("apps")
	if p == nil {
		return Decision{}, false
	}
	d := Decision{ID: "nodes.apps-spot", Topic: T("apps 노드 풀 가격 모델", "Apps pool pricing")}
	if p.Spot {
		d.Choice = T("Spot", "Spot")
		d.Reason = T("Azure가 언제든 회수할 수 있지만, 축출된 노드는 클러스터 자동 스케일러가 다시 만들고 이 환경은 잠시 중단되어도 됩니다", "Azure may evict the nodes at any time; the cluster autoscaler replaces an evicted node, and the environment may pause meanwhile")
		d.Alternatives = []Alternative{{Choice: T("종량제", "pay-as-you-go"), Note: T("축출되지 않습니다", "no evictions"),
			Change: func(_ *spec.Spec, env *spec.Environment) { env.NodePools.Apps.Spot = false }}}
	} else if !azure.SpotOffered(p.VMSize) {
		// No Spot alternative: Azure sells no B-series size as Spot
		// (azure.SpotOffered), so there is nothing to plan or price.
		d.Choice = T("종량제", "pay-as-you-go")
		d.Reason = Tf("Azure는 %s 같은 B 시리즈 크기를 Spot으로 제공하지 않습니다: Spot을 쓰려면 D 또는 E 시리즈 크기를 선택하세요", "Azure offers no B-series size such as %s as Spot: a Spot pool needs a D- or E-series size", p.VMSize)
	} else {
		d.Choice = T("종량제", "pay-as-you-go")
		d.Reason = T("노드가 축출되지 않아야 최소 레플리카와 PDB가 보장하는 용량이 유지됩니다", "nodes that are never evicted keep the capacity the minimum replicas and the PDBs promise")
		d.Alternatives = []Alternative{{Choice: T("Spot", "Spot"), Note: T("Azure가 언제든 노드를 회수할 수 있습니다", "Azure may evict the nodes at any time"),
			Change: func(_ *spec.Spec, env *spec.Environment) { env.NodePools.Apps.Spot = true }}}
	}
	return d, true
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// Settings returns a block's settings in an environment for a Change to
// alter (kind is the block's name, as spec.Blocks keys it), adding them
// where the environment has none.
func Settings[S any](env *spec.Environment, kind string) *S {
	if v, ok := spec.Block[S](env.Blocks, kind); ok {
		return v
	}
	if env.Blocks == nil {
		env.Blocks = spec.Blocks{}
	}
	v := new(S)
	env.Blocks[kind] = v
	return v
}

// Range is a count's range as the tables print it, one number where both
// ends agree (3, 3–15).
func Range(lo, hi int) string {
	if lo == hi {
		return strconv.Itoa(lo)
	}
	return strconv.Itoa(lo) + "–" + strconv.Itoa(hi)
}
