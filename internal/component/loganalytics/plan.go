package loganalytics

import (
	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Kind is the monitoring block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Component is the environment's monitoring: every environment has alert
// thresholds and a log retention; the workspace is optional.
type Component struct {
	// Workspace is whether the environment has a Log Analytics workspace
	// (and Container Insights); AppInsights whether it also has Application
	// Insights on it.
	Workspace   bool
	AppInsights bool
	// RetentionDays is how long logs are kept; IngestGBPerDay the
	// ingestion the cost assumes; AlertCPUPercent the node CPU alert.
	RetentionDays   int
	IngestGBPerDay  float64
	AlertCPUPercent int
	// Alerting is whether the environment deploys alert rules.
	Alerting bool
	// WorkspaceName and InsightsName name the resources, where deployed.
	WorkspaceName string
	InsightsName  string
}

// ID implements plan.Component.
func (*Component) ID() string { return Name }

// Plan implements plan.Kind.
func (Kind) Plan(c *plan.Context) plan.Component {
	st := plan.Settings[Settings](c, Name)
	m := &Component{Workspace: st.LogAnalytics, AppInsights: st.LogAnalytics && st.AppInsights,
		RetentionDays: st.RetentionDays, IngestGBPerDay: st.IngestGBPerDay, AlertCPUPercent: st.AlertCPUPercent, Alerting: st.Alerts}
	base := c.Plan.Name + "-" + c.Env.Name
	if m.Workspace {
		m.WorkspaceName = c.Name("Log Analytics workspace", naming.LogAnalyticsWorkspace("log-"+base))
	}
	if m.AppInsights {
		m.InsightsName = c.Name("Application Insights", naming.ApplicationInsights("appi-"+base))
	}
	return m
}
