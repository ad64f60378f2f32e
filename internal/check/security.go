package check

import "strings"

// PublicRoutes reports whether any service takes traffic from outside.
func PublicRoutes(c *Context) bool {
	for _, s := range c.Plan.Services {
		if s.Route != "" {
			return true
		}
	}
	return false
}

func securityRules(r *Registry) {
	r.Add(
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
	)
}
