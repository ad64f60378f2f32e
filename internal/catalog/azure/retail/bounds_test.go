package retail

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
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

// oldCache writes a cache file a failed refresh must leave alone and
// returns a check that it did.
func oldCache(t *testing.T, dir string) func() {
	t.Helper()
	path := CachePath(dir, "koreacentral")
	const old = `{"Items": [], "Count": 0}` + "\n"
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	return func() {
		t.Helper()
		if b, _ := os.ReadFile(path); string(b) != old {
			t.Errorf("a failed refresh changed the cache: %.200s", b)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, ".prices-*")); len(left) != 0 {
			t.Errorf("temp files left: %v", left)
		}
	}
}

// endlessPages answers every request with the same page of size bytes (one
// item, then blanks, which JSON allows), linking to itself, forever.
type endlessPages struct {
	size int
	hits atomic.Int32
}

func (e *endlessPages) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	e.hits.Add(1)
	head := fmt.Sprintf(`{"Items":[{"meterName":"D2s v3","retailPrice":0.1,"unitPrice":0.1}],"NextPageLink":"http://%s%s?%s"`, r.Host, r.URL.Path, r.URL.RawQuery)
	w.Write([]byte(head))
	pad := bytes.Repeat([]byte(" "), 1<<20)
	for n := len(head) + 1; n < e.size; n += len(pad) {
		w.Write(pad[:min(len(pad), e.size-n)])
	}
	w.Write([]byte("}"))
}

// TestByteBudgetStopsAnEndlessLoopOfLargePages: 28 MB pages linking to
// themselves (before: read until MaxPages, 14 GB at the default 500). The
// per-page limit stops the first one; with pages allowed to be that large,
// the budget across pages stops the third; the cache is untouched.
func TestByteBudgetStopsAnEndlessLoopOfLargePages(t *testing.T) {
	cases := []struct {
		name      string
		pageLimit int64
		wantPages int32
		want      error
		wantMsg   string
	}{
		{"default limits", 0, 1, ErrPageSize, "larger than the 16 MiB page limit"},
		{"page limit raised", 32 << 20, 3, ErrBudget, "more than the 64 MiB budget"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pages := &endlessPages{size: 28 << 20}
			srv := httptest.NewServer(pages)
			defer srv.Close()
			dir := t.TempDir()
			unchanged := oldCache(t, dir)
			cl := New()
			cl.BaseURL, cl.MaxPageBytes, cl.Retries = srv.URL, c.pageLimit, 0
			_, err := cl.Refresh(context.Background(), []string{"x"}, dir, CacheFile("koreacentral"), time.Now())
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.wantMsg) {
				t.Fatalf("want %q, got %v", c.wantMsg, err)
			}
			if got := pages.hits.Load(); got != c.wantPages {
				t.Errorf("%d pages requested, want %d", got, c.wantPages)
			}
			unchanged()
		})
	}
}

// TestNextPageLinkStaysOnTheEndpoint: a link to another host or scheme is
// refused with the host named, and the other host is never asked.
func TestNextPageLinkStaysOnTheEndpoint(t *testing.T) {
	var otherHits atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		otherHits.Add(1)
		fmt.Fprint(w, `{"Items":[]}`)
	}))
	defer other.Close()
	otherHost := strings.TrimPrefix(other.URL, "http://")
	var link string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintf(w, `{"Items":[{"meterName":"m","retailPrice":1}],"NextPageLink":%q}`, link)
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	for _, c := range []struct{ link, wantHost string }{
		{other.URL + "/api/retail/prices?page=2", otherHost},
		{"https://" + host + "/?page=2", host},
		{"/relative?page=2", ""},
	} {
		link = c.link
		dir := t.TempDir()
		unchanged := oldCache(t, dir)
		_, err := client(srv.URL).Refresh(context.Background(), []string{"x"}, dir, CacheFile("koreacentral"), time.Now())
		if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("NextPageLink leads to host %q", c.wantHost)) || !strings.Contains(err.Error(), "refusing") {
			t.Errorf("%s: want a refusal naming host %q, got %v", c.link, c.wantHost, err)
		}
		unchanged()
	}
	if otherHits.Load() != 0 {
		t.Errorf("the other host was asked %d times", otherHits.Load())
	}
}

