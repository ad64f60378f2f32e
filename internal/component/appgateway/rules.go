package appgateway

import "github.com/physarch/physarch/internal/check"

// Rules implements check.Ruled: the block's own rules. They read the
// environment's gateway settings, so that a production environment
// without the gateway is judged too (it has no WAF).
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "SC001", Family: "security", Severity: check.Error,
			Title:     "Public production ingress without a WAF",
			Rationale: "Without a web application firewall the OWASP Top 10 (injection, XSS, path traversal) reach the services directly.",
			Fix:       "Set ingress.waf: true (Application Gateway WAF_v2 with the OWASP rule set).",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if check.PublicRoutes(c) && !Of(e.Settings).WAF {
						out = append(out, check.At(e, c, "ingress.waf", "public routes are served without a WAF"))
					}
				}
				return out
			}},
		{ID: "SC002", Family: "security", Severity: check.Warning,
			Title:     "Public production ingress without a rate limit",
			Rationale: "One client can exhaust the services' capacity (and the autoscaler's budget) without a per-client limit.",
			Fix:       "Set ingress.rateLimitPerMinute (requests per minute per client IP).",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if check.PublicRoutes(c) && Of(e.Settings).RateLimitPerMinute == 0 {
						out = append(out, check.At(e, c, "ingress.rateLimitPerMinute", "no per-client rate limit on the public routes"))
					}
				}
				return out
			}},
		{ID: "SC003", Family: "security", Severity: check.Warning,
			Title:     "WAF in Detection mode in production",
			Rationale: "Detection only logs attacks; it blocks nothing.",
			Fix:       "Set ingress.wafMode: Prevention once the rules are tuned.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if st := Of(e.Settings); st.WAF && st.WAFMode == "Detection" {
						out = append(out, check.At(e, c, "ingress.wafMode", "the WAF only detects"))
					}
				}
				return out
			}},
	}
}
