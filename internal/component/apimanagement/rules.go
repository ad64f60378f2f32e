package apimanagement

import (
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Rules implements check.Ruled: the block's own rules.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "AV016", Family: "availability", Severity: check.Error,
			Title:     "API Management Developer tier on a production request path",
			Rationale: "The Developer tier has no SLA and one unit: an update or a host failure stops every API call, and the composite availability has no figure to start from.",
			Fix:       "Set apiManagement.tier: StandardV2 (99.95%) or Premium (99.99% with units in two or more zones).",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if x, ok := plan.Find[*Component](e); ok && x.Tier == Developer {
						out = append(out, check.At(e, c, "apiManagement.tier", "API Management Developer (no SLA) is on the request path of %d APIs", len(x.APIs)))
					}
				}
				return out
			}},
		{ID: "SC014", Family: "security", Severity: check.Warning,
			Title:     "Public API Management gateway without a WAF in front",
			Rationale: "Standard v2's gateway is public and API Management has no web application firewall of its own: injection and flood traffic reach the APIs' backends unfiltered.",
			Fix:       "Use apiManagement.tier: Premium (internal VNet mode: the gateway has only a private address), or put a WAF (Front Door Premium with a WAF policy) in front of the public gateway.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if x, ok := plan.Find[*Component](e); ok && !x.Internal {
						out = append(out, check.At(e, c, "apiManagement.tier", "API Management %s's public gateway serves %d APIs without a WAF in front", x.Tier, len(x.APIs)))
					}
				}
				return out
			}},
	}
}