// TestBadPricesFailTheRefresh: a negative price anywhere in a page fails
// the refresh naming the meter; a number JSON cannot hold as a float fails
// it too; the cache is untouched.
func TestBadPricesFailTheRefresh(t *testing.T) {
	for _, c := range []struct{ item, want string }{
		{`{"meterName":"D2s v3","meterId":"m-1","retailPrice":-0.5,"unitPrice":0.1}`, `meter "D2s v3" (, sku "", meterId "m-1") has retailPrice -0.5`},
		{`{"meterName":"P1","retailPrice":1,"unitPrice":-1}`, `meter "P1"`},
		{`{"meterName":"D4","retailPrice":1,"unitPrice":1,"savingsPlan":[{"term":"1 Year","retailPrice":-2,"unitPrice":1}]}`, `savingsPlan 1 Year retailPrice -2`},
		{`{"meterName":"huge","retailPrice":1e400}`, "not a price page"},
		{`{"meterName":"nan","retailPrice":NaN}`, "not a price page"},
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			fmt.Fprintf(w, `{"Items":[{"meterName":"fine","retailPrice":0.2,"unitPrice":0.2},%s]}`, c.item)
		}))
		dir := t.TempDir()
		unchanged := oldCache(t, dir)
		_, err := client(srv.URL).Refresh(context.Background(), []string{"x"}, dir, CacheFile("koreacentral"), time.Now())
		srv.Close()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: want %q, got %v", c.item, c.want, err)
		}
		unchanged()
	}
}

// TestCheckPrices covers what JSON cannot carry but a decoder or a future
// source could produce.
func TestCheckPrices(t *testing.T) {
	for _, c := range []struct {
		item azure.Item
		ok   bool
	}{
		{azure.Item{MeterName: "ok", RetailPrice: 0.1, UnitPrice: 0}, true},
		{azure.Item{MeterName: "nan", RetailPrice: math.NaN()}, false},
		{azure.Item{MeterName: "inf", UnitPrice: math.Inf(1)}, false},
		{azure.Item{MeterName: "sp", SavingsPlan: []azure.SavingsPlan{{Term: "3 Years", UnitPrice: math.Inf(-1)}}}, false},
	} {
		err := checkPrices([]azure.Item{c.item})
		if (err == nil) != c.ok || (err != nil && !strings.Contains(err.Error(), `meter "`+c.item.MeterName+`"`)) {
			t.Errorf("%s: %v", c.item.MeterName, err)
		}
	}
}

// TestOverallDeadline: a server that never answers, under a per-request
// timeout longer than the whole refresh may take, is cut off by the
// overall deadline (before: by nothing but the per-request timeout, times
// the retries, times the pages).
func TestOverallDeadline(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	defer srv.Close()
	dir := t.TempDir()
	unchanged := oldCache(t, dir)
	cl := client(srv.URL)
	cl.HTTP.Timeout, cl.Deadline = time.Hour, 50*time.Millisecond
	_, err := cl.Refresh(context.Background(), []string{"x"}, dir, CacheFile("koreacentral"), time.Now())
	if !errors.Is(err, ErrDeadline) || !strings.Contains(err.Error(), "longer than 50ms") {
		t.Fatalf("want the overall deadline, got %v", err)
	}
	unchanged()
}

// TestCacheStaysInItsDirectory: a name with a path in it is refused and
// writes nothing anywhere; a cache file that is a symbolic link out of
// the directory is replaced, not written through, and not read through.
func TestCacheStaysInItsDirectory(t *testing.T) {
	rec := &recorded{pages: 1, failed: map[int]int{}}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	parent := t.TempDir()
	dir := filepath.Join(parent, "cache")
	for _, name := range []string{CacheFile("/../../escaped"), "../escaped.json", "sub/../../escaped.json"} {
		if _, err := client(srv.URL).Refresh(context.Background(), []string{"x"}, dir, name, time.Now()); err == nil {
			t.Errorf("%q: written", name)
		}
	}
	filepath.Walk(parent, func(p string, info os.FileInfo, _ error) error {
		if !info.IsDir() {
			t.Errorf("%s written", p)
		}
		return nil
	})
	victim := filepath.Join(parent, "victim.json")
	os.WriteFile(victim, []byte(`{"Items":[{"meterName":"outside"}]}`), 0o644)
	os.MkdirAll(dir, 0o755)
	link := CachePath(dir, "koreacentral")
	if err := os.Symlink(victim, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if _, err := LoadCache(dir, CacheFile("koreacentral")); err == nil {
		t.Error("read the cache through a link out of its directory")
	}
	if _, err := client(srv.URL).Refresh(context.Background(), []string{"x"}, dir, CacheFile("koreacentral"), time.Now()); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(victim); !strings.Contains(string(b), "outside") {
		t.Error("the refresh wrote through the link")
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink != 0 {
		t.Errorf("the link was not replaced by the cache file: %v", err)
	}
}
