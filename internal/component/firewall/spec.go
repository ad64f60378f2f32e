// Package firewall is the Azure Firewall building block
// (environments[].firewall): egress control for the cluster. The firewall
// sits in AzureFirewallSubnet (a /26, without an NSG, as Azure requires)
// with a public address and a firewall policy holding the network and
// application rules AKS needs (Microsoft's "Outbound network and FQDN
// rules for AKS clusters"), plus the external systems the services call;
// a route table sends the node subnet's 0.0.0.0/0 to the firewall's
// private address and the cluster's outbound type becomes
// userDefinedRouting. It owns every facet of the block: names, subnet,
// route, cost lines, SLA link, Terraform, document sections, diagram
// nodes and check rules.
package firewall

import (
	"reflect"

	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's name and its ID.
const Name = "firewall"

// subnetRole is the firewall's subnet; Azure requires its name.
const (
	subnetRole = "firewall"
	subnetName = "AzureFirewallSubnet"
)

// Settings are environments[].firewall.
type Settings struct {
	Tier string `yaml:"tier" jsonschema_description:"Azure Firewall tier for the cluster's egress (Standard, Premium), or none"`
	// RouteCluster sends the node subnet's egress through the firewall;
	// false deploys the firewall without routing the cluster (NW009).
	RouteCluster bool `yaml:"routeCluster" jsonschema_description:"send the cluster's outbound traffic through the firewall (outbound type userDefinedRouting); true unless set false"`
	// EgressGBPerMonth is the traffic the firewall processes, for its
	// per-GB meter.
	EgressGBPerMonth int `yaml:"egressGBPerMonth" jsonschema_description:"outbound traffic the firewall processes a month, in GB (image pulls, updates, telemetry, external calls); the profiles assume 100"`
}

// FieldRules constrains the settings.
func (Settings) FieldRules() spec.Rules {
	return spec.Rules{
		"tier":             spec.OneOf("none", "Standard", "Premium"),
		"egressGBPerMonth": spec.Between(0, 10000000).WithHint("GB a month, 0 to 10,000,000"),
	}
}

// Profile defaults: off everywhere; an environment turns it on with a
// tier. Once on it routes the cluster, and 100 GB a month is the
// traffic assumed (image pulls, node updates, telemetry) until the spec
// states its own.
const profile = "tier: none\nrouteCluster: true\negressGBPerMonth: 100\n"

func section() spec.Section {
	return spec.Section{
		Kind:        Name,
		SettingsKey: "firewall", Settings: reflect.TypeFor[Settings](),
		Profiles:    map[string]string{"dev": profile, "prod": profile},
		SubnetRoles: []string{subnetRole},
	}
}

// Of is an environment's firewall settings.
func Of(e spec.Environment) Settings {
	if st, ok := spec.Block[Settings](e.Blocks, Name); ok {
		return *st
	}
	return Settings{}
}

// On reports whether the settings turn the firewall on.
func (s Settings) On() bool { return s.Tier != "" && s.Tier != "none" }
