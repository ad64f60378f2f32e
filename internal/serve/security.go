package serve

import (
	"fmt"
	"net"
	"net/http"
	"strings"
)

// CSP is the page's Content-Security-Policy: scripts, styles, images and
// connections from this server only, nothing framed, no forms. Styles
// allow 'unsafe-inline' because Mermaid writes each diagram's <style>
// element and style attributes into the SVG it draws; scripts stay
// strict (no inline script, no eval).
const CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// CheckListen refuses an address that is not a loopback one unless the
// user named it explicitly (--listen): the server shows the whole design,
// its network plan included, to whoever can reach it.
func CheckListen(addr string, explicit bool) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("listen address %q: %w (give host:port, such as 127.0.0.1:8080)", addr, err)
	}
	if port == "" {
		return fmt.Errorf("listen address %q has no port", addr)
	}
	if isLoopback(host) || explicit {
		return nil
	}
	return fmt.Errorf("refusing to listen on %s: it is not a loopback address, and the page shows the whole design to whoever reaches it; name it with --listen %s to mean it", addr, addr)
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// allowedHosts are the Host headers the server answers: the bound
// address, and for loopback its other names. A page on another name that
// resolves to 127.0.0.1 (DNS rebinding) sends its own name and is refused.
func allowedHosts(bound net.Addr) map[string]bool {
	host, port, err := net.SplitHostPort(bound.String())
	if err != nil {
		return map[string]bool{bound.String(): true}
	}
	ok := map[string]bool{net.JoinHostPort(host, port): true}
	ip := net.ParseIP(host)
	if ip != nil && (ip.IsLoopback() || ip.IsUnspecified()) {
		for _, h := range []string{"127.0.0.1", "localhost", "::1"} {
			ok[net.JoinHostPort(h, port)] = true
		}
	}
	if ip != nil && ip.IsUnspecified() {
		// Bound to every interface (--listen 0.0.0.0:P): each of the
		// machine's own addresses is a name the page may be reached by.
		if addrs, err := net.InterfaceAddrs(); err == nil {
			for _, a := range addrs {
				if n, ok2 := a.(*net.IPNet); ok2 {
					ok[net.JoinHostPort(n.IP.String(), port)] = true
				}
			}
		}
	}
	return ok
}

// guard wraps every handler: only GET and HEAD, only the allowed Host
// names, and the security headers on every answer.
func guard(hosts func() map[string]bool, log func(string, ...any), next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "physarch serve is read-only: only GET and HEAD", http.StatusMethodNotAllowed)
			return
		}
		if !hosts()[strings.ToLower(r.Host)] {
			log("refused a request for host %q (not the bound address)", r.Host)
			http.Error(w, "unknown Host header: physarch serve answers only the address it is bound to", http.StatusMisdirectedRequest)
			return
		}
		if dotted(r.URL.Path) {
			// Refused outright rather than redirected to the cleaned
			// path, as the standard mux would: no path with a dot
			// segment means anything here.
			http.NotFound(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// dotted reports a path with an empty, "." or ".." segment, a backslash
// or a NUL, however it was encoded (the path is decoded by now).
func dotted(p string) bool {
	if strings.ContainsAny(p, "\\\x00") {
		return true
	}
	segs := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, seg := range segs {
		if seg == "." || seg == ".." || (seg == "" && i < len(segs)-1) {
			return true
		}
	}
	return false
}

// cleanAssetPath maps a request path to a file of the embedded assets,
// or reports false for anything that is not a plain relative path: no
// "..", no backslash, no NUL, no absolute path, whatever encoding brought it.
func cleanAssetPath(p string) (string, bool) {
	p = strings.TrimPrefix(p, "/")
	if p == "" {
		return "index.html", true
	}
	if strings.ContainsAny(p, "\\\x00:") || strings.HasPrefix(p, "/") {
		return "", false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", false
		}
	}
	return p, true
}
