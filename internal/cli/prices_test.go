package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
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
