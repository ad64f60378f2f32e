package cli

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/physarch/physarch/internal/catalog/azure"
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
