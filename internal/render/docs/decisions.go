package docs

import (
	"fmt"
	"slices"
	"strings"

	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
)

// Decisions are the decision reports by environment name.
type Decisions map[string]*decision.Report

// decisionTable prints an environment's decisions as short decision
// records: what was decided, the choice, its reason, and one row per
// alternative with the figures the re-planned spec gives (the monthly
// cost against this design's, the composite availability against the
// target, the nodes). The figures are the decision report's; nothing is
// computed here. The choices restate what the settings tables claim with
// their locators, so these rows are explanations, not claims.
func decisionTable(d *md.Doc, r *decision.Report) {
	if r == nil {
		return
	}
	d.P(fmt.Sprintf(d.T("이 설계: 월 비용 %s, 구성 요소 기준 가용성 %s (목표 %s), 노드 %s. 대안의 수치는 spec에 그 대안을 적용해 다시 계획한 결과이며, 비용 차이는 이 설계 대비 월 비용(최소–최대 규모)입니다.",
		"This design: %s a month, composite availability %s (target %s), %s nodes. Each alternative's figures come from planning the spec again with it; the cost difference is the monthly cost (minimum–maximum scale) against this design."),
		usd(r.CostMin, r.CostMax), availabilityOf(d, r.Figures), pct(r.Target), nodes(d, r.NodesMin, r.NodesMax)))
	var rows [][]string
	for _, rec := range r.Records {
		first := []string{text(d, rec.Topic), text(d, rec.Choice), text(d, rec.Reason)}
		for i, o := range rec.Outcomes {
			lead := []string{text(d, rec.Topic), "", ""}
			if i == 0 {
				lead = first
			}
			rows = append(rows, append(lead, outcomeCells(d, r, o)...))
		}
		if len(rec.Outcomes) == 0 {
			rows = append(rows, append(first, "-", "-", "-", "-"))
		}
	}
	d.Table([]string{d.T("결정", "Decision"), d.T("선택", "Choice"), d.T("근거", "Reason"), d.T("대안", "Alternative"),
		d.T("월 비용 차이", "Monthly cost difference"), d.T("구성 요소 기준 가용성", "Composite availability"), d.T("노드", "Nodes")}, rows)
}

// outcomeCells are one alternative's cells: its choice (and what the
// figures cannot say), the cost difference, the availability against the
// target and the nodes; or why the planner refuses it.
func outcomeCells(d *md.Doc, r *decision.Report, o decision.Outcome) []string {
	choice := text(d, o.Choice)
	if note := text(d, o.Note); note != "" {
		choice += ": " + note
	}
	if o.Refused != "" {
		return []string{choice, refused(d, o.Refused), "-", "-"}
	}
	avail := availabilityOf(d, o.Figures)
	if o.Availability > 0 && o.Availability < r.Target {
		avail += fmt.Sprintf(d.T(", 목표 %s 미달", ", below the %s target"), pct(r.Target))
	}
	if lost := newlyUnrated(d, r.Figures, o.Figures); len(lost) > 0 {
		avail += fmt.Sprintf(d.T(", SLA가 없어 제외: %s", ", left out for having no SLA: %s"), strings.Join(lost, ", "))
	}
	if gained := newlyUnrated(d, o.Figures, r.Figures); len(gained) > 0 {
		avail += fmt.Sprintf(d.T(", SLA가 생겨 포함: %s", ", counted once it has an SLA: %s"), strings.Join(gained, ", "))
	}
	return []string{choice, delta(o.DeltaMin, o.DeltaMax), avail, nodes(d, o.NodesMin, o.NodesMax)}
}

// availabilityOf prints a composite availability as the availability
// section does, or says there is no SLA to compose.
func availabilityOf(d *md.Doc, f decision.Figures) string {
	if f.Availability <= 0 {
		return d.T("SLA 없음", "no SLA")
	}
	s := fmt.Sprintf("%.4f%%", f.Availability)
	if f.UpperBound {
		s += d.T(" (상한값)", " (upper bound)")
	}
	return s
}

