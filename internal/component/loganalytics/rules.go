package loganalytics

import (
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Rules implements check.Ruled: the block's own rules.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "OP001", Family: "operations", Severity: check.Warning,
			Title:     "Production without Log Analytics",
			Rationale: "Without Container Insights and a workspace there are no logs, metrics or alerts to run production on.",
			Fix:       "Set monitoring.logAnalytics: true.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if m, ok := plan.Find[*Component](e); !ok || !m.Workspace {
						out = append(out, check.At(e, c, "monitoring.logAnalytics", "no Log Analytics workspace"))
					}
				}
				return out
			}},
		{ID: "OP002", Family: "operations", Severity: check.Info,
			Title:     "Production logs kept less than 90 days",
			Rationale: "Security incidents are often found weeks after they began, and audits ask for history: PCI DSS 10.5.1, for one, wants the last three months of audit logs immediately available. Log Analytics itself keeps 30 to 730 days (physarch refuses less).",
			Fix:       "Set monitoring.retentionDays to 90 or more where investigations or audits need a quarter of history.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if m, ok := plan.Find[*Component](e); ok && m.Workspace && m.RetentionDays < 90 {
						out = append(out, check.At(e, c, "monitoring.retentionDays", "logs are kept %d days", m.RetentionDays))
					}
				}
				return out
			}},
		{ID: "OP008", Family: "operations", Severity: check.Warning,
			Title:     "Production without alert rules",
			Rationale: "The availability target is a promise only if someone learns that it is being broken: without alert rules and an action group, a failing gateway, a full database disk or an error rate burning the month's error budget is found by the users first.",
			Fix:       "Set monitoring.alerts: true (the prod profile's default) and supply alert_email_addresses when applying the Terraform.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if m, ok := plan.Find[*Component](e); !ok || !m.Alerting {
						out = append(out, check.At(e, c, "monitoring.alerts", "no alert rules: nothing notifies anyone when the %g%% target is at risk", e.Settings.Targets.Availability))
					}
				}
				return out
			}},
	}
}
