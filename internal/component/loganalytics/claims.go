package loganalytics

import (
	"strconv"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
)

// tfWorkspace is the workspace's Terraform address.
const tfWorkspace = "azurerm_log_analytics_workspace.main"

// SummaryAt implements docs.SummaryLocated: the retention is the
// workspace's, where there is one; without one nothing keeps the logs.
func (c *Component) SummaryAt(_ *plan.Env, key string) []claim.Locator {
	if key != docs.SummaryLogRetention || !c.Workspace {
		return nil
	}
	return []claim.Locator{claim.TF(tfWorkspace, "retention_in_days").Is(strconv.Itoa(c.RetentionDays))}
}

// insightsAt is what realises the Application Insights row: the resource
// on the workspace. (That its connection string reaches the pods is the
// monitoring work of issue 12, pending in the claim registry test.)
func (c *Component) insightsAt() []claim.Locator {
	if !c.AppInsights {
		return nil
	}
	return []claim.Locator{claim.TF("azurerm_application_insights.main", "workspace_id")}
}
