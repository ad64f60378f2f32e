package serve

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/physarch/physarch/internal/audit"
)

// TestSaveUpdatesAndErrors: a save reaches an open event stream as a new
// version; the state then has the new figures; a broken save sends its
// errors with file:line:column and keeps the last good model.
func TestSaveUpdatesAndErrors(t *testing.T) {
	src, err := os.ReadFile("../../examples/kt-event-marketing/physarch.yaml")
	if err != nil {
		t.Fatal(err)
	}
	spec := filepath.Join(t.TempDir(), "physarch.yaml")
	if err := os.WriteFile(spec, src, 0o644); err != nil {
		t.Fatal(err)
	}
	s := newTestServer(t, Options{Spec: spec, Poll: 10 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	resp, err := http.Get(s.URL() + "api/events?lang=ko")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events Content-Type %q", ct)
	}
	events := make(chan state, 8)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 16<<20)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var st state
				if err := json.Unmarshal([]byte(v), &st); err != nil {
					t.Errorf("event data is not a state: %v", err)
				}
				events <- st
			}
		}
		close(events)
	}()
	next := func(want int) state {
		t.Helper()
		select {
		case st := <-events:
			if st.Version != want {
				t.Fatalf("event version %d, want %d", st.Version, want)
			}
			return st
		case <-time.After(20 * time.Second):
			t.Fatalf("no event for version %d", want)
		}
		return state{}
	}
	next(1)
	readState := func() state {
		t.Helper()
		r, err := http.Get(s.URL() + "api/state")
		if err != nil {
			t.Fatal(err)
		}
		defer r.Body.Close()
		var st state
		if err := json.NewDecoder(r.Body).Decode(&st); err != nil {
			t.Fatal(err)
		}
		return st
	}
	before := readState()
	prodUsers := func(st state) int { return st.Model.Envs[len(st.Model.Envs)-1].Users }
	if before.Version != 1 || prodUsers(before) != 10000 {
		t.Fatalf("start: version %d, prod users %d", before.Version, prodUsers(before))
	}
	edited := bytes.Replace(src, []byte("users: 10000"), []byte("users: 25000"), 1)
	if err := os.WriteFile(spec, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	// A save gives two versions: the quick build the main panels need,
	// then the full one (decisions, documents, zip).
	after := next(2)
	if st := readState(); st.Version != after.Version {
		t.Errorf("/api/state version %d, the event's %d", st.Version, after.Version)
	}
	if after.Version != 2 || after.GoodVersion != 2 || prodUsers(after) != 25000 || len(after.Errors) != 0 || after.Model.Envs[1].Decisions != nil {
		t.Fatalf("after a save: version %d good %d, users %d, errors %v", after.Version, after.GoodVersion, prodUsers(after), after.Errors)
	}
	if w := get(t, s.Handler(), "GET", "/download.zip", s.ln.Addr().String()); w.Code != http.StatusServiceUnavailable && w.Code != http.StatusOK {
		t.Errorf("zip during the full build = %d", w.Code)
	}
	full := next(3)
	if !full.Model.Complete || prodUsers(full) != 25000 || len(full.Model.Envs[1].Decisions) == 0 || len(full.Model.Docs) == 0 {
		t.Fatalf("the full build: complete %v, users %d, %d decisions", full.Model.Complete, prodUsers(full), len(full.Model.Envs[1].Decisions))
	}
	if full.Model.Envs[1].Cost.TotalMax != after.Model.Envs[1].Cost.TotalMax || !reflect.DeepEqual(full.Model.Envs[1].Figures, after.Model.Envs[1].Figures) {
		t.Errorf("the quick and the full build differ: %v vs %v", after.Model.Envs[1].Figures, full.Model.Envs[1].Figures)
	}
	if after.Model.Envs[1].Cost.TotalMax <= before.Model.Envs[1].Cost.TotalMax {
		t.Errorf("2.5 times the users, yet the prod maximum went %v → %v", before.Model.Envs[1].Cost.TotalMax, after.Model.Envs[1].Cost.TotalMax)
	}
	broken := bytes.Replace(src, []byte("users: 10000"), []byte("users: many"), 1)
	line := 1 + bytes.Count(broken[:bytes.Index(broken, []byte("users: many"))], []byte("\n"))
	if err := os.WriteFile(spec, broken, 0o644); err != nil {
		t.Fatal(err)
	}
	bad := next(4)
	if bad.Version != 4 || bad.GoodVersion != 3 || len(bad.Errors) == 0 {
		t.Fatalf("after a broken save: version %d good %d errors %v", bad.Version, bad.GoodVersion, bad.Errors)
	}
	if e := bad.Errors[0]; e.File != spec || e.Line != line || e.Col == 0 || !strings.Contains(e.Message, "users") {
		t.Errorf("error %+v, want %s:%d:<col> about users", e, spec, line)
	}
	if prodUsers(bad) != 25000 || bad.SpecNow != string(broken) {
		t.Errorf("the broken save should keep the last good model (users %d) and show the broken text", prodUsers(bad))
	}
}

