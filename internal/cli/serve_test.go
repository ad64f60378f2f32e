package cli

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/physarch/physarch/internal/serve"
)

// TestServeFiguresAreTheCLIs: the page's cost is physarch cost --format
// json byte for byte, and its what-if is physarch cost --users'.
func TestServeFiguresAreTheCLIs(t *testing.T) {
	const spec = "../../examples/kt-event-marketing/physarch.yaml"
	var out, errb bytes.Buffer
	if code := Execute([]string{"cost", spec, "--format", "json"}, &out, &errb); code != 0 {
		t.Fatalf("cost: %d %s", code, errb.String())
	}
	srv, err := serve.New(serve.Options{Spec: spec, Listen: "127.0.0.1:0", Prices: loadPrices})
	if err != nil {
		t.Fatal(err)
	}
	host := srv.URL()[len("http://") : len(srv.URL())-1]
	ask := func(target string) []byte {
		r := httptest.NewRequest("GET", target, nil)
		r.Host = host
		w := httptest.NewRecorder()
		srv.Handler().ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			t.Fatalf("%s = %d %s", target, w.Code, w.Body.String())
		}
		return w.Body.Bytes()
	}
	if got := ask("/api/cost"); !bytes.Equal(got, out.Bytes()) {
		t.Errorf("/api/cost differs from physarch cost --format json:\n%.400s\nvs\n%.400s", got, out.String())
	}
	out.Reset()
	if code := Execute([]string{"cost", spec, "--env", "prod", "--users", "30000", "--format", "json"}, &out, &errb); code != 0 {
		t.Fatalf("cost --users: %d %s", code, errb.String())
	}
	var diff []struct {
		After struct {
			Min float64 `json:"total_min_usd"`
			Max float64 `json:"total_max_usd"`
		} `json:"after"`
	}
	if err := json.Unmarshal(out.Bytes(), &diff); err != nil || len(diff) != 1 {
		t.Fatalf("cost --users output: %v", err)
	}
	var w struct {
		After struct{ CostMin, CostMax float64 } `json:"after"`
	}
	if err := json.Unmarshal(ask("/api/whatif?env=prod&users=30000"), &w); err != nil {
		t.Fatal(err)
	}
	if w.After.CostMin != diff[0].After.Min || w.After.CostMax != diff[0].After.Max {
		t.Errorf("what-if 30000 users: page %v–%v, physarch cost --users %v–%v", w.After.CostMin, w.After.CostMax, diff[0].After.Min, diff[0].After.Max)
	}
}

func TestServeRefusesOtherAddresses(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--example", "kt-event-marketing", "--lang", "fr"},
		{"serve", "--example", "kt-event-marketing", "--port", "70000"},
		{"serve", "--example", "kt-event-marketing", "--listen", "127.0.0.1:1", "--port", "2"},
	} {
		var out, errb bytes.Buffer
		if code := Execute(args, &out, &errb); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, code, ExitUsage, errb.String())
		}
	}
}
