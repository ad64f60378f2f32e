package keyvault

import (
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// CostLines implements cost.Priced: the vault bills by operation; no
// source says how many a system makes, so a month's are assumed.
func (*Component) CostLines(_ *plan.Env) []cost.Line {
	return []cost.Line{{Category: "security", Name: "Key Vault operations", NameKo: "Key Vault 작업", SKU: "Standard", Meter: azure.Meter{Service: "Key Vault", Meter: "Operations"},
		Qty: 10, QtyMax: 10, Unit: "10K operations", PerMonth: 1, Estimate: "assumed 100K operations a month", EstimateKo: "월 작업 10만 건으로 가정"}}
}
