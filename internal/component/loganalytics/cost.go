package loganalytics

import (
	"fmt"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// CostLines implements cost.Priced: the workspace bills by GB ingested,
// which the spec states (monitoring.ingestGBPerDay).
func (c *Component) CostLines(_ *plan.Env) []cost.Line {
	if !c.Workspace {
		return nil
	}
	gb := c.IngestGBPerDay * cost.HoursPerMonth / 24
	return []cost.Line{{Category: "monitoring", Name: "Log Analytics ingestion", NameKo: "Log Analytics 수집", SKU: fmt.Sprintf("%g GB/day", c.IngestGBPerDay), SKUKo: fmt.Sprintf("일 %g GB", c.IngestGBPerDay),
		Meter: azure.Meter{Service: "Log Analytics", Meter: "Pay-as-you-go Data Ingestion"}, Qty: gb, QtyMax: gb, Unit: "GB", PerMonth: 1,
		Estimate: "ingestion assumed from monitoring.ingestGBPerDay", EstimateKo: "수집량은 `monitoring.ingestGBPerDay`로 가정"}}
}
