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

// Flows implements plan.Flowing: every container that gets the connection
// string sends its telemetry to the ingestion endpoint over HTTPS, a
// public Azure Monitor address (no private link scope is generated), so
// each service's network policy must let it out on 443; without this flow
// the default-deny policy drops the telemetry the ConfigMap promises.
func (c *Component) Flows(_ *plan.Plan, _ *plan.Env, sv plan.Service) []plan.Flow {
	if !c.AppInsights {
		return nil
	}
	return []plan.Flow{{From: sv.Name, To: Name, Port: plan.PortHTTPS, Proto: "HTTPS", Kind: "telemetry"}}
}
