package docs

import (
	"fmt"
	"time"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
	"github.com/physarch/physarch/internal/spec"
)

// recoverySteps is the DR mode's recovery, block by block: what each
// block does, how long it takes and may lose, where the figure comes from
// (an estimate marked as one), and the command or the standing resource
// that realises it. The RTO in the row above is the slowest step's.
func recoverySteps(d *md.Doc, e *plan.Env) {
	r := e.Recovery
	if len(r.Steps) == 0 {
		return
	}
	d.P(fmt.Sprintf(d.T("리전 손실 시 DR 리전 `%s`(가용 영역 %s)에서의 복구 단계입니다. 복구 시간은 가장 느린 단계의 시간입니다.",
		"Recovery steps in the DR region `%s` (zones: %s) on the loss of the region. The recovery time is the slowest step's."), r.Region, drZones(d, r.RegionZones)))
	var rows [][]string
	for i, s := range r.Steps {
		at := claim.Manually(s.Command)
		how := "`" + s.Command + "`"
		if s.Command == "" {
			at = claim.TF(s.Standing, "")
			how = "`" + s.Standing + "`"
		}
		// The reference is an identifier (a page and what it says), kept
		// in a code span as it is written.
		ref := s.Source.Ref
		if s.Source.Ko != "" {
			ref = d.T(s.Source.Ko, ref)
		}
		src := fmt.Sprintf("`%s`, %s", ref, s.Source.Date)
		if s.Estimate.En != "" {
			src = fmt.Sprintf(d.T("추정: %s (%s)", "estimate: %s (%s)"), d.T(s.Estimate.Ko, s.Estimate.En), src)
		}
		rows = append(rows, Cells(d, fmt.Sprintf("dr.step.%d", i), []string{s.Component, d.T(s.What.Ko, s.What.En), span(d, s.Time), span(d, s.Loss), src, how}, at))
	}
	d.Table([]string{d.T("구성 요소", "Component"), d.T("복구 작업", "Recovery step"), d.T("소요 시간", "Time"), d.T("데이터 손실", "Data loss"), d.T("근거", "Source"), d.T("명령 또는 상시 자원", "Command or standing resource")}, rows)
}

// span is a step's duration, or a dash for none.
func span(d *md.Doc, t time.Duration) string {
	if t == 0 {
		return "-"
	}
	return msg.Duration(d, spec.FormatDuration(t))
}

// drZones is the DR region's zone count as the text says it.
func drZones(d *md.Doc, n int) string {
	if n == 0 {
		return d.T("없음", "none")
	}
	return fmt.Sprintf(d.T("%d개", "%d"), n)
}

// recoveryLocators are what realises the DR mode's row: each recovery
// step's command (a manual step) or standing resource (Terraform).
func recoveryLocators(e *plan.Env) []claim.Locator {
	var at []claim.Locator
	for _, s := range e.Recovery.Steps {
		if s.Command == "" {
			at = append(at, claim.TF(s.Standing, ""))
			continue
		}
		at = append(at, claim.Manually(s.Command))
	}
	return at
}

// drModeID is the DR mode row's claim: mode none deploys nothing and
// restates the spec's choice, an input row.
func drModeID(e *plan.Env) string {
	if len(e.Recovery.Steps) == 0 {
		return "dr.mode.none"
	}
	return "dr.mode"
}
