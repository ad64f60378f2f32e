package cli

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/testplan"
)

func TestPricesRefreshThenBuildUsesCache(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var items []azure.Item
		if strings.Contains(r.URL.Query().Get("$filter"), "Standard_D2s_v3") {
			items = append(items, azure.Item{ServiceName: "Virtual Machines", ArmSkuName: "Standard_D2s_v3", MeterName: "D2s v3", SkuName: "D2s v3",
				ProductName: "Virtual Machines DSv3 Series", ArmRegionName: "koreacentral", Type: "Consumption", RetailPrice: 0.117, EffectiveStartDate: "2024-01-01T00:00:00Z"})
		}
		json.NewEncoder(w).Encode(azure.Page{Items: items, Count: len(items)})
	}))
	defer srv.Close()
	dir := t.TempDir()
	code, out, errs := run(t, dir, "prices", "refresh", "--example", "phonebill", "--endpoint", srv.URL)
	if code != ExitOK || !strings.Contains(out, "Cached 1 price items") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	code, out, _ = run(t, dir, "prices", "refresh", "--example", "phonebill", "--offline")
	if code != ExitOK || !strings.Contains(out, "1 items for koreacentral") {
		t.Errorf("offline: %s", out)
	}
	code, out, _ = run(t, dir, "cost", "--example", "phonebill", "--env", "prod", "--format", "json")
	if code != ExitOK || !strings.Contains(out, `"priced_region": "koreacentral"`) || !strings.Contains(out, "price cache") {
		t.Errorf("cost did not use the cached koreacentral price:\n%.600s", out)
	}
	if code, _, errs := run(t, dir, "build", "--example", "phonebill", "-o", "o"); code != ExitOK {
		t.Fatal(errs)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "o/design/backend/physical/physical-architecture-prod.md"))
	if !strings.Contains(string(b), "| koreacentral |") {
		t.Error("the document did not use the cached price that cost used")
	}
	os.Remove(filepath.Join(os.Getenv("PHYSARCH_CACHE"), "prices-koreacentral.json"))
}

// TestPricesRefreshRegionMustBeKnown: a region that is not in the
// catalog is a usage error with a hint, before any request, and nothing
// is written anywhere (before: --region "/../../escaped" wrote the cache
// two directories above the cache directory).
func TestPricesRefreshRegionMustBeKnown(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, `{"Items":[]}`)
	}))
	defer srv.Close()
	top := t.TempDir()
	cache := filepath.Join(top, "a", "b", "cache")
	t.Setenv("PHYSARCH_CACHE", cache)
	for _, c := range []struct{ region, hint string }{
		{"/../../escaped", "give a programmatic name such as koreacentral"},
		{"../escaped", "give a programmatic name"},
		{"koreacentrl", `did you mean "koreacentral"?`},
	} {
		code, _, errs := run(t, t.TempDir(), "prices", "refresh", "--example", "phonebill", "--region", c.region, "--endpoint", srv.URL)
		if code != ExitUsage || !strings.Contains(errs, fmt.Sprintf("--region %q is not an Azure region", c.region)) || !strings.Contains(errs, c.hint) {
			t.Errorf("%s: exit %d %s", c.region, code, errs)
		}
	}
	if hits.Load() != 0 {
		t.Errorf("%d requests for an unknown region", hits.Load())
	}
	filepath.Walk(top, func(p string, info os.FileInfo, _ error) error {
		if !info.IsDir() {
			t.Errorf("written: %s", p)
		}
		return nil
	})
	// The catalog's names, in any case, are accepted.
	code, out, errs := run(t, t.TempDir(), "prices", "refresh", "--example", "phonebill", "--region", "KoreaCentral", "--endpoint", srv.URL)
	if code != ExitOK || !strings.Contains(out, "prices-koreacentral.json") {
		t.Errorf("KoreaCentral: exit %d %s%s", code, out, errs)
	}
}

