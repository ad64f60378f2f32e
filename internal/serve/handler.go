package serve

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"time"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/render/md"
)

// Handler is the server's whole HTTP surface, behind guard.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/state", s.apiState)
	mux.HandleFunc("/api/cost", s.apiCost)
	mux.HandleFunc("/api/events", s.apiEvents)
	mux.HandleFunc("/api/doc", s.apiDoc)
	mux.HandleFunc("/api/whatif", s.apiWhatIf)
	mux.HandleFunc("/download.zip", s.download)
	mux.HandleFunc("/", s.asset)
	var hosts map[string]bool
	return guard(func() map[string]bool {
		if hosts == nil && s.ln != nil {
			hosts = allowedHosts(s.ln.Addr())
		}
		return hosts
	}, func(f string, a ...any) { fmt.Fprintf(s.opt.Log, "physarch serve: "+f+"\n", a...) }, mux)
}

func langOf(r *http.Request, def md.Lang) (md.Lang, bool) {
	switch l := r.URL.Query().Get("lang"); l {
	case "":
		return def, true
	case string(md.Ko), string(md.En):
		return md.Lang(l), true
	}
	return "", false
}

// writeJSON writes v indented with a newline, as the CLI's --format json
// does, so /api/cost is byte for byte physarch cost --format json.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		http.Error(w, "cannot write the result as JSON: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

func apiError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// state is what the page reads after every event.
type state struct {
	Version     int         `json:"version"`
	GoodVersion int         `json:"good_version"`
	Errors      []specError `json:"errors"`
	// SpecNow is the spec as the latest build read it, so the page can
	// show a broken spec's lines next to its errors.
	SpecNow string `json:"spec_now"`
	Model   *model `json:"model"`
}

func (s *Server) apiState(w http.ResponseWriter, r *http.Request) {
	lang, ok := langOf(r, s.opt.Lang)
	if !ok {
		apiError(w, http.StatusBadRequest, "lang must be ko or en")
		return
	}
	writeJSON(w, http.StatusOK, s.snapshot(lang))
}

// snapshot is the state in lang now.
func (s *Server) snapshot(lang md.Lang) state {
	m, v, gv, errs, err := s.state.current(lang)
	if err != nil {
		errs = append(errs, toSpecErrors(err)...)
	}
	s.state.mu.Lock()
	now := string(s.state.data)
	s.state.mu.Unlock()
	if errs == nil {
		errs = []specError{}
	}
	return state{Version: v, GoodVersion: gv, Errors: errs, SpecNow: now, Model: m}
}

// apiCost is the last good build's cost reports, the value physarch cost
// --format json prints (all environments, or ?env=).
func (s *Server) apiCost(w http.ResponseWriter, r *http.Request) {
	m, _, _, _, err := s.state.current(s.opt.Lang)
	if err != nil || m == nil {
		apiError(w, http.StatusServiceUnavailable, "no good build of the spec yet")
		return
	}
	env := r.URL.Query().Get("env")
	var out []*cost.Report
	for _, c := range m.costs {
		if env == "" || c.Env == env {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		apiError(w, http.StatusNotFound, fmt.Sprintf("no environment %q in the spec", env))
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// apiEvents is a server-sent event stream of the state in ?lang=: one
// "state" event now and one after every rebuild, good or broken. The
// state rides in the event itself: a fetch after each event would add a
// round trip to every save's repaint.
func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) {
	lang, ok := langOf(r, s.opt.Lang)
	if !ok {
		apiError(w, http.StatusBadRequest, "lang must be ko or en")
		return
	}
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c, done := s.state.subscribe()
	defer done()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	send := func() bool {
		// Compact JSON has no raw newline, so it is one data line.
		b, err := json.Marshal(s.snapshot(lang))
		if err != nil {
			fmt.Fprintf(s.opt.Log, "physarch serve: cannot write the state as JSON: %v\n", err)
			return false
		}
		_, err = fmt.Fprintf(w, "event: state\ndata: %s\n\n", b)
		fl.Flush()
		return err == nil
	}
	if !send() {
		return
	}
	keep := time.NewTicker(15 * time.Second)
	defer keep.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case _, open := <-c:
			if !open || !send() {
				return
			}
		case <-keep.C:
			fmt.Fprint(w, ": keep-alive\n\n")
			fl.Flush()
		}
	}
}

// apiDoc renders one generated document as HTML. path names a file of
// the build, looked up in memory: nothing on disk is read.
func (s *Server) apiDoc(w http.ResponseWriter, r *http.Request) {
	lang, ok := langOf(r, s.opt.Lang)
	if !ok {
		apiError(w, http.StatusBadRequest, "lang must be ko or en")
		return
	}
	m, _, _, _, err := s.state.current(lang)
	if err != nil || m == nil {
		apiError(w, http.StatusServiceUnavailable, "no good build of the spec yet")
		return
	}
	if !m.Complete {
		apiError(w, http.StatusServiceUnavailable, "the documents of this save are being built; they follow in a moment")
		return
	}
	p := r.URL.Query().Get("path")
	for _, d := range m.Docs {
		if d.Path == p {
			html, err := m.docHTML(p)
			if err != nil {
				apiError(w, http.StatusInternalServerError, err.Error())
				return
			}
			writeJSON(w, http.StatusOK, map[string]string{"path": p, "html": html})
			return
		}
	}
	apiError(w, http.StatusNotFound, "no generated document "+strconv.Quote(p))
}

