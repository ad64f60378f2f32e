package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
)

// costJSON runs cost with args and decodes its reports generically.
func costJSON(t *testing.T, dir string, args ...string) []any {
	t.Helper()
	code, out, errs := run(t, dir, append([]string{"cost", "--format", "json"}, args...)...)
	if code != ExitOK {
		t.Fatalf("%v: exit %d %s", args, code, errs)
	}
	var v []any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return v
}

// TestCostRegionColumnsEqualSingleRuns is the "done when": the
// side-by-side columns each equal `physarch cost` run with that region,
// and the spec's own region's column equals plain `physarch cost`; a
// column also equals pricing a copy of the spec that names the region.
func TestCostRegionColumnsEqualSingleRuns(t *testing.T) {
	dir := t.TempDir()
	regions := []string{"koreacentral", "eastus", "japaneast"}
	args := []string{"--example", "kt-event-marketing"}
	for _, r := range regions {
		args = append(args, "--region", r)
	}
	var cmps []struct {
		Env     string `json:"environment"`
		Columns []struct {
			Region string `json:"region"`
			Holds  bool   `json:"holds_plan"`
			Report any    `json:"cost"`
		} `json:"regions"`
	}
	code, out, errs := run(t, dir, append([]string{"cost", "--format", "json"}, args...)...)
	if code != ExitOK || json.Unmarshal([]byte(out), &cmps) != nil || len(cmps) != 2 {
		t.Fatalf("exit %d %s %.300s", code, errs, out)
	}
	plain := costJSON(t, dir, "--example", "kt-event-marketing")
	_, data, _ := examples.Spec("kt-event-marketing")
	for i, r := range regions {
		alone := costJSON(t, dir, "--example", "kt-event-marketing", "--region", r)
		edited := filepath.Join(dir, r+".yaml")
		os.WriteFile(edited, []byte(strings.Replace(string(data), "region: koreacentral", "region: "+r, 1)), 0o644)
		asSpec := costJSON(t, dir, edited)
		for j, c := range cmps {
			col := c.Columns[i]
			if col.Region != r || !col.Holds {
				t.Fatalf("%s column %d: %s holds %v", c.Env, i, col.Region, col.Holds)
			}
			if !reflect.DeepEqual(col.Report, alone[j]) {
				t.Errorf("%s in %s: the column differs from cost --region %s", c.Env, r, r)
			}
			if !reflect.DeepEqual(col.Report, asSpec[j]) {
				t.Errorf("%s in %s: the column differs from cost of a spec in %s", c.Env, r, r)
			}
			if i == 0 && !reflect.DeepEqual(col.Report, plain[j]) {
				t.Errorf("%s: the spec's region column differs from plain cost", c.Env)
			}
		}
	}
	// The text table shows the same totals, one column per region.
	_, text, _ := run(t, dir, append([]string{"cost"}, args...)...)
	for _, want := range []string{"4912.77–11442.69", "4491.27–10035.69", "koreacentral", "japaneast", "94.90 F", "269.37–448.95 S", "73.00 F", "Open question (in no total): AKS Free tier"} {
		if !strings.Contains(text, want) {
			t.Errorf("side-by-side table lacks %q:\n%s", want, text)
		}
	}
}

// TestCostRegionWithoutZones: a region without availability zones cannot
// hold a three-zone plan; the output says so instead of a price, and the
// one-zone dev is priced there.
func TestCostRegionWithoutZones(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := run(t, dir, "cost", "--example", "kt-event-marketing", "--region", "koreasouth")
	if code != ExitOK || !strings.Contains(out, "Environment prod: koreasouth has no availability zones; prod is planned across 3, so the same plan cannot be placed there.") ||
		!strings.Contains(out, "Environment dev (requested region koreasouth") || strings.Contains(out, "Environment prod (requested") {
		t.Errorf("exit %d %s\n%s", code, errs, out)
	}
	code, out, _ = run(t, dir, "cost", "--example", "kt-event-marketing", "--region", "koreacentral", "--region", "westus", "--env", "prod", "--format", "csv")
	if code != ExitOK || !strings.Contains(out, "prod,TOTAL,westus,false,,,,,\"westus has no availability zones") {
		t.Errorf("csv: %s", out)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--region", "koreacentrl"}, `did you mean "koreacentral"?`},
		{[]string{"--region", "eastus", "--users", "5000"}, "--users and --region are two what-ifs"},
	} {
		if code, _, errs := run(t, dir, append([]string{"cost", "--example", "kt-event-marketing"}, c.args...)...); code != ExitUsage || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d %s", c.args, code, errs)
		}
	}
}

// TestDiffRegion: the same comparison as a pull-request comment, with the
// spec's region first.
func TestDiffRegion(t *testing.T) {
	dir := t.TempDir()
	// kt-event-marketing with Azure Cache for Redis, whose node price is
	// the region-ratio estimate (R).
	_, kt, _ := examples.Spec("kt-event-marketing")
	spec := filepath.Join(dir, "kt.yaml")
	if err := os.WriteFile(spec, []byte(strings.Replace(string(kt), "    profile: prod\n", "    profile: prod\n    redis: {tier: Premium}\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, dir, "diff", spec, "--region", "eastus", "--region", "koreasouth", "--format", "markdown")
	for _, want := range []string{"the same plan priced in `koreacentral`, `eastus`, `koreasouth`", "| component | koreacentral | eastus | koreasouth |",
		"| **total** | **$5335.53–$11865.45** | **$4800.79–$10345.21** | cannot hold the plan |", "| vs koreacentral | | -$534.74 / -$1520.24 | |",
		"- `koreasouth`: koreasouth has no availability zones", "| Azure Cache for Redis | $517.66 R | $404.42 S | — |"} {
		if code != ExitOK || !strings.Contains(out, want) {
			t.Errorf("exit %d %s: markdown lacks %q\n%s", code, errs, want, out)
		}
	}
	var cmps []struct {
		Columns []struct {
			Region string `json:"region"`
		} `json:"regions"`
	}
	_, out, _ = run(t, dir, "diff", "--example", "kt-event-marketing", "--region", "eastus", "--format", "json")
	if json.Unmarshal([]byte(out), &cmps) != nil || len(cmps) != 2 || len(cmps[0].Columns) != 2 || cmps[0].Columns[0].Region != "koreacentral" {
		t.Errorf("json: %.300s", out)
	}
	if code, _, errs := run(t, dir, "diff", "--example", "kt-event-marketing", "--region", "eastus", "--env", "dev", "--env", "prod"); code != ExitUsage || !strings.Contains(errs, "does not combine") {
		t.Errorf("--region with --env: exit %d %s", code, errs)
	}
}
