package azuresql_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/cli"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/spec"
)

// sample is the block's complete sample spec.
func sample(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "sample.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// position is the line and column (1-based) skip characters into the
// first occurrence of a text: where an error about it must point.
func position(t *testing.T, src, text string, skip int) (int, int) {
	t.Helper()
	off := strings.Index(src, text)
	if off < 0 {
		t.Fatalf("%q not in the spec", text)
	}
	off += skip
	line := strings.Count(src[:off], "\n") + 1
	return line, off - strings.LastIndex(src[:off], "\n")
}

// TestBadInput: each mistake in the block's part of the spec is reported
// once, at the value behind it, with what is wrong and a hint, and the
// build writes nothing. Each case breaks the sample one way.
func TestBadInput(t *testing.T) {
	const prod = "    azureSQL: {vCores: 4}\n"
	const dev = "    targets: {users: 50}\n"
	cases := []struct {
		name     string
		old, new string
		at       string // the text the error points into
		skip     int    // characters of at before the value
		want     []string
	}{
		{"unknown tier", prod, "    azureSQL: {vCores: 4, tier: Hyperscale}\n", "Hyperscale", 0,
			[]string{`"Hyperscale" is not allowed`, "one of GeneralPurpose, BusinessCritical"}},
		{"tier typo", prod, "    azureSQL: {vCores: 4, tier: GeneralPurpos}\n", "GeneralPurpos}", 0,
			[]string{`did you mean`}},
		{"vCores above the maximum", prod, "    azureSQL: {vCores: 200}\n", "vCores: 200", 8,
			[]string{"vCores 200 is out of range", "from 1 to 80"}},
		{"vCores below the minimum", prod, "    azureSQL: {vCores: 0}\n", "vCores: 0", 8,
			[]string{"vCores 0 is out of range"}},
		{"vCores no size has", prod, "    azureSQL: {vCores: 3}\n", "vCores: 3", 8,
			[]string{"GeneralPurpose provisioned has no size with 3 vCores", "2, 4, 6, 8"}},
		{"serverless Business Critical", prod, "    azureSQL: {vCores: 4, tier: BusinessCritical, compute: serverless}\n", "serverless}", 0,
			[]string{"serverless compute exists for General Purpose only"}},
		{"max size above the size's", prod, "    azureSQL: {vCores: 4, maxSizeGB: 2000}\n", "maxSizeGB: 2000", 11,
			[]string{"maxSizeGB 2000 is above what GP_Gen5_4 allows", "at most 1024 GB"}},
		{"max size above any", prod, "    azureSQL: {vCores: 4, maxSizeGB: 5000}\n", "maxSizeGB: 5000", 11,
			[]string{"maxSizeGB 5000 is out of range"}},
		{"serverless minimum below the size's", dev, dev + "    azureSQL: {mode: managed, vCores: 8, minVCores: 0.5}\n", "minVCores: 0.5", 11,
			[]string{"minVCores 0.5 is not a minimum GP_S_Gen5_8 takes", "from 1 to 8"}},
		{"serverless minimum between steps", dev, dev + "    azureSQL: {mode: managed, minVCores: 0.6}\n", "minVCores: 0.6", 11,
			[]string{"minVCores 0.6 is not a minimum GP_S_Gen5_1 takes"}},
		{"auto-pause too short", dev, dev + "    azureSQL: {mode: managed, autoPauseMinutes: 5}\n", "autoPauseMinutes: 5", 18,
			[]string{"autoPauseMinutes 5 is not a delay Azure SQL takes", "-1 (never pause)"}},
		{"pod below SQL Server's memory", dev, dev + "    azureSQL: {memory: 1Gi}\n", "azureSQL: {memory: 1Gi}", 19,
			[]string{"SQL Server needs at least 2 GiB of memory", "memory: 2Gi"}},
		{"retention above 35 days", prod, "    azureSQL: {vCores: 4, backupRetentionDays: 40}\n", "backupRetentionDays: 40", 21,
			[]string{"backupRetentionDays 40 is out of range", "1 to 35"}},
		{"backup redundancy unknown", prod, "    azureSQL: {vCores: 4, backupRedundancy: GeoZone}\n", "GeoZone", 0,
			[]string{`"GeoZone" is not allowed`, "Local, Zone, Geo"}},
		{"zone redundancy without zones", "budgetUSD: 6000}\n" + prod, "budgetUSD: 6000, zones: 1}\n    azureSQL: {vCores: 4, zoneRedundant: true}\n", "zoneRedundant: true", 15,
			[]string{"a zone-redundant database needs at least 2 zones"}},
		{"database owned twice", "azureSQL: {database: customers}", "azureSQL: {database: orders}", "database: orders}", 10,
			[]string{`Azure SQL database "orders" is owned by two services`, "services[0] (order-service) owns it"}},
		{"database name not a name", "azureSQL: {database: customers}", "azureSQL: {database: Customers}", "Customers", 0,
			[]string{`"Customers" is not in the expected form`}},
		{"use without a database", "azureSQL: {database: customers}", "azureSQL: {poolSize: 5}", "{poolSize", 0,
			[]string{`missing key "database"`}},
		{"use key misspelt", "azureSQL: {database: customers}", "azureSQL: {databse: customers}", "databse", 0,
			[]string{`unknown key "databse"`, `did you mean "database"`}},
		{"settings key misspelt", prod, "    azureSQL: {vCore: 4}\n", "vCore:", 0,
			[]string{`unknown key "vCore"`, `did you mean "vCores"`}},
		{"service named like the block", "  - name: catalog-service\n", "  - name: azuresql\n", "azuresql\n", 0,
			[]string{`service name "azuresql" is taken`}},
		{"service named like the init Job", "  - name: catalog-service\n", "  - name: azuresql-init\n", "azuresql-init", 0,
			[]string{`service name "azuresql-init" is taken`}},
		{"pool size of none", "{database: customers}", "{database: customers, poolSize: 0}", "poolSize: 0", 10,
			[]string{"poolSize 0 is out of range"}},
		{"stored data out of range", "storedGB: 5\n", "storedGB: -1\n", "-1", 0,
			[]string{"storedGB -1 is out of range"}},
		{"read share above 100", "readPercent: 85", "readPercent: 120", "120", 0,
			[]string{"readPercent 120 is out of range"}},
		{"collation not a name", "collation: Korean_Wansung_CI_AS", "collation: \"Korean Wansung\"", "\"Korean Wansung\"", 0,
			[]string{"is not in the expected form"}},
	}
	base := sample(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.old) {
				t.Fatalf("case does not apply: %q not in the sample", c.old)
			}
			src := strings.Replace(base, c.old, c.new, 1)
			line, col := position(t, src, c.at, c.skip)
			doc, err := components.Load("sample.yaml", []byte(src))
			if err == nil {
				_, err = components.Plan(doc)
			}
			var errs spec.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("want positioned errors, got %v", err)
			}
			if len(errs) != 1 {
				t.Fatalf("want 1 error, got %d:\n%v", len(errs), errs)
			}
			e := errs[0]
			if e.Pos.Line != line || e.Pos.Col != col {
				t.Errorf("position %d:%d, want %d:%d at %q (%v)", e.Pos.Line, e.Pos.Col, line, col, c.at, e)
			}
			if e.Hint == "" {
				t.Errorf("no hint: %v", e)
			}
			for _, w := range c.want {
				if !strings.Contains(e.Error(), w) {
					t.Errorf("error %q does not say %q", e.Error(), w)
				}
			}
			buildWritesNothing(t, src)
		})
	}
}

// buildWritesNothing runs physarch build on a bad spec: it fails with
// exit code 1, names the position, and leaves the output directory empty.
func buildWritesNothing(t *testing.T, src string) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "physarch.yaml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	if code := cli.Execute([]string{"build", path, "-o", out}, &stdout, &stderr); code != 1 {
		t.Fatalf("build exited %d, want 1:\n%s%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stderr.String(), "physarch.yaml:") || !strings.Contains(stderr.String(), "nothing was written") {
		t.Errorf("build does not report the position and that nothing was written:\n%s", stderr.String())
	}
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		t.Errorf("build wrote %d entries into %s", len(entries), out)
	}
}

// TestSampleLoads: the sample itself is valid, plans and checks without
// errors (the lead's fourth example starts from it).
func TestSampleLoads(t *testing.T) {
	doc, err := components.Load("sample.yaml", []byte(sample(t)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := components.Plan(doc); err != nil {
		t.Fatal(err)
	}
}