// whatIf is one environment re-planned for other peak users.
type whatIf struct {
	Env            string           `json:"environment"`
	Users          int              `json:"users"`
	Before         decision.Figures `json:"before"`
	After          decision.Figures `json:"after"`
	Refused        string           `json:"refused,omitempty"`
	ReplicasBefore [2]int           `json:"replicas_before"`
	Replicas       [2]int           `json:"replicas_after"`
}

// maxWhatIfUsers bounds the slider: planning is linear in the users'
// replicas, and a typo of three more zeros should not hold the server.
const maxWhatIfUsers = 10_000_000

// apiWhatIf re-plans the last good spec in memory with ?users=N for
// ?env= and returns the figures before and after (the same estimates
// physarch cost --users gives).
func (s *Server) apiWhatIf(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	users, err := strconv.Atoi(q.Get("users"))
	if err != nil || users < 1 || users > maxWhatIfUsers {
		apiError(w, http.StatusBadRequest, fmt.Sprintf("users must be a whole number from 1 to %d", maxWhatIfUsers))
		return
	}
	m, _, _, _, err := s.state.current(s.opt.Lang)
	if err != nil || m == nil {
		apiError(w, http.StatusServiceUnavailable, "no good build of the spec yet")
		return
	}
	env := q.Get("env")
	out, status, err := s.replan(m, env, users)
	if err != nil {
		apiError(w, status, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) replan(m *model, env string, users int) (*whatIf, int, error) {
	doc, err := components.Load(s.opt.Spec, m.specData)
	if err != nil {
		return nil, http.StatusInternalServerError, err
	}
	idx := -1
	for i, e := range doc.Spec.Environments {
		if e.Name == env {
			idx = i
		}
	}
	if idx < 0 {
		return nil, http.StatusNotFound, fmt.Errorf("no environment %q in the spec", env)
	}
	out := &whatIf{Env: env, Users: users}
	for _, e := range m.Envs {
		if e.Name == env && e.Figures != nil {
			out.Before = *e.Figures
		}
	}
	for _, wl := range appWorkloads(m, env) {
		out.ReplicasBefore[0] += wl.Min
		out.ReplicasBefore[1] += wl.Max
	}
	doc.Spec.Environments[idx].Targets.Users = users
	pl, err := components.Plan(doc)
	if err != nil {
		// The planner refuses what the spec cannot carry (a pinned
		// maximum below the load): shown, not an error of the server.
		out.Refused = err.Error()
		return out, 0, nil
	}
	prices, err := s.opt.Prices(doc.Spec.Region)
	if err != nil {
		return nil, http.StatusInternalServerError, err
	}
	costs, err := cost.Estimate(pl, prices)
	if err != nil {
		return nil, http.StatusInternalServerError, err
	}
	e := pl.Envs[idx]
	out.After = decision.FiguresOf(e, findEnv(costs, env, func(r *cost.Report) string { return r.Env }),
		findEnv(availability.Estimate(pl), env, func(r *availability.Report) string { return r.Env }))
	for _, wl := range e.Workloads {
		out.Replicas[0] += wl.Min
		out.Replicas[1] += wl.Max
	}
	return out, 0, nil
}

// appWorkloads are the application workloads of env as the spec plans
// them (the backing pods of dev are not replicas the users drive).
func appWorkloads(m *model, env string) []workload {
	var out []workload
	for _, e := range m.Envs {
		if e.Name == env {
			for _, w := range e.Capacity.Workloads {
				if !w.Backing {
					out = append(out, w)
				}
			}
		}
	}
	return out
}

// download is the whole generated output (package and deploy/) as one
// zip, built in memory from the last good build.
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	lang, ok := langOf(r, s.opt.Lang)
	if !ok {
		http.Error(w, "lang must be ko or en", http.StatusBadRequest)
		return
	}
	m, _, _, _, err := s.state.current(lang)
	if err != nil || m == nil {
		http.Error(w, "no good build of the spec yet", http.StatusServiceUnavailable)
		return
	}
	if !m.Complete {
		http.Error(w, "the package of this save is being built; try again in a moment", http.StatusServiceUnavailable)
		return
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range m.files {
		// A fixed time keeps the archive the same for the same spec.
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Path, Method: zip.Deflate, Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err == nil {
			_, err = fw.Write(f.Data)
		}
		if err != nil {
			http.Error(w, "writing the zip: "+err.Error(), http.StatusInternalServerError)
			return
		}
	}
	if err := zw.Close(); err != nil {
		http.Error(w, "writing the zip: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", m.Name+"-physarch.zip"))
	w.Write(buf.Bytes())
}

// asset serves the embedded front-end; any other path is 404, and no
// path reaches outside the embedded files.
func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	p, ok := cleanAssetPath(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	b, err := fs.ReadFile(assets, p)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	ct := mime.TypeByExtension(path.Ext(p))
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	if p == "index.html" {
		w.Header().Set("Cache-Control", "no-cache")
	} else {
		// Vite names each asset by its content's hash.
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	}
	http.ServeContent(w, r, p, time.Time{}, bytes.NewReader(b))
}
