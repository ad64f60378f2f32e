package azuresql_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/testplan"
)

// TestRules gives each of the block's rules, and the core rules its facets
// feed (NW003 through check.Public, CO003 through check.ManagedInDev), a
// spec that triggers it and one that leaves it quiet: the sample as it
// is, unless the case says otherwise.
func TestRules(t *testing.T) {
	const prod = "    azureSQL: {vCores: 4}\n"
	const dev = "    targets: {users: 50}\n"
	cases := []struct {
		rule           string
		trigger, quiet [2]string // old and new text of the sample; quiet {"", ""} is the sample
		want           string    // what the trigger's finding says
	}{
		{"AV011", [2]string{prod, "    azureSQL: {vCores: 4, zoneRedundant: false}\n"}, [2]string{}, "run in one zone; koreacentral has 3"},
		{"AV011", [2]string{prod, "    azureSQL: {mode: pod}\n"}, [2]string{prod, "    azureSQL: {vCores: 4, tier: BusinessCritical}\n"}, "single SQL Server pod in a production environment"},
		{"RS008", [2]string{prod, "    azureSQL: {vCores: 4, backupRedundancy: Local}\n"}, [2]string{prod, "    azureSQL: {vCores: 4, backupRedundancy: Zone}\n"}, "stored locally (LRS)"},
		{"CP009", [2]string{"poolSize: 10}", "poolSize: 100}"}, [2]string{}, "runs 400 concurrent workers"},
		{"CP010", [2]string{prod, "    azureSQL: {vCores: 4, maxSizeGB: 50}\n"}, [2]string{prod, "    azureSQL: {vCores: 4, maxSizeGB: 100}\n"}, "orders holds 100 GB after 12 months; its max size is 50 GB"},
		{"CP010", [2]string{"storedGB: 40, growthGBPerMonth: 5", "storedGB: 1000, growthGBPerMonth: 20"}, [2]string{"storedGB: 40, growthGBPerMonth: 5", "storedGB: 700, growthGBPerMonth: 20"}, "its max size is 1024 GB (GP_Gen5_4 allows 1024)"},
		{"CP010", [2]string{prod, "    azureSQL: {mode: pod, storageGB: 50}\n"}, [2]string{prod, "    azureSQL: {mode: pod, storageGB: 200}\n"}, "the pod's disk has 50 GiB"},
		{"NW003", [2]string{prod, prod + "    network: {privateEndpoints: false}\n"}, [2]string{}, "keeps its public endpoint"},
		{"CO003", [2]string{dev, dev + "    azureSQL: {mode: managed}\n"}, [2]string{}, "dev runs Azure SQL Database GP_S_Gen5_1 instead of a SQL Server pod"},
	}
	base := sample(t)
	edit := func(t *testing.T, e [2]string) []byte {
		t.Helper()
		if e[0] == "" {
			return []byte(base)
		}
		if !strings.Contains(base, e[0]) {
			t.Fatalf("case does not apply: %q not in the sample", e[0])
		}
		return []byte(strings.Replace(base, e[0], e[1], 1))
	}
	for _, c := range cases {
		t.Run(c.rule+"/"+c.want, func(t *testing.T) {
			got := testplan.Findings(t, "trigger.yaml", edit(t, c.trigger), c.rule)
			if len(got) == 0 {
				t.Fatalf("trigger spec does not trigger %s", c.rule)
			}
			if !strings.Contains(got[0].Message, c.want) {
				t.Errorf("%s says %q, want %q", c.rule, got[0].Message, c.want)
			}
			if quiet := testplan.Findings(t, "quiet.yaml", edit(t, c.quiet), c.rule); len(quiet) != 0 {
				t.Errorf("quiet spec triggers %s: %s", c.rule, quiet[0].Message)
			}
		})
	}
}