func TestDocumentsAndZip(t *testing.T) {
	s := newTestServer(t, Options{})
	h := s.Handler()
	host := s.ln.Addr().String()
	for _, lang := range []string{"ko", "en"} {
		w := get(t, h, "GET", "/api/doc?lang="+lang+"&path=design/backend/physical/physical-architecture-prod.md", host)
		var d struct{ HTML string }
		if err := json.Unmarshal(w.Body.Bytes(), &d); err != nil || w.Code != 200 {
			t.Fatalf("%s doc: %d %v", lang, w.Code, err)
		}
		if !strings.Contains(d.HTML, "<table>") || !strings.Contains(d.HTML, "<h1") {
			t.Errorf("%s document HTML has no heading or table: %.200s", lang, d.HTML)
		}
		if strings.Contains(d.HTML, "<script") {
			t.Errorf("%s document HTML holds a script", lang)
		}
	}
	w := get(t, h, "GET", "/download.zip", host)
	zr, err := zip.NewReader(bytes.NewReader(w.Body.Bytes()), int64(w.Body.Len()))
	if err != nil {
		t.Fatalf("download.zip: %d %v", w.Code, err)
	}
	names := map[string]bool{}
	for _, f := range zr.File {
		names[f.Name] = true
	}
	for _, want := range []string{"design/backend/physical/physical-architecture.md", "design/backend/physical/network-prod.mmd",
		"deploy/k8s/overlays/prod/kustomization.yaml", "deploy/terraform/prod/main.tf", "deploy/compose/compose.yaml"} {
		if !names[want] {
			t.Errorf("the zip has no %s", want)
		}
	}
	if again := get(t, h, "GET", "/download.zip", host); !bytes.Equal(again.Body.Bytes(), w.Body.Bytes()) {
		t.Error("two downloads of one build differ")
	}
	for _, q := range []string{"env=prod&users=0", "env=prod&users=abc", "env=prod&users=99999999999", "env=nope&users=100", "users=100"} {
		if w := get(t, h, "GET", "/api/whatif?"+q, host); w.Code < 400 {
			t.Errorf("whatif %s = %d, want refused", q, w.Code)
		}
	}
}

// TestAuditPanel: with --package the state carries the audit's findings
// (the CLI passes physarch audit's own run), and a quick build keeps them.
func TestAuditPanel(t *testing.T) {
	calls := 0
	s := newTestServer(t, Options{Audit: func() ([]audit.Finding, []string, error) {
		calls++
		return []audit.Finding{{ID: "AU001", Title: "total is not the sum", Quotes: []audit.Quote{{File: "a.md", Line: 3, Text: "| 합계 | 10 |"}}}}, []string{"a.md"}, nil
	}})
	m, _, _, _, err := s.state.current(s.opt.Lang)
	if err != nil || m.Audit == nil || len(m.Audit.Findings) != 1 || m.Audit.Findings[0].Quotes[0].Line != 3 || calls != 1 {
		t.Fatalf("audit in the model: %+v, %v, %d calls", m.Audit, err, calls)
	}
	s.state.rebuild(append([]byte(m.Spec), "\n# edited\n"...), false)
	q, _, _, _, _ := s.state.current(s.opt.Lang)
	if q.Complete || q.Audit == nil || len(q.Audit.Findings) != 1 || calls != 1 {
		t.Errorf("the quick build should keep the audit without running it again: %+v, %d calls", q.Audit, calls)
	}
}
