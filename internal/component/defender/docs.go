package defender

import (
	"fmt"
	"github.com/physarch/physarch/internal/analysis/decision"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
)

// Summary implements docs.Summarised: the deployment chapter's scanning
// line.
func (c *Component) Summary(d *md.Doc, e *plan.Env, key string) (string, bool) {
	if key != docs.SummaryImageScanning {
		return "", false
	}
	lo, hi := VCores(e)
	s := fmt.Sprintf(d.T("이미지 스캔·런타임 보호: Microsoft Defender for Containers (구독 플랜 Standard, 노드 vCore %s개 과금)",
		"Image scanning and runtime protection: Microsoft Defender for Containers (the subscription's Standard plan, billed on %s node vCores)"), decision.Range(lo, hi))
	if c.Sensor {
		s += d.T(", 클러스터 Defender 센서 → Log Analytics", ", the cluster's Defender sensor → Log Analytics")
	}
	return s, true
}
