package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/spec"
)

// store holds the last good build and the latest errors, and tells the
// pages (server-sent events) when either changes.
type store struct {
	opt Options

	mu      sync.Mutex
	data    []byte             // the spec's bytes the latest build read
	version int                // counts builds, good or not
	errs    []specError        // the latest build's errors; empty when it was good
	good    map[md.Lang]*model // the last good build, per language asked for
	goodVer int                // the version good was built at
	subs    map[chan int]bool  // the event streams open
	closed  bool
}

// specError is one error of a build, positioned where the spec has a
// position for it.
type specError struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"column,omitempty"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
}

func newStore(opt Options) *store {
	return &store{opt: opt, good: map[md.Lang]*model{}, subs: map[chan int]bool{}}
}

// load reads the spec once at start; a file that cannot be read is an
// error of the command, a spec with errors is shown in the page.
func (s *store) load() error {
	data := s.opt.Data
	if data == nil {
		b, err := os.ReadFile(s.opt.Spec)
		if err != nil {
			return fmt.Errorf("reading spec: %w", err)
		}
		data = b
	}
	s.rebuild(data, true)
	return nil
}

// rebuild builds data in the languages the pages have asked for, the
// whole pipeline (full) or its quick part. A broken spec keeps the last
// good models and records its errors. A full build of bytes a newer save
// has replaced is dropped.
func (s *store) rebuild(data []byte, full bool) bool {
	s.mu.Lock()
	langs := []md.Lang{s.opt.Lang}
	for l := range s.good {
		if l != s.opt.Lang {
			langs = append(langs, l)
		}
	}
	prev := s.good[s.opt.Lang]
	s.mu.Unlock()
	start := time.Now()
	built := map[md.Lang]*model{}
	var errs []specError
	for _, l := range langs {
		run := quick
		if full {
			run = build
		}
		m, err := run(s.opt, data, l)
		if err != nil {
			errs = toSpecErrors(err)
			break
		}
		if !full && prev != nil {
			// The package audited does not change with the spec.
			m.Audit = prev.Audit
		}
		built[l] = m
	}
	s.mu.Lock()
	if full && s.data != nil && !bytes.Equal(s.data, data) {
		s.mu.Unlock()
		return false
	}
	s.version++
	s.data = data
	s.errs = errs
	if errs == nil {
		s.good, s.goodVer = built, s.version
	}
	v := s.version
	for c := range s.subs {
		select {
		case c <- v:
		default: // a slow page gets the newest version when it reads next
		}
	}
	s.mu.Unlock()
	stage := "quick"
	if full {
		stage = "full"
	}
	if errs != nil {
		fmt.Fprintf(s.opt.Log, "physarch serve: %s has %d error(s); the page keeps the last good view (%s)\n", s.opt.Spec, len(errs), errs[0].String())
	} else {
		fmt.Fprintf(s.opt.Log, "physarch serve: %s build of %s (version %d) in %d ms\n", stage, s.opt.Spec, v, time.Since(start).Milliseconds())
	}
	return errs == nil
}

func (e specError) String() string {
	if e.Line == 0 {
		return e.Message
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Message)
}

func toSpecErrors(err error) []specError {
	var serrs spec.Errors
	if errors.As(err, &serrs) {
		out := make([]specError, 0, len(serrs))
		for _, e := range serrs {
			out = append(out, specError{e.Pos.File, e.Pos.Line, e.Pos.Col, e.Msg, e.Hint})
		}
		return out
	}
	var one spec.Error
	if errors.As(err, &one) {
		return []specError{{one.Pos.File, one.Pos.Line, one.Pos.Col, one.Msg, one.Hint}}
	}
	return []specError{{Message: err.Error()}}
}

// current returns the good model in lang (building it on first request
// from the spec the last good build read) with the version and errors.
func (s *store) current(lang md.Lang) (*model, int, int, []specError, error) {
	s.mu.Lock()
	m, ok := s.good[lang]
	var other *model
	for _, g := range s.good {
		other = g
	}
	v, gv, errs := s.version, s.goodVer, s.errs
	s.mu.Unlock()
	if ok || other == nil {
		return m, v, gv, errs, nil
	}
	m, err := build(s.opt, other.specData, lang)
	if err != nil {
		return nil, v, gv, errs, err
	}
	s.mu.Lock()
	if s.goodVer == gv {
		s.good[lang] = m
	}
	s.mu.Unlock()
	return m, v, gv, errs, nil
}

// watch reads the spec file every Poll and rebuilds when its bytes
// change. Reading the bytes (a spec is a few KB) rather than trusting the
// modification time catches two saves within the file system's timestamp
// granularity, and an editor that restores the time.
func (s *store) watch(ctx context.Context) {
	if s.opt.Data != nil {
		return // a built-in example: no file to follow
	}
	t := time.NewTicker(s.opt.Poll)
	defer t.Stop()
	// The full build of a save runs beside the watch, so the next save's
	// quick build does not wait for it; only the newest save's is run.
	fullReq := make(chan []byte, 1)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case b := <-fullReq:
				s.rebuild(b, true)
			}
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		b, err := os.ReadFile(s.opt.Spec)
		if err != nil {
			// Editors save by rename: the file is briefly missing.
			continue
		}
		s.mu.Lock()
		same := bytes.Equal(b, s.data)
		s.mu.Unlock()
		if same {
			continue
		}
		if len(b) == 0 {
			// A save in place truncates the file before it writes it:
			// an empty read is that moment, not the spec.
			continue
		}
		if s.rebuild(b, false) {
			select {
			case <-fullReq: // an older save's full build, not started yet
			default:
			}
			fullReq <- b
		}
	}
}

// subscribe opens an event stream: the channel receives each new version.
func (s *store) subscribe() (chan int, func()) {
	c := make(chan int, 1)
	s.mu.Lock()
	if !s.closed {
		s.subs[c] = true
	}
	s.mu.Unlock()
	return c, func() {
		s.mu.Lock()
		delete(s.subs, c)
		s.mu.Unlock()
	}
}

// close ends every event stream, so the server can shut down.
func (s *store) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for c := range s.subs {
		close(c)
		delete(s.subs, c)
	}
}
