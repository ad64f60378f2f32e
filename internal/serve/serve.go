// Package serve is physarch serve: a read-only HTTP server that shows one
// spec's plan in the browser and follows the spec file as it is saved.
// Every figure the page shows comes from the pipeline the other commands
// run (generate.Run: the plan, its cost, availability and decisions, the
// generated files; the check rules; the audit), never from arithmetic of
// this package's own.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/physarch/physarch/internal/audit"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/render/md"
)

// Options configure a server.
type Options struct {
	// Spec is the spec file watched; Data its bytes at start, when the
	// spec is a built-in example with no file (then nothing is watched).
	Spec string
	Data []byte
	// Listen is the address to bind. Explicit says the user named it
	// (--listen): only then may it be other than a loopback address.
	Listen   string
	Explicit bool
	// Lang is the page's first language.
	Lang md.Lang
	// Prices gives the price source for a spec's region, as the CLI's
	// commands load it (the price cache over the embedded snapshot).
	Prices func(region string) (*azure.Prices, error)
	// Check is the rule configuration (physarch-check.yaml).
	Check check.Config
	// Audit, when set, audits a hand-written package on every rebuild.
	Audit func() ([]audit.Finding, []string, error)
	// Poll is how often the spec file is read for changes (default 50 ms:
	// reading a spec of a few KB costs microseconds, and half the interval
	// is, on average, part of every save's wait).
	Poll time.Duration
	// Log receives one line per rebuild and per refused request.
	Log io.Writer
}

// Server serves one spec.
type Server struct {
	opt   Options
	state *store
	ln    net.Listener
	http  *http.Server
}

// New checks the options, builds the spec once and binds the address.
// A spec with errors still starts the server: the page shows the errors
// until a save fixes them.
func New(opt Options) (*Server, error) {
	if opt.Lang == "" {
		opt.Lang = md.Ko
	}
	if opt.Poll <= 0 {
		opt.Poll = 50 * time.Millisecond
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.Prices == nil {
		opt.Prices = func(string) (*azure.Prices, error) { return azure.Embedded() }
	}
	if err := CheckListen(opt.Listen, opt.Explicit); err != nil {
		return nil, err
	}
	s := &Server{opt: opt, state: newStore(opt)}
	if err := s.state.load(); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", opt.Listen)
	if err != nil {
		return nil, fmt.Errorf("binding %s: %w", opt.Listen, err)
	}
	s.ln = ln
	s.http = &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 5 * time.Second, ErrorLog: nil}
	return s, nil
}

// URL is the address the page is at; bound to every interface, its
// loopback address (the others work too).
func (s *Server) URL() string {
	addr := s.ln.Addr().String()
	if host, port, err := net.SplitHostPort(addr); err == nil {
		if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
			addr = net.JoinHostPort("127.0.0.1", port)
		}
	}
	return "http://" + addr + "/"
}

// Serve serves until ctx ends, following the spec file meanwhile.
func (s *Server) Serve(ctx context.Context) error {
	go s.state.watch(ctx)
	errc := make(chan error, 1)
	go func() { errc <- s.http.Serve(s.ln) }()
	select {
	case <-ctx.Done():
		s.state.close()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if err := s.http.Shutdown(shut); err != nil {
			return fmt.Errorf("stopping the server: %w", err)
		}
		return nil
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return fmt.Errorf("serving: %w", err)
	}
}
