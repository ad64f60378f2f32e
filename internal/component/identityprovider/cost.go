package identityprovider

import (
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// mauRule is the estimate behind a month's active users the spec does not
// state.
const mauRule = "monthly active users taken as the environment's peak concurrent users (targets.users), a lower bound; state identityProvider.monthlyActiveUsers"

// mauRuleKo is mauRule in Korean.
const mauRuleKo = "월간 활성 사용자를 환경의 피크 동시 사용자 수(`targets.users`)로 간주한 하한값; `identityProvider.monthlyActiveUsers`로 명시"

// CostLines implements cost.Priced: Entra External ID bills each month's
// active users, the first 50,000 free (a tier priced 0 in the catalog). An
// external provider's bill is its operator's: no line.
func (x *Component) CostLines(_ *plan.Env) []cost.Line {
	if x.Provider != ExternalID {
		return nil
	}
	l := cost.Line{Category: "security", Name: "Entra External ID", SKU: "Core MAU", Meter: azure.Meter{Service: "Microsoft Entra External ID", Meter: "Core MAU"},
		Qty: float64(x.MAU), QtyMax: float64(x.MAU), Unit: "MAU", PerMonth: 1}
	if !x.MAUStated {
		l.Estimate, l.EstimateKo = mauRule, mauRuleKo
	}
	return []cost.Line{l}
}
