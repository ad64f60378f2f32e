package check

import "strings"

// publicRoutes reports whether any service takes traffic from outside.
func publicRoutes(c *Context) bool {
	for _, s := range c.Plan.Services {
		if s.Route != "" {
			return true
		}
	}
	return false
}

func securityRules(r *Registry) {
	r.Add(
		Rule{ID: "SC001", Family: "security", Severity: Error,
			Title:     "Public production ingress without a WAF",
			Rationale: "Without a web application firewall the OWASP Top 10 (injection, XSS, path traversal) reach the services directly.",
			Fix:       "Set ingress.waf: true (Application Gateway WAF_v2 with the OWASP rule set).",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range prodEnvs(c) {
					if publicRoutes(c) && !e.Settings.Ingress.WAF {
						out = append(out, at(e, c, "ingress.waf", "public routes are served without a WAF"))
					}
				}
				return out
			}},
		Rule{ID: "SC002", Family: "security", Severity: Warning,
			Title:     "Public production ingress without a rate limit",
			Rationale: "One client can exhaust the services' capacity (and the autoscaler's budget) without a per-client limit.",
			Fix:       "Set ingress.rateLimitPerMinute (requests per minute per client IP).",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range prodEnvs(c) {
					if publicRoutes(c) && e.Settings.Ingress.RateLimitPerMinute == 0 {
						out = append(out, at(e, c, "ingress.rateLimitPerMinute", "no per-client rate limit on the public routes"))
					}
				}
				return out
			}},
		Rule{ID: "SC003", Family: "security", Severity: Warning,
			Title:     "WAF in Detection mode in production",
			Rationale: "Detection only logs attacks; it blocks nothing.",
			Fix:       "Set ingress.wafMode: Prevention once the rules are tuned.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range prodEnvs(c) {
					if e.Settings.Ingress.WAF && e.Settings.Ingress.WAFMode == "Detection" {
						out = append(out, at(e, c, "ingress.wafMode", "the WAF only detects"))
					}
				}
				return out
			}},
		Rule{ID: "SC005", Family: "security", Severity: Error,
			Title:     "Storage on the node's disk (hostPath or local volumes)",
			Rationale: "Data on a node's own disk is lost when the node is replaced and ties the pod to that node; hostPath also opens the node's filesystem to the pod.",
			Fix:       "Use a managed-disk StorageClass such as managed-csi or managed-csi-premium.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range c.Plan.Envs {
					for _, b := range e.Backing {
						cls := strings.ToLower(b.StorageClass)
						if strings.Contains(cls, "hostpath") || strings.Contains(cls, "local") {
							sub := b.Owner + ".storageClass"
							out = append(out, at(e, c, sub, "%s stores its data with StorageClass %s", b.Name, b.StorageClass))
						}
					}
				}
				return out
			}},
		Rule{ID: "SC006", Family: "security", Severity: Warning,
			Title:     "Production cluster without Entra ID RBAC",
			Rationale: "Local accounts share one admin credential; Entra ID gives per-person access, conditional access and an audit trail.",
			Fix:       "Set aks.entraRBAC: true and pass the admin group to Terraform.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range prodEnvs(c) {
					if !e.Settings.AKS.EntraRBAC {
						out = append(out, at(e, c, "aks.entraRBAC", "the cluster uses local accounts"))
					}
				}
				return out
			}},
		Rule{ID: "SC007", Family: "security", Severity: Info,
			Title:     "Public production ingress without Front Door",
			Rationale: "Front Door adds global DDoS absorption, TLS at the edge and a second WAF layer in front of the regional gateway.",
			Fix:       "Set ingress.frontDoor: Standard (or Premium).",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range prodEnvs(c) {
					if fd := e.Settings.Ingress.FrontDoor; publicRoutes(c) && (fd == "" || fd == "none") {
						out = append(out, at(e, c, "ingress.frontDoor", "no edge in front of the gateway"))
					}
				}
				return out
			}},
	)
}