// TestPricesRefreshBounds: the flags set the overall deadline and the
// byte budget; hitting one fails the refresh, says which flag raises it,
// and leaves the cache alone; a bound of zero is a usage error.
func TestPricesRefreshBounds(t *testing.T) {
	t.Setenv("PHYSARCH_CACHE", t.TempDir())
	big := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintf(w, `{"Items":[]%s}`, strings.Repeat(" ", 2<<20))
	}))
	defer big.Close()
	hang := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	defer hang.Close()
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--endpoint", big.URL, "--max-mib", "1"}, ExitInput, "more than the 1 MiB budget (raise it with --max-mib)"},
		{[]string{"--endpoint", hang.URL, "--deadline", "50ms"}, ExitInput, "took longer than 50ms (raise it with --deadline)"},
		{[]string{"--deadline", "0s"}, ExitUsage, "--deadline must be positive"},
		{[]string{"--max-mib", "0"}, ExitUsage, "--max-mib must be between 1 and 4096, not 0"},
		{[]string{"--max-mib", "9000000000000"}, ExitUsage, "--max-mib must be between 1 and 4096"},
	} {
		code, _, errs := run(t, t.TempDir(), append([]string{"prices", "refresh", "--example", "phonebill"}, c.args...)...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, want %d and %q: %s", c.args, code, c.code, c.want, errs)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(os.Getenv("PHYSARCH_CACHE"), "*")); len(left) != 0 {
		t.Errorf("a failed refresh wrote %v", left)
	}
}

// TestPricesRefreshCoversEveryMeter: the refresh asks for every meter the
// plan's cost rows use (the blocks' included, collected from the cost
// lines, not a hand list). With an API that answers each with a
// koreacentral row, every cost row afterwards is priced in region.
func TestPricesRefreshCoversEveryMeter(t *testing.T) {
	t.Setenv("PHYSARCH_CACHE", t.TempDir())
	for _, name := range examples.Names() {
		t.Run(name, func(t *testing.T) {
			pl := testplan.Example(t, name)
			meters := cost.Meters(pl)
			var filters []string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				f := r.URL.Query().Get("$filter")
				filters = append(filters, f)
				var items []azure.Item
				// Each row in the region the filter asks for: the DR
				// standby's meters are fetched for the DR region.
				region := "koreacentral"
				if m := regionFilter.FindStringSubmatch(f); m != nil {
					region = m[1]
				}
				for _, m := range meters {
					if !strings.Contains(f, "serviceName eq '"+m.Service+"'") || (m.Service == "Virtual Machines" && !strings.Contains(f, "armSkuName eq '"+m.ArmSku+"'")) {
						continue
					}
					it := azure.Item{ServiceName: m.Service, ArmSkuName: m.ArmSku, SkuName: m.Sku, MeterName: m.Meter, ProductName: m.Product,
						ArmRegionName: region, Type: "Consumption", RetailPrice: 1, UnitPrice: 1, EffectiveStartDate: "2020-01-01T00:00:00Z"}
					if m.Spot {
						it.SkuName += " Spot"
					}
					items = append(items, it)
				}
				json.NewEncoder(w).Encode(azure.Page{Items: items, Count: len(items)})
			}))
			defer srv.Close()
			if code, out, errs := run(t, t.TempDir(), "prices", "refresh", "--example", name, "--endpoint", srv.URL); code != ExitOK {
				t.Fatalf("exit %d %s %s", code, out, errs)
			}
			for _, m := range meters {
				found := false
				for _, f := range filters {
					found = found || strings.Contains(f, "serviceName eq '"+m.Service+"'") && (m.ArmSku == "" || m.Service != "Virtual Machines" || strings.Contains(f, "'"+m.ArmSku+"'"))
				}
				if !found {
					t.Errorf("no request asks for %s", m)
				}
			}
			code, out, _ := run(t, t.TempDir(), "cost", "--example", name, "--format", "json")
			var reps []struct {
				Env        string `json:"environment"`
				Components []struct {
					Name  string `json:"name"`
					Basis string `json:"price_basis"`
				} `json:"components"`
			}
			if code != ExitOK || json.Unmarshal([]byte(out), &reps) != nil {
				t.Fatalf("cost: exit %d %.300s", code, out)
			}
			for _, r := range reps {
				for _, c := range r.Components {
					if c.Basis != "in-region" {
						t.Errorf("%s/%s: %s after a full refresh", r.Env, c.Name, c.Basis)
					}
				}
			}
			os.Remove(filepath.Join(os.Getenv("PHYSARCH_CACHE"), "prices-koreacentral.json"))
		})
	}
}

