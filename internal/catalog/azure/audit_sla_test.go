package azure

import (
	"strings"
	"testing"
)

// The SLA corrections of the catalog audit of 2026-12-01: the newest
// first-party source gives the figure, older ones stay as notes, and a
// figure with a condition applies only to a configuration that meets it.
func TestAuditSLAs(t *testing.T) {
	cases := []struct {
		name   string
		key    string
		facts  Facts
		want   float64
		source string
		unmet  string // part of the reason, "" when the figure applies
	}{
		{"Key Vault 99.99%", "keyvault", Facts{}, 99.99, "KeyVault", ""},
		{"Service Bus Premium zone-redundant and partitioned", "servicebus/Premium", Facts{ZoneRedundant: true, Partitioned: true}, 99.99, "reliability-service-bus.md", ""},
		{"Service Bus Premium not partitioned", "servicebus/Premium", Facts{ZoneRedundant: true}, 99.9, "reliability-service-bus.md", "is not partitioned, so 99.9% applies"},
		{"Service Bus Premium without zones", "servicebus/Premium", Facts{Partitioned: true}, 99.9, "reliability-service-bus.md", "is not zone-redundant"},
		{"Application Gateway zone-redundant", "appgw/v2", Facts{ZoneRedundant: true}, 99.95, "agw-103", ""},
		{"Application Gateway autoscaling", "appgw/v2", Facts{Autoscaling: true}, 99.95, "agw-103", ""},
		{"Application Gateway fixed in one zone", "appgw/v2", Facts{MinInstances: 2}, 0, "agw-103", "is neither zone-redundant nor autoscaling, so it has no SLA"},
		{"Load Balancer with two back ends", "loadbalancer/Standard", Facts{MinInstances: 2}, 99.99, "reliability-load-balancer.md", ""},
		{"Load Balancer with one back end", "loadbalancer/Standard", Facts{MinInstances: 1}, 0, "reliability-load-balancer.md", "runs 1 instance"},
		{"Redis Premium stays 99.9% zone-redundant", "redis/Premium", Facts{ZoneRedundant: true}, 99.9, "cache-high-availability", ""},
		{"PostgreSQL zone-redundant HA in one zone", "postgresql/zoneredundant", Facts{}, 99.95, "flexibleServers", "is not zone-redundant, so 99.95% applies"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := ResolveSLA(c.key, c.facts)
			if !a.Found || a.Percent != c.want || !strings.Contains(a.Source.Ref, c.source) {
				t.Errorf("%v%% from %q, want %v%% from %q", a.Percent, a.Source.Ref, c.want, c.source)
			}
			if (c.unmet == "") != (a.Unmet == "") || !strings.Contains(a.Unmet, c.unmet) {
				t.Errorf("unmet %q, want %q", a.Unmet, c.unmet)
			}
		})
	}
	// The older figures are kept as notes, never as the value.
	for key, note := range map[string]string{"keyvault": "99.9%", "servicebus/Premium": "99.95%", "redis/Premium": "Azure Managed Redis"} {
		s, _ := LookupSLA(key)
		if !strings.Contains(strings.Join(s.Notes, " "), note) || s.Disagreement != "" {
			t.Errorf("%s: notes %q, want one naming %s", key, s.Notes, note)
		}
	}
}
