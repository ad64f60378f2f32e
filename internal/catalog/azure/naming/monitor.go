package naming

// Azure Monitor's resources: the action group the alerts notify, its short
// name (what an SMS or e-mail shows), the metric alert rules and the
// diagnostic settings. physarch keeps to alphanumerics and hyphens, a
// subset of what each accepts.
var (
	// Microsoft.Insights/actionGroups: 1–260, no %&\?/ or control
	// characters, not ending in a space or period (msRules).
	actionGroup = Rule{Kind: "Action group", Min: 1, Max: 260, chars: alnum | hyphen, first: alnum, last: alnum,
		Source: msRules + " (Microsoft.Insights/actionGroups)"}
	// The action group's short name: 1–12 characters (azurerm
	// monitor_action_group short_name, validation.StringLenBetween(1, 12)).
	actionGroupShort = Rule{Kind: "Action group short name", Min: 1, Max: 12, chars: alnum | hyphen, first: alnum, last: alnum,
		Source: "azurerm monitor_action_group_resource.go short_name StringLenBetween(1, 12)"}
	// Microsoft.Insights/metricAlerts: 1–260, no *#&+:<>?@%{}\/ or control
	// characters (msRules).
	metricAlert = Rule{Kind: "Metric alert rule", Min: 1, Max: 260, chars: alnum | hyphen, first: alnum, last: alnum,
		Source: msRules + " (Microsoft.Insights/metricAlerts)"}
	// Microsoft.Insights/scheduledQueryRules (log alert rules): 1–260,
	// no *<>%{}&:\?/#| or control characters (msRules).
	scheduledQueryRule = Rule{Kind: "Log alert rule", Min: 1, Max: 260, chars: alnum | hyphen, first: alnum, last: alnum,
		Source: msRules + " (Microsoft.Insights/scheduledQueryRules)"}
	// Microsoft.Insights/diagnosticSettings: 1–260, no */%&:\?+#/ or
	// control characters (msRules).
	diagnosticSetting = Rule{Kind: "Diagnostic setting", Min: 1, Max: 260, chars: alnum | hyphen, first: alnum, last: alnum,
		Source: msRules + " (Microsoft.Insights/diagnosticSettings)"}
)

// ActionGroup derives an action group's name.
func ActionGroup(wanted string) Name { return actionGroup.Derive(wanted) }

// ActionGroupShort derives an action group's short name (12 characters).
func ActionGroupShort(wanted string) Name { return actionGroupShort.Derive(wanted) }

// MetricAlert derives a metric alert rule's name.
func MetricAlert(wanted string) Name { return metricAlert.Derive(wanted) }

// LogAlert derives a log alert (scheduled query) rule's name.
func LogAlert(wanted string) Name { return scheduledQueryRule.Derive(wanted) }

// DiagnosticSetting derives a diagnostic setting's name.
func DiagnosticSetting(wanted string) Name { return diagnosticSetting.Derive(wanted) }

func monitorRules() []Rule {
	return []Rule{actionGroup, actionGroupShort, metricAlert, scheduledQueryRule, diagnosticSetting}
}
