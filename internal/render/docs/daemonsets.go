package docs

import (
	"fmt"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
)

// daemonSetTable prints what the DaemonSets take on every node, the
// figure the node packing subtracts (plan.Env.DaemonSets), as one row,
// then each DaemonSet with its figure and source, so that a reader can
// check the sum and see which figures are estimates.
func daemonSetTable(d *md.Doc, e *plan.Env) {
	r := e.DaemonSets
	if len(r.DaemonSets) == 0 {
		return
	}
	basis := d.T("명시된 요청값", "stated requests")
	if r.Estimated() {
		basis = d.T("추정 포함 (아래 표의 구분 참조)", "includes estimates (see the basis column below)")
	}
	d.Table([]string{d.T("항목", "Item"), d.T("값", "Value"), d.T("근거", "Basis")}, [][]string{{
		d.T("노드당 DaemonSet 예약", "DaemonSet reservation per node"),
		fmt.Sprintf(d.T("CPU %sm, 메모리 %sMi (DaemonSet %d개), 모든 노드 풀의 할당 가능 용량에서 빼고 Pod를 채움", "%sm CPU, %sMi memory (%d DaemonSets), taken off every node pool's allocatable before the pods are packed"),
			msg.Int64(r.CPUM), msg.Int64(r.MemMiB), len(r.DaemonSets)),
		basis,
	}})
	var rows [][]string
	for _, ds := range r.DaemonSets {
		rows = append(rows, []string{"`" + ds.Name + "`", daemonSetGroup(d, ds.Addon), msg.Int64(ds.CPUM) + "m", msg.Int64(ds.MemMiB) + "Mi", daemonSetBasis(d, ds), daemonSetSource(ds.Source)})
	}
	d.Table([]string{"DaemonSet", d.T("배포 조건", "Deployed by"), d.T("CPU 요청", "CPU request"), d.T("메모리 요청", "Memory request"), d.T("구분", "Basis"), d.T("참고 자료 (확인일)", "Reference (date)")}, rows)
}

func daemonSetGroup(d *md.Doc, g string) string {
	n := azure.DaemonSetGroupLabel(g)
	return d.T(n.Ko, n.En)
}

func daemonSetBasis(d *md.Doc, ds azure.DaemonSet) string {
	switch {
	case ds.UpperBound:
		return d.T("상한 (Microsoft는 한도만 공개)", "upper bound (Microsoft states the limit only)")
	case ds.Estimate:
		// A third party's measurement on an AKS node, or an inference
		// from a manifest that is not AKS's own: the reference says which.
		return d.T("추정 (참고 자료 참조)", "estimate (see the reference)")
	}
	return d.T("차트·매니페스트 기본 요청값", "chart's or manifest's default request")
}

// daemonSetSource cites a figure's source (every catalog figure has one:
// azure.TestDaemonSetsSourced).
func daemonSetSource(s azure.Source) string {
	return fmt.Sprintf("`%s`, %s", s.Ref, s.Date)
}
