package blobstorage_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/spec"
)

// staticSample is the sample with a static content route.
func staticSample(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "sample-static.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestBadStaticRoute: each mistake in backing.blobStorage.staticRoute
// gets one error at its line and column, with a hint, and the build
// writes nothing.
func TestBadStaticRoute(t *testing.T) {
	const route = "staticRoute: {container: web, path: /static, caching: ignoreQueryString}"
	cases := []struct {
		name, new  string
		marker, at string
		want       []string
	}{
		{"unknown container", "staticRoute: {container: webb, path: /static}", "staticRoute", "webb", []string{`container "webb"`, `did you mean "web"`}},
		{"container without anonymous reads", "staticRoute: {container: exports}", "staticRoute", "exports", []string{"allows no anonymous reads", "publicAccess: blob"}},
		{"no container", "staticRoute: {path: /static}", "staticRoute", "{path", []string{`missing key "container"`}},
		{"caching typo", "staticRoute: {container: web, caching: ignoreQuery}", "staticRoute", "ignoreQuery", []string{`"ignoreQuery" is not allowed`}},
		{"path with a wildcard", "staticRoute: {container: web, path: /static/*}", "staticRoute", "/static/*", []string{"not in the expected form", "no trailing slash or wildcard"}},
		{"path without a slash", "staticRoute: {container: web, path: static}", "staticRoute", "static}", []string{"not in the expected form"}},
		{"compression not a boolean", "staticRoute: {container: web, compression: yes please}", "staticRoute", "yes please", []string{"compression"}},
		{"a service's route under the prefix", "staticRoute: {container: web, path: /api/uploads}", "route: /api/uploads", "/api/uploads", []string{`route "/api/uploads" of service "upload-service" lies under the static route /api/uploads`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := staticSample(t)
			if !strings.Contains(src, route) {
				t.Fatal("the sample's static route changed")
			}
			src = strings.Replace(src, route, c.new, 1)
			doc, err := components.Load("media.yaml", []byte(src))
			if err == nil {
				_, err = components.Plan(doc)
			}
			var errs spec.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("want positioned errors, got %v", err)
			}
			if len(errs) != 1 {
				t.Fatalf("want 1 error, got %d:\n%v", len(errs), errs)
			}
			line, col := position(t, src, c.marker, c.at)
			e := errs[0]
			if e.Pos.Line != line || e.Pos.Col != col {
				t.Errorf("position %d:%d, want %d:%d (%v)", e.Pos.Line, e.Pos.Col, line, col, e)
			}
			if e.Hint == "" {
				t.Errorf("error %q has no hint", e.Error())
			}
			for _, w := range c.want {
				if !strings.Contains(e.Error(), w) {
					t.Errorf("error %q does not say %q", e.Error(), w)
				}
			}
			assertBuildWritesNothing(t, src)
		})
	}
}
