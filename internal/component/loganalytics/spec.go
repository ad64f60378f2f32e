// Package loganalytics is the monitoring building block: the environment's
// alert thresholds and log retention (environments[].monitoring), and, where
// monitoring.logAnalytics is on, the Log Analytics workspace with Container
// Insights (the cluster's oms_agent) and workspace-based Application
// Insights. It owns every facet of the block: its spec key, the
// workspace's names, its Terraform, the ingestion cost line, the monitoring
// sections of the documents, its diagram node and check rules.
package loganalytics

import (
	"fmt"
	"reflect"

	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's name and its ID.
const Name = "loganalytics"

// Settings are environments[].monitoring.
type Settings struct {
	LogAnalytics    bool    `yaml:"logAnalytics"`
	AppInsights     bool    `yaml:"appInsights"`
	RetentionDays   int     `yaml:"retentionDays"`
	IngestGBPerDay  float64 `yaml:"ingestGBPerDay"`
	AlertCPUPercent int     `yaml:"alertCPUPercent"`
	// Alerts is whether the environment deploys Azure Monitor alert rules
	// and the action group they notify.
	Alerts bool `yaml:"alerts" jsonschema_description:"deploy the metric alert rules and their action group"`
}

// FieldRules bounds monitoring.
func (Settings) FieldRules() spec.Rules {
	return spec.Rules{
		"retentionDays":   spec.Between(1, 730).WithHint("days, from 1 to 730 (Log Analytics keeps 30 to 730)"),
		"ingestGBPerDay":  spec.Between(0, 10000).WithHint("GB a day, from 0 to 10,000"),
		"alertCPUPercent": spec.Between(1, 100).WithHint("a percentage from 1 to 100"),
	}
}

// Profile defaults: dev reads logs with kubectl, prod has a workspace and
// Application Insights.
const (
	devProfile = `logAnalytics: false
appInsights: false
retentionDays: 7
ingestGBPerDay: 0.5
alertCPUPercent: 80
alerts: false
`
	prodProfile = `logAnalytics: true
appInsights: true
retentionDays: 30
ingestGBPerDay: 5
alertCPUPercent: 80
alerts: true
`
)

func section() spec.Section {
	return spec.Section{
		Kind:        Name,
		SettingsKey: "monitoring", Settings: reflect.TypeFor[Settings](),
		Profiles: map[string]string{"dev": devProfile, "prod": prodProfile},
		Validate: validate,
	}
}

// validate checks the retention against the workspace's minimum.
func validate(v *spec.Validation) {
	for i, e := range v.Spec().Environments {
		st, ok := spec.Block[Settings](e.Blocks, Name)
		if ok && e.Profile != "" && st.LogAnalytics && st.RetentionDays < 30 {
			v.Fail(fmt.Sprintf("environments[%d].monitoring.retentionDays", i), "Log Analytics keeps data 30 to 730 days", "retention %d days is below Log Analytics' minimum", st.RetentionDays)
		}
	}
}
