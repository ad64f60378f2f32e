package generate_test

import (
	"bytes"
	"testing"

	"github.com/physarch/physarch/internal/generate"
	"github.com/physarch/physarch/internal/render/md"
)

// rootRouteSpec serves the root route and a route written with a
// trailing slash.
const rootRouteSpec = `apiVersion: physarch.dev/v1
kind: System
metadata: {name: shop, title: {ko: 쇼핑몰, en: Shop}}
cloud: azure
region: koreacentral
services:
  - name: web
    route: /
    health: /health
  - name: api
    route: /api/
    health: /health
environments:
  - {name: dev, profile: dev}
  - {name: prod, profile: prod}
`

// TestRootRouteNeverPrintsADoubleSlash: the root route's pattern is "/**"
// in every file that prints a route (documents, diagrams, Terraform,
// manifests), in both languages; a prefix's trailing slash is dropped
// once ("/api/**"), and no file says "//**" or "/api//".
func TestRootRouteNeverPrintsADoubleSlash(t *testing.T) {
	for _, lang := range []md.Lang{md.Ko, md.En} {
		_, files, err := generate.Spec("physarch.yaml", []byte(rootRouteSpec), generate.Options{Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		seen := false
		for _, f := range files {
			for _, bad := range []string{"//**", "/api//", `"//"`, "| // |"} {
				if bytes.Contains(f.Data, []byte(bad)) {
					t.Errorf("%s (%s) prints %q", f.Path, lang, bad)
				}
			}
			seen = seen || bytes.Contains(f.Data, []byte("| /** |"))
		}
		if !seen {
			t.Errorf("(%s) no document prints the root route as /**", lang)
		}
	}
}