// delta prints a monthly cost difference range with its sign.
func delta(lo, hi float64) string {
	one := func(v float64) string {
		if v < 0 {
			return "−" + msg.USD(-v)
		}
		return "+" + msg.USD(v)
	}
	if lo == hi {
		return one(lo)
	}
	return one(lo) + " – " + one(hi)
}

// decisionComparison is the master index's table: each decision's choice
// in every environment, in the order the environments' reports list them
// (a decision only one environment makes shows "-" in the others).
func decisionComparison(d *md.Doc, pl *plan.Plan, ds Decisions) {
	var ids []string
	topics := map[string]string{}
	choices := map[string]map[string]string{}
	for _, e := range pl.Envs {
		r := ds[e.Name]
		if r == nil {
			continue
		}
		for _, rec := range r.Records {
			if _, ok := choices[rec.ID]; !ok {
				ids = append(ids, rec.ID)
				topics[rec.ID] = text(d, rec.Topic)
				choices[rec.ID] = map[string]string{}
			}
			choices[rec.ID][e.Name] = text(d, rec.Choice)
		}
	}
	if len(ids) == 0 {
		return
	}
	head := []string{d.T("결정", "Decision")}
	for _, e := range pl.Envs {
		head = append(head, e.Name)
	}
	head = append(head, d.T("환경 간", "Across environments"))
	var rows [][]string
	for _, id := range ids {
		row := []string{topics[id]}
		var seen []string
		for _, e := range pl.Envs {
			c := choices[id][e.Name]
			if c == "" {
				c = "-"
			}
			row = append(row, c)
			seen = append(seen, c)
		}
		differ := d.T("같음", "same")
		for _, c := range seen[1:] {
			if c != seen[0] {
				differ = d.T("다름", "differs")
			}
		}
		rows = append(rows, append(row, differ))
	}
	d.Table(head, rows)
	d.P(d.T("각 결정의 근거와 대안별 비용·가용성·노드 수치는 환경별 문서의 설계 결정 절에 있습니다.",
		"Each decision's reason and its alternatives' cost, availability and node figures are in the design decisions section of each environment document."))
}

// decisionSection closes an environment document with its decision
// records, numbered after the document's last section (the production
// layout has 14, the development layout 12).
func decisionSection(d *md.Doc, e *plan.Env, r *decision.Report) {
	if r == nil {
		return
	}
	n := 13
	if e.IsProdLike() {
		n = 15
	}
	d.H(2, fmt.Sprintf(d.T("%d. 설계 결정", "%d. Design decisions"), n))
	d.H(3, fmt.Sprintf(d.T("%d.1 결정 기록", "%d.1 Decision records"), n))
	decisionTable(d, r)
}

// newlyUnrated are the components the alternative leaves without an SLA
// that the design has one for: the composite rises by leaving them out.
func newlyUnrated(d *md.Doc, base, alt decision.Figures) []string {
	var out []string
	for i, n := range alt.NoSLA {
		if slices.Contains(base.NoSLA, n) {
			continue
		}
		if d.Lang == md.Ko && i < len(alt.NoSLAKo) {
			n = alt.NoSLAKo[i]
		}
		out = append(out, n)
	}
	return out
}

// nodes prints a node range, or one count where both ends agree.
func nodes(d *md.Doc, lo, hi int) string {
	if lo == hi {
		return fmt.Sprintf(d.T("%d대", "%d"), lo)
	}
	return fmt.Sprintf(d.T("%d–%d대", "%d–%d"), lo, hi)
}

// refused says the planner refuses an alternative, with its reason. The
// reason is the planner's own error message, in English as `physarch
// build` prints it: the Korean documents quote it as a code span, word
// for word, so that a reviewer can search for it.
func refused(d *md.Doc, reason string) string {
	if d.Lang == md.Ko {
		return "계획 불가 (플래너 오류: `" + strings.ReplaceAll(reason, "`", "'") + "`)"
	}
	return "cannot be planned: " + reason
}
