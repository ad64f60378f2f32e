package redis_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/testplan"
)

// devRedis is the phonebill example with redis settings in dev.
func devRedis(t *testing.T, settings string) string {
	t.Helper()
	return edit(t, "phonebill", "    profile: dev\n", "    profile: dev\n    redis: "+settings+"\n")
}

// TestRules gives every rule the block owns, and the core rules that read
// its facets (NW003, CO003), a spec that triggers it and one that leaves
// it quiet, for both managed services. internal/check/rules_test.go finds
// the rule IDs here.
func TestRules(t *testing.T) {
	cases := []struct {
		id, name string
		spec     func(t *testing.T) string
		fires    bool
		path     string // the spec path the first finding points at, when it fires
		says     string // in the first finding's message
	}{
		{"AV002", "trigger: Azure Cache for Redis Basic in prod", func(t *testing.T) string { return prodRedis(t, "{tier: Basic, sku: C1}") }, true, "environments[1].redis.tier", "Redis Basic C1 is a single node without an SLA"},
		{"AV002", "trigger: Azure Managed Redis without high availability in prod", func(t *testing.T) string { return prodRedis(t, "{highAvailability: false}") }, true, "environments[1].redis.highAvailability", "Azure Managed Redis Balanced B3 without high availability"},
		{"AV002", "quiet: the example (Azure Managed Redis with high availability)", example, false, "", ""},
		{"AV002", "quiet: Azure Cache for Redis Premium", func(t *testing.T) string { return prodRedis(t, "{tier: Premium}") }, false, "", ""},
		{"AV002", "quiet: Azure Managed Redis without high availability in dev", func(t *testing.T) string { return devRedis(t, "{mode: managed}") }, false, "", ""},

		{"CP004", "trigger: Azure Cache for Redis P1 under an 8 GiB working set", func(t *testing.T) string {
			return strings.Replace(prodRedis(t, "{tier: Premium}"), "workingSetMiB: 1024}", "workingSetMiB: 8192}", 1)
		}, true, "environments[1].redis", "Redis holds 6144 MiB, the working set is 8192 MiB"},
		{"CP004", "trigger: Azure Managed Redis B1 under its usable share", func(t *testing.T) string { return prodRedis(t, "{sku: B1}") }, true, "environments[1].redis.sku", "Azure Managed Redis Balanced B1 leaves about 819 MiB for data (80% of 1024 MiB), the working set is 1024 MiB"},
		{"CP004", "quiet: Azure Managed Redis sized from the working set", func(t *testing.T) string {
			return edit(t, "phonebill", "workingSetMiB: 1024}", "workingSetMiB: 100000}")
		}, false, "", ""},
		{"CP004", "quiet: Azure Cache for Redis P1 over a 1 GiB working set", func(t *testing.T) string { return prodRedis(t, "{tier: Premium}") }, false, "", ""},

		{"OP006", "trigger: prod states an Azure Cache for Redis tier", func(t *testing.T) string { return prodRedis(t, "{tier: Premium}") }, true, "environments[1].redis.tier", "Azure Cache for Redis Premium P1 retires on 2028-09-30"},
		{"OP006", "trigger: prod states the service", func(t *testing.T) string { return prodRedis(t, "{service: cacheForRedis}") }, true, "environments[1].redis.service", "retires on 2028-09-30"},
		{"OP006", "trigger: dev runs Azure Cache for Redis Basic", func(t *testing.T) string { return devRedis(t, "{mode: managed, tier: Basic, sku: C0}") }, true, "environments[0].redis.tier", "Azure Cache for Redis Basic C0"},
		{"OP006", "quiet: the example (Azure Managed Redis)", example, false, "", ""},
		{"OP006", "quiet: Azure Managed Redis stated", func(t *testing.T) string {
			return prodRedis(t, "{service: managedRedis, tier: ComputeOptimized, sku: X10}")
		}, false, "", ""},
		{"OP006", "quiet: the dev pod", func(t *testing.T) string { return devRedis(t, "{mode: pod}") }, false, "", ""},

		{"NW003", "trigger: Azure Managed Redis on its public endpoint", func(t *testing.T) string {
			return edit(t, "phonebill", "    profile: prod\n", "    profile: prod\n    network: {privateEndpoints: false}\n")
		}, true, "environments[1].network.privateEndpoints", "Azure Managed Redis B3 keeps its public endpoint"},
		{"NW003", "trigger: Azure Cache for Redis on its public endpoint", func(t *testing.T) string {
			return edit(t, "phonebill", "    profile: prod\n", "    profile: prod\n    network: {privateEndpoints: false}\n    redis: {tier: Premium}\n")
		}, true, "environments[1].network.privateEndpoints", "Azure Cache for Redis P1 keeps its public endpoint"},
		{"NW003", "quiet: the example (private endpoints)", example, false, "", ""},

		{"CO003", "trigger: dev runs Azure Managed Redis", func(t *testing.T) string { return devRedis(t, "{mode: managed}") }, true, "environments[0].redis.mode", "dev runs Azure Managed Redis Balanced B3"},
		{"CO003", "trigger: dev runs Azure Cache for Redis", func(t *testing.T) string { return devRedis(t, "{mode: managed, tier: Basic, sku: C0}") }, true, "environments[0].redis.mode", "dev runs Azure Cache for Redis Basic C0"},
		{"CO003", "quiet: the example (the dev pod)", example, false, "", ""},
	}
	for _, c := range cases {
		t.Run(c.id+" "+c.name, func(t *testing.T) {
			var got []string
			var path string
			for _, f := range testplan.Findings(t, "physarch.yaml", []byte(c.spec(t)), c.id) {
				if strings.Contains(f.Message, "Redis") {
					if len(got) == 0 {
						path = f.Path
					}
					got = append(got, f.Message)
				}
			}
			if !c.fires {
				if len(got) > 0 {
					t.Fatalf("quiet spec triggers %s: %v", c.id, got)
				}
				return
			}
			if len(got) == 0 {
				t.Fatalf("trigger spec does not trigger %s", c.id)
			}
			if !strings.Contains(got[0], c.says) {
				t.Errorf("finding %q does not say %q", got[0], c.says)
			}
			if c.path != "" && path != c.path {
				t.Errorf("finding at %s, want %s", path, c.path)
			}
		})
	}
}

func example(t *testing.T) string { return edit(t, "phonebill", "\n", "\n") }
