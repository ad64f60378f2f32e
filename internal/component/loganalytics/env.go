package loganalytics

import (
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/appenv"
)

// insightsOutput is the Terraform output the services' connection string
// comes from.
const insightsOutput = "application_insights_connection_string"

// Vars implements appenv.Configured: every service's container gets the
// Application Insights connection string (the name the Azure Monitor
// OpenTelemetry distros and the Java agent read), filled from the
// Terraform output. It is an ingestion endpoint and key, not a credential
// to the data (Microsoft: "the connection string isn't considered a
// security token"), so it sits in the ConfigMap, not in Key Vault.
func (c *Component) Vars(_ *plan.Env, _ plan.Service, _ appenv.Hosts) []appenv.Var {
	if !c.AppInsights {
		return nil
	}
	return []appenv.Var{{Name: "APPLICATIONINSIGHTS_CONNECTION_STRING", Value: "SET-FROM-TERRAFORM-OUTPUT-" + insightsOutput}}
}
