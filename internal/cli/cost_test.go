package cli

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
)

// TestCostJSONTotalsAreSums recomputes every total from the JSON rows.
func TestCostJSONTotalsAreSums(t *testing.T) {
	for _, name := range examples.Names() {
		code, out, errs := run(t, t.TempDir(), "cost", "--example", name, "--format", "json")
		if code != ExitOK {
			t.Fatalf("%s: exit %d %s", name, code, errs)
		}
		var reps []struct {
			Env        string  `json:"environment"`
			TotalMin   float64 `json:"total_min_usd"`
			TotalMax   float64 `json:"total_max_usd"`
			Components []struct {
				MonthlyMin float64 `json:"monthly_min_usd"`
				MonthlyMax float64 `json:"monthly_max_usd"`
				Region     string  `json:"priced_region"`
			} `json:"components"`
		}
		if err := json.Unmarshal([]byte(out), &reps); err != nil {
			t.Fatal(err)
		}
		if len(reps) != 2 {
			t.Fatalf("%s: %d environments", name, len(reps))
		}
		for _, r := range reps {
			var lo, hi float64
			for _, c := range r.Components {
				lo += c.MonthlyMin
				hi += c.MonthlyMax
				if c.Region == "" {
					t.Errorf("%s/%s: a row without its priced region", name, r.Env)
				}
			}
			if math.Abs(lo-r.TotalMin) > 0.005 || math.Abs(hi-r.TotalMax) > 0.005 {
				t.Errorf("%s/%s: totals %v/%v but rows sum to %.2f/%.2f", name, r.Env, r.TotalMin, r.TotalMax, lo, hi)
			}
		}
	}
}

func TestCostCSVAndTable(t *testing.T) {
	code, out, _ := run(t, t.TempDir(), "cost", "--example", "phonebill", "--env", "dev", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != ExitOK || err != nil || len(rows) < 3 {
		t.Fatalf("csv: exit %d, %v, %d rows", code, err, len(rows))
	}
	var sum float64
	for _, r := range rows[1 : len(rows)-1] {
		v, _ := strconv.ParseFloat(r[7], 64)
		sum += v
	}
	total, _ := strconv.ParseFloat(rows[len(rows)-1][7], 64)
	if math.Abs(sum-total) > 0.005 {
		t.Errorf("csv total %v, rows %v", total, sum)
	}
	// kt-event-marketing as it was before Azure Managed Redis became the
	// default: Azure Cache for Redis bills per node hour at eastus's price,
	// the one row the VM ratio applies to.
	dir := t.TempDir()
	_, kt, _ := examples.Spec("kt-event-marketing")
	spec := filepath.Join(dir, "kt.yaml")
	if err := os.WriteFile(spec, []byte(strings.Replace(string(kt), "    profile: prod\n", "    profile: prod\n    redis: {tier: Premium}\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ = run(t, dir, "cost", spec, "--env", "prod")
	for _, want := range []string{" fallback|", " sourced in region|", " region-ratio estimate (eastus × 1.28)|", "185.87 / 126.60*", "estimate*", "Budget 5000.00 USD/month", "TOTAL",
		"Price basis: 4 of 23 rows sourced in koreacentral (or a Global meter), 1 region-ratio estimates, 18 fallbacks"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q", want)
		}
	}
	if code, _, _ := run(t, t.TempDir(), "cost", "--example", "phonebill", "--env", "staging"); code != ExitUsage {
		t.Errorf("unknown env: exit %d", code)
	}
}

// TestCostWhatIfUsers: more users can only add nodes, and the difference
// shown is the difference of the two totals.
func TestCostWhatIfUsers(t *testing.T) {
	dir := t.TempDir()
	_, out, _ := run(t, dir, "cost", "--example", "tripgen", "--env", "prod", "--users", "50000", "--format", "json")
	var d []struct {
		DeltaMax float64 `json:"delta_total_max_usd"`
		Before   struct {
			TotalMax float64 `json:"total_max_usd"`
		} `json:"before"`
		After struct {
			TotalMax float64 `json:"total_max_usd"`
		} `json:"after"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil || len(d) != 1 {
		t.Fatalf("%v %s", err, out)
	}
	if d[0].DeltaMax <= 0 || math.Abs(d[0].After.TotalMax-d[0].Before.TotalMax-d[0].DeltaMax) > 0.005 {
		t.Errorf("what-if delta %v, before %v after %v", d[0].DeltaMax, d[0].Before.TotalMax, d[0].After.TotalMax)
	}
}
