package docs

import (
	"fmt"
	"github.com/physarch/physarch/internal/render/msg"
	"sort"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
)

// dedicatedPools describes the pools for groups of services: what each
// runs, its accelerators, labels and zones, and how its node count
// follows from the pods placed on it.
func dedicatedPools(d *md.Doc, e *plan.Env) {
	var rows [][]string
	var notes []string
	for _, p := range e.Pools {
		if !p.Dedicated {
			continue
		}
		gpu := "-"
		if p.GPUs > 0 {
			gpu = fmt.Sprintf("%d × %s", p.GPUs, p.GPU)
		}
		services := strings.Join(p.Services, ", ")
		if services == "" {
			services = d.T("없음", "none")
		}
		rows = append(rows, []string{p.Name, p.VMSize, gpu, services, labels(p.Labels), poolZones(d, e, p)})
		notes = append(notes, fmt.Sprintf(d.T("%s: 이 풀에 배치한 서비스의 Pod 요청 합계(최소 레플리카) CPU %sm, 메모리 %s를 %s 노드(DaemonSet 요청을 뺀 용량 %sm, %s)에 채워 최소 %d대, 최대 레플리카에서 %d대가 필요합니다. 최소에 Pod가 없으면 0대부터 시작하고, 있으면 풀의 영역 수(%d)의 배수로 올렸습니다.",
			"%s: the pods placed on it request %sm CPU and %s memory at minimum replicas, which pack onto %s nodes (room after the DaemonSets %sm, %s) as %d nodes; at maximum replicas %d. A pool with no pod at minimum starts from 0 nodes; otherwise counts are rounded up to a multiple of the pool's zones (%d)."),
			p.Name, msg.Int64(p.RequestedCPUM), mib(p.RequestedMiB), p.VMSize, msg.Int64(p.FreeCPUM), mib(p.FreeMemMiB), p.NodesAtMin, p.NodesAtMax, len(p.Zones))+cronPackingNote(d, e, p.Name))
	}
	if len(rows) == 0 {
		return
	}
	d.P(d.T("전용 노드 풀: 서비스 그룹이 nodeSelector와 taint 허용(toleration)으로 자기 풀에서만 실행됩니다.",
		"Dedicated node pools: each group of services runs on its own pool only, by nodeSelector and tolerations of the pool's taints."))
	d.Table([]string{d.T("노드 풀", "Node pool"), d.T("VM 크기", "VM size"), "GPU", d.T("배치된 서비스", "Services placed"), d.T("노드 레이블", "Node labels"), d.T("가용 영역", "Zones")}, rows)
	d.List(notes...)
}

// labels prints node labels as key=value, sorted.
func labels(m map[string]string) string {
	if len(m) == 0 {
		return "-"
	}
	var out []string
	for k, v := range m {
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}
