package appgateway

import (
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

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
		{ID: "SC009", Family: "security", Severity: check.Warning,
			Title:     "Production edge without end-to-end TLS",
			Rationale: "Without a certificate on the gateway, traffic from Front Door to the gateway crosses the internet as plain HTTP: the requests, their cookies and tokens can be read and changed on the way.",
			Fix:       "Set ingress.endToEndTLS: true and security.keyVault: true: the gateway then listens on 443 with a Key Vault certificate for the public host name, and Front Door forwards HTTPS only and checks the certificate's name.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					gw, ok := plan.Find[*Component](e)
					if !ok || gw.TLS || !gw.placed() {
						continue
					}
					if asked, _ := TLSVault(e.Settings); asked {
						out = append(out, check.At(e, c, "security.keyVault", "the gateway listens on HTTP only: end-to-end TLS needs Key Vault for its certificate"))
						continue
					}
					out = append(out, check.At(e, c, "ingress.endToEndTLS", "the gateway listens on HTTP only: TLS ends at the edge"))
				}
				return out
			}},
		{ID: "SC010", Family: "security", Severity: check.Error,
			Title:     "Gateway reachable by other Front Door profiles",
			Rationale: "The AzureFrontDoor.Backend service tag admits every Front Door profile of every Azure customer: only the WAF's check of the X-Azure-FDID header keeps other profiles (and their missing WAF and rate limit) away, and a disabled WAF enforces no rule.",
			Fix:       "Set ingress.waf: true: the gateway's WAF policy then blocks every request whose X-Azure-FDID is not this profile's id.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					gw, ok := plan.Find[*Component](e)
					if !ok || !gw.placed() {
						continue
					}
					if _, behind := front(e); behind && !gw.WAF {
						out = append(out, check.At(e, c, "ingress.waf", "the WAF policy is disabled, so its X-Azure-FDID check does not run: any Front Door profile reaches the gateway"))
					}
				}
				return out
			}},
		{ID: "NW007", Family: "network", Severity: check.Warning,
			Title:     "Edge health probe on a path no service states",
			Rationale: "Front Door marks the gateway unhealthy, and stops sending it traffic, when its probe gets no 200; without a stated health path it asks for a route, which may need authentication or answer 404.",
			Fix:       "Give a routed service a health path (services[].health): the edge probes it with GET, and the Ingress routes that exact path to the service.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					gw, ok := plan.Find[*Component](e)
					if !ok || !gw.placed() || gw.ProbeService != "" || !check.PublicRoutes(c) {
						continue
					}
					if _, behind := front(e); behind {
						out = append(out, check.At(e, c, "ingress.frontDoor", "Front Door probes %s, a route, since no routed service states a health path", gw.ProbePath))
					}
				}
				return out
			}},
	}
}
