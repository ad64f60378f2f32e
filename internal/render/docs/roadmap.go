package docs

import (
	"fmt"
	"github.com/physarch/physarch/internal/render/msg"
	"strings"

	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/render/md"
)

// roadmapTable prints the environment planned for its users and for each
// growth factor of them (decision.GrowthFactors): the peak load, each
// node pool's size, the monthly cost, the composite availability and the
// priced components whose SKU changes. Every figure is a re-plan's.
func roadmapTable(d *md.Doc, r *decision.Report) {
	var rows [][]string
	for _, s := range r.Steps {
		phase := d.T("현재 설계", "this design")
		if s.Factor > 1 {
			phase = fmt.Sprintf(d.T("사용자 %d배", "%d× users"), s.Factor)
		}
		if s.Refused != "" {
			rows = append(rows, []string{phase, msg.Int(s.Users), "-", refused(d, s.Refused), "-", "-", "-"})
			continue
		}
		var pools []string
		for _, p := range s.Pools {
			pools = append(pools, fmt.Sprintf("%s %s %s", p.Name, p.VMSize, nodes(d, p.Min, p.Max)))
		}
		var changes []string
		for _, c := range s.Changes {
			name, from, to := twin(d, c.ComponentKo, c.Component), twin(d, c.FromKo, c.From), twin(d, c.ToKo, c.To)
			switch {
			case c.From == "":
				changes = append(changes, fmt.Sprintf(d.T("%s: %s 추가", "%s: %s added"), name, to))
			case c.To == "":
				changes = append(changes, fmt.Sprintf(d.T("%s: 제거", "%s: removed"), name))
			default:
				changes = append(changes, fmt.Sprintf("%s: %s → %s", name, from, to))
			}
		}
		change := "-"
		if len(changes) > 0 {
			change = strings.Join(changes, "; ")
		}
		rows = append(rows, []string{phase, msg.Int(s.Users), num(s.PeakRPS), strings.Join(pools, ", "), usd(s.CostMin, s.CostMax), availabilityOf(d, s.Figures), change})
	}
	d.Table([]string{d.T("단계", "Phase"), d.T("사용자", "Users"), d.T("피크 req/s", "Peak req/s"), d.T("노드 풀", "Node pools"),
		d.T("월 비용", "Monthly cost"), d.T("구성 요소 기준 가용성", "Composite availability"), d.T("바뀌는 사양", "SKU changes")}, rows)
	d.P(d.T("각 단계는 spec의 사용자 수만 바꾸어 다시 계획한 결과입니다 (`physarch cost --users`와 같은 계산). 레플리카와 노드는 부하에서, 사양은 각 구성 요소의 산정 규칙에서 나옵니다.",
		"Each step plans the spec again with only its users changed (the same computation as `physarch cost --users`). Replicas and nodes follow from the load, SKUs from each component's sizing rule."))
}
