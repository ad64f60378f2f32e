package retail

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/physarch/physarch/internal/catalog/azure"
)

// recorded serves pages in the API's format: page n links to page n+1,
// the last page's NextPageLink is null.
type recorded struct {
	pages  int
	fail   map[int]int // page → how many times it answers 500 first
	slow   map[int]time.Duration
	hits   atomic.Int32
	failed map[int]int
}

func (r *recorded) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	r.hits.Add(1)
	n := 1
	fmt.Sscan(req.URL.Query().Get("page"), &n)
	if req.URL.Query().Get("api-version") != apiVersion || req.URL.Query().Get("$filter") == "" {
		http.Error(w, "bad query", http.StatusBadRequest)
		return
	}
	if d := r.slow[n]; d > 0 {
		time.Sleep(d)
	}
	if r.failed[n] < r.fail[n] {
		r.failed[n]++
		http.Error(w, "busy", http.StatusInternalServerError)
		return
	}
	page := azure.Page{BillingCurrency: "USD", Items: []azure.Item{{ServiceName: "Virtual Machines", ArmSkuName: "Standard_D2s_v3", MeterName: "D2s v3", SkuName: "D2s v3",
		ProductName: "Virtual Machines DSv3 Series", ArmRegionName: "koreacentral", Type: "Consumption", RetailPrice: 0.1 + float64(n)/1000, EffectiveStartDate: "2024-01-01T00:00:00Z"}}, Count: 1}
	if n < r.pages {
		q := req.URL.Query()
		q.Set("page", fmt.Sprint(n+1))
		link := "http://" + req.Host + req.URL.Path + "?" + q.Encode()
		page.NextPageLink = &link
	}
	json.NewEncoder(w).Encode(page)
}

func client(url string) *Client {
	return &Client{BaseURL: url, HTTP: &http.Client{Timeout: 200 * time.Millisecond}, Retries: 2, Backoff: time.Millisecond, MaxPages: 50}
}

func TestPagingFollowsNextPageLink(t *testing.T) {
	rec := &recorded{pages: 4, failed: map[int]int{}}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	items, err := client(srv.URL).Fetch(context.Background(), "serviceName eq 'Virtual Machines'")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 4 || rec.hits.Load() != 4 {
		t.Errorf("%d items from %d requests, want 4 and 4", len(items), rec.hits.Load())
	}
}

func TestRetriesAFailingPage(t *testing.T) {
	rec := &recorded{pages: 3, fail: map[int]int{2: 2}, failed: map[int]int{}}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	items, err := client(srv.URL).Fetch(context.Background(), "x")
	if err != nil || len(items) != 3 {
		t.Fatalf("%v, %d items", err, len(items))
	}
	if rec.hits.Load() != 5 {
		t.Errorf("%d requests, want 5 (page 2 twice more)", rec.hits.Load())
	}
}

func TestSlowPageTimesOut(t *testing.T) {
	rec := &recorded{pages: 2, slow: map[int]time.Duration{2: time.Second}, failed: map[int]int{}}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	start := time.Now()
	_, err := client(srv.URL).Fetch(context.Background(), "x")
	if err == nil || !strings.Contains(err.Error(), "giving up after 3 attempts") {
		t.Fatalf("want a timeout after retries, got %v", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Error("timeouts did not bound the wait")
	}
}

func TestFailedRefreshKeepsTheCache(t *testing.T) {
	dir := t.TempDir()
	path, name := CachePath(dir, "koreacentral"), CacheFile("koreacentral")
	good := &recorded{pages: 2, failed: map[int]int{}}
	srv := httptest.NewServer(good)
	n, err := client(srv.URL).Refresh(context.Background(), []string{"a", "b"}, dir, name, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	srv.Close()
	if err != nil || n != 4 {
		t.Fatalf("%v, %d items", err, n)
	}
	before, _ := os.ReadFile(path)
	bad := &recorded{pages: 3, fail: map[int]int{3: 100}, failed: map[int]int{}}
	srv = httptest.NewServer(bad)
	defer srv.Close()
	if _, err := client(srv.URL).Refresh(context.Background(), []string{"a"}, dir, name, time.Now()); err == nil {
		t.Fatal("want the failing page to fail the refresh")
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("a failed refresh changed the cache")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".prices-*")); len(left) != 0 {
		t.Errorf("temp files left: %v", left)
	}
	items, err := LoadCache(dir, name)
	if err != nil || len(items) != 4 || items[0].Provenance == nil || items[0].Provenance.Date != "2026-11-23" {
		t.Errorf("cache: %v %d %+v", err, len(items), items)
	}
	// Cached koreacentral prices win over the embedded snapshot's fallback.
	emb, _ := azure.Embedded()
	p := &azure.Prices{Items: append(items, emb.Items...)}
	got, err := p.Lookup(azure.Meter{Service: "Virtual Machines", ArmSku: "Standard_D2s_v3"}, "koreacentral", time.Now())
	if err != nil || got.Fallback || got.Region != "koreacentral" {
		t.Errorf("cached region not preferred: %+v %v", got, err)
	}
}

func TestFiltersNeverUsePrimaryMeterRegion(t *testing.T) {
	fs := FiltersFor("koreacentral", []azure.Meter{
		{Service: "Virtual Machines", ArmSku: "Standard_D4s_v3"}, {Service: "Virtual Machines", ArmSku: "Standard_B2s", Spot: true},
		{Service: "Virtual Machines", ArmSku: "Standard_D4s_v3", Spot: true},
		{Service: "Load Balancer", Meter: "Standard Included LB Rules and Outbound Rules"}, {Service: "Azure Front Door Service", Meter: "Standard Base Fees"},
		{Service: "Key Vault", Meter: "Operations"}, {Service: "Key Vault", Meter: "Other"}, {Service: "O'Hara", Meter: "x"},
	})
	want := []string{
		"serviceName eq 'Virtual Machines' and armRegionName eq 'koreacentral' and armSkuName eq 'Standard_B2s' and priceType eq 'Consumption'",
		"serviceName eq 'Virtual Machines' and armRegionName eq 'koreacentral' and armSkuName eq 'Standard_D4s_v3' and priceType eq 'Consumption'",
		"serviceName eq 'Azure Front Door Service' and (armRegionName eq 'koreacentral' or armRegionName eq 'Global' or armRegionName eq 'Zone 2') and priceType eq 'Consumption'",
		"serviceName eq 'Key Vault' and (armRegionName eq 'koreacentral' or armRegionName eq 'Global') and priceType eq 'Consumption'",
		"serviceName eq 'Load Balancer' and (armRegionName eq 'koreacentral' or armRegionName eq 'Global') and priceType eq 'Consumption'",
		"serviceName eq 'O''Hara' and (armRegionName eq 'koreacentral' or armRegionName eq 'Global') and priceType eq 'Consumption'",
	}
	if strings.Join(fs, "\n") != strings.Join(want, "\n") {
		t.Errorf("filters\n%s\nwant\n%s", strings.Join(fs, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range fs {
		if strings.Contains(f, "isPrimaryMeterRegion") {
			t.Errorf("filter on primary meter region: %s", f)
		}
	}
}
