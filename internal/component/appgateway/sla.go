package appgateway

import (
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/plan"
)

// EdgeLinks implements availability.EdgeLinked.
func (*Component) EdgeLinks(_ *plan.Env) []availability.PathLink {
	return []availability.PathLink{{Name: "Application Gateway", Config: "WAF_v2", Key: "appgw/v2"}}
}