// TestPricesStatus: per region, the plan's meters by basis, with their
// age at --as-of, the open question listed and never priced.
func TestPricesStatus(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := run(t, dir, "prices", "status", "--example", "kt-event-marketing", "--region", "koreacentral", "--region", "eastus", "--format", "json", "--as-of", "2027-06-01")
	var st []struct {
		Region      string `json:"region"`
		Meters      int    `json:"meters"`
		InRegion    int    `json:"in_region"`
		RegionRatio int    `json:"region_ratio"`
		Fallback    int    `json:"fallback"`
		Open        int    `json:"open_questions"`
		PricesAge   int    `json:"prices_age_days"`
		Oldest      string `json:"oldest_source_date"`
		List        []struct {
			Meter   string `json:"meter"`
			Basis   string `json:"price_basis"`
			AgeDays int    `json:"age_days"`
			Date    string `json:"source_date"`
			Open    string `json:"open_question"`
		} `json:"meter_list"`
	}
	if code != ExitOK || json.Unmarshal([]byte(out), &st) != nil || len(st) != 2 {
		t.Fatalf("exit %d %s %.300s", code, errs, out)
	}
	pl := testplan.Example(t, "kt-event-marketing")
	for _, s := range st {
		if s.Meters != len(cost.Meters(pl)) || s.InRegion+s.RegionRatio+s.Fallback != s.Meters || s.Open != 1 || len(s.List) != s.Meters {
			t.Errorf("%s: %d meters (plan %d), %d+%d+%d, %d open", s.Region, s.Meters, len(cost.Meters(pl)), s.InRegion, s.RegionRatio, s.Fallback, s.Open)
		}
		if s.PricesAge != 182 || s.Oldest != "2024-07-01" {
			t.Errorf("%s: snapshot %d days old, oldest %s", s.Region, s.PricesAge, s.Oldest)
		}
		for _, m := range s.List {
			if m.Meter == "Virtual Machines Standard_D2s_v3" && m.Date == "2026-06-18" && m.AgeDays != 348 {
				t.Errorf("D2s_v3 from 2026-06-18 is 348 days old on 2027-06-01, not %d", m.AgeDays)
			}
		}
	}
	// Azure Managed Redis (eastus2 prices) takes no ratio; the VM rows are
	// koreacentral's.
	if kc, us := st[0], st[1]; kc.InRegion != 5 || kc.RegionRatio != 0 || us.InRegion <= kc.InRegion {
		t.Errorf("koreacentral %d in region, %d ratio; eastus %d in region", kc.InRegion, kc.RegionRatio, us.InRegion)
	}
	_, out, _ = run(t, dir, "prices", "status", "--example", "kt-event-marketing", "--as-of", "2027-06-01")
	for _, want := range []string{"Prices of the plan's 27 meters, as of 2027-06-01", "koreacentral  embedded snapshot (2026-12-01, 182 days)", "Open question: Azure Kubernetes Service FreeTierInfrastructureCost Uptime SLA",
		"more than 180: 'physarch check' reports OP007"} {
		if !strings.Contains(out, want) {
			t.Errorf("status lacks %q:\n%s", want, out)
		}
	}
	for _, c := range [][]string{{"--as-of", "June"}, {"--region", "mars"}, {"--format", "csv"}} {
		if code, _, _ := run(t, dir, append([]string{"prices", "status", "--example", "kt-event-marketing"}, c...)...); code != ExitUsage {
			t.Errorf("%v: exit %d", c, code)
		}
	}
}

// regionFilter finds the region a Retail Prices filter asks for.
var regionFilter = regexp.MustCompile(`armRegionName eq '([a-z0-9]+)'`)
