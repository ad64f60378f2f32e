package serve

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

func TestCheckListen(t *testing.T) {
	for _, c := range []struct {
		addr     string
		explicit bool
		ok       bool
	}{
		{"127.0.0.1:8080", false, true},
		{"127.0.0.1:0", false, true},
		{"[::1]:8080", false, true},
		{"localhost:8080", false, true},
		{"0.0.0.0:8080", false, false},
		{"10.1.2.3:8080", false, false},
		{"[::]:8080", false, false},
		{"example.com:80", false, false},
		{"0.0.0.0:8080", true, true},
		{"10.1.2.3:8080", true, true},
		{"127.0.0.1", false, false}, // no port
		{"", true, false},
	} {
		err := CheckListen(c.addr, c.explicit)
		if (err == nil) != c.ok {
			t.Errorf("CheckListen(%q, explicit=%v) = %v, want ok=%v", c.addr, c.explicit, err, c.ok)
		}
	}
}

// newTestServer builds the example and binds a loopback port; the
// handler is called directly, the listener only gives the bound address.
func newTestServer(t *testing.T, opt Options) *Server {
	t.Helper()
	if opt.Spec == "" {
		opt.Spec = "../../examples/kt-event-marketing/physarch.yaml"
	}
	if opt.Listen == "" {
		opt.Listen = "127.0.0.1:0"
	}
	opt.Prices = testPrices
	s, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.ln.Close() })
	return s
}

func get(t *testing.T, h http.Handler, method, target, host string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	r.Host = host
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestSecurity(t *testing.T) {
	s := newTestServer(t, Options{})
	h := s.Handler()
	host := s.ln.Addr().String()
	port := host[strings.LastIndex(host, ":")+1:]
	secret, err := os.ReadFile("serve.go")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("headers", func(t *testing.T) {
		w := get(t, h, "GET", "/", host)
		if w.Code != 200 {
			t.Fatalf("GET / = %d", w.Code)
		}
		if got := w.Header().Get("Content-Security-Policy"); got != CSP || !strings.Contains(got, "script-src 'self';") || strings.Contains(got, "unsafe-eval") {
			t.Errorf("CSP = %q", got)
		}
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"} {
			if w.Header().Get(k) != v {
				t.Errorf("%s = %q, want %q", k, w.Header().Get(k), v)
			}
		}
		if strings.Contains(w.Body.String(), "<script>") || strings.Contains(w.Body.String(), "http://") || strings.Contains(w.Body.String(), "https://") {
			t.Errorf("index.html has an inline script or an outside address:\n%s", w.Body.String())
		}
	})
	t.Run("read-only", func(t *testing.T) {
		for _, m := range []string{"POST", "PUT", "PATCH", "DELETE", "OPTIONS"} {
			for _, p := range []string{"/", "/api/state", "/api/doc?path=x", "/download.zip"} {
				if w := get(t, h, m, p, host); w.Code != http.StatusMethodNotAllowed {
					t.Errorf("%s %s = %d, want 405", m, p, w.Code)
				}
			}
		}
		if w := get(t, h, "HEAD", "/", host); w.Code != 200 {
			t.Errorf("HEAD / = %d", w.Code)
		}
	})
	t.Run("host", func(t *testing.T) {
		for _, hh := range []string{"evil.example:" + port, "127.0.0.1.nip.io:" + port, "localhost:1", "127.0.0.1", "", "attacker.test"} {
			if w := get(t, h, "GET", "/api/state", hh); w.Code != http.StatusMisdirectedRequest {
				t.Errorf("Host %q = %d, want 421", hh, w.Code)
			}
		}
		for _, hh := range []string{host, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port} {
			if w := get(t, h, "GET", "/api/state", hh); w.Code != 200 {
				t.Errorf("Host %q = %d, want 200", hh, w.Code)
			}
		}
	})
	t.Run("traversal", func(t *testing.T) {
		for _, p := range []string{
			"/../serve.go", "/../../go.mod", "/%2e%2e/serve.go", "/%2e%2e%2fserve.go", "/assets/..%2f..%2fserve.go", "/assets/%2e%2e/%2e%2e/serve.go",
			"/..%5cserve.go", "/assets/..\\..\\serve.go", "//etc/passwd", "/etc/passwd", "/%2fetc%2fpasswd", "/dist/index.html", "/./index.html",
			"/index.html%00.js", "/C:/Windows/win.ini", "/api/doc?path=../../serve.go", "/api/doc?path=/etc/passwd",
			"/api/doc?path=design/backend/physical/../../../serve.go", "/api/doc?path=%2e%2e%2fserve.go",
		} {
			w := get(t, h, "GET", p, host)
			if w.Code == 200 || (w.Code >= 300 && w.Code < 400) {
				t.Errorf("GET %s = %d, want refused (4xx)", p, w.Code)
			}
			if strings.Contains(w.Body.String(), "package serve") || strings.Contains(w.Body.String(), "root:") || len(secret) > 0 && strings.Contains(w.Body.String(), string(secret[:40])) {
				t.Errorf("GET %s leaked a file: %.80q", p, w.Body.String())
			}
		}
	})
}

func TestCleanAssetPath(t *testing.T) {
	for p, want := range map[string]string{"/": "index.html", "/index.html": "index.html", "/assets/index-x.js": "assets/index-x.js",
		"/../x": "", "/a/../b": "", "/a//b": "", "/a\\b": "", "/a:b": "", "/.": "", "/x\x00": ""} {
		got, ok := cleanAssetPath(p)
		if got != want || ok != (want != "") {
			t.Errorf("cleanAssetPath(%q) = %q, %v; want %q", p, got, ok, want)
		}
	}
}

// TestAssetsComplete: every file index.html names is embedded, so the
// committed build is whole (scripts/build-web.sh rebuilds it).
func TestAssetsComplete(t *testing.T) {
	s := newTestServer(t, Options{})
	h := s.Handler()
	host := s.ln.Addr().String()
	idx := get(t, h, "GET", "/", host).Body.String()
	n := 0
	for _, part := range strings.Split(idx, `"./`)[1:] {
		ref := part[:strings.IndexByte(part, '"')]
		n++
		if w := get(t, h, "GET", "/"+ref, host); w.Code != 200 {
			t.Errorf("index.html names %s, which is not served (%d)", ref, w.Code)
		}
	}
	if n == 0 {
		t.Errorf("index.html names no asset:\n%s", idx)
	}
}
