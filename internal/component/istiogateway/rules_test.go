package istiogateway_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/spec"
	"github.com/physarch/physarch/internal/testplan"
)

// shop is a production environment whose ingress is the mesh's gateway;
// INGRESS is replaced by its extra ingress keys (on line 16) and EXTRA by
// its other keys (line 17).
const shop = `apiVersion: physarch.dev/v1
kind: System
metadata: {name: shop, title: {en: Shop}}
cloud: azure
region: koreacentral
services:
  - name: api
    route: /api
    health: /healthz
    resources: {requests: {cpu: 250m, memory: 512Mi}}
environments:
  - name: prod
    profile: prod
    targets: {users: 1000, availability: 99.5, budgetUSD: 9000, rto: 12h, rpo: 1h}
    serviceMesh: {mode: istio}
    ingress: {controller: istio, INGRESS}
    EXTRA
`

func shopSpec(ingress, extra string) string {
	return strings.NewReplacer("INGRESS", ingress, "EXTRA", extra).Replace(shop)
}

// TestRules: the block's rule on a spec that must trigger it and one that
// must leave it quiet.
func TestRules(t *testing.T) {
	cases := []struct {
		name, ingress, extra string
		fire                 bool
	}{
		{"trigger: API Management beside the mesh's gateway", "behindGateway: true", "apiManagement: {tier: Developer, publisherEmail: api@example.com}", true},
		{"quiet: the mesh's gateway alone", "behindGateway: true", "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := testplan.Findings(t, "physarch.yaml", []byte(shopSpec(tc.ingress, tc.extra)), "NW014")
			if !tc.fire {
				if len(got) != 0 {
					t.Fatalf("want quiet, got %v", got)
				}
				return
			}
			if len(got) == 0 || !strings.Contains(got[0].Message, "PERMISSIVE") {
				t.Fatalf("want a finding about PERMISSIVE ports, got %v", got)
			}
		})
	}
}

// TestBadInput: a combination the mesh's gateway cannot be is refused at
// its line and column, with a hint.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name, ingress, extra string
		line, col            int
		want                 string
	}{
		{"the mesh off", "behindGateway: true", "serviceMesh: {mode: none}", 15, 27, "the mesh is off"},
		{"Front Door in front of the external gateway", "frontDoor: Standard, waf: false", "", 16, 45, "Front Door's origin"},
		{"a WAF without the Application Gateway", "frontDoor: none, waf: true", "", 16, 56, "no WAF"},
		{"behindGateway with AGIC", "behindGateway: true", "", 0, 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := shopSpec(c.ingress, c.extra)
			if c.name == "behindGateway with AGIC" {
				src = strings.Replace(src, "controller: istio", "controller: agic", 1)
				c.line, c.col, c.want = 16, 48, "not agic"
			}
			if strings.Contains(c.extra, "serviceMesh") {
				src = strings.Replace(src, "    serviceMesh: {mode: istio}\n", "", 1)
			}
			doc, err := components.Load("physarch.yaml", []byte(src))
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
			e := errs[0]
			if e.Pos.Line != c.line || e.Pos.Col != c.col {
				t.Errorf("position %d:%d, want %d:%d (%v)", e.Pos.Line, e.Pos.Col, c.line, c.col, e)
			}
			if e.Hint == "" || !strings.Contains(e.Error(), c.want) {
				t.Errorf("error %q: want a hint and %q", e.Error(), c.want)
			}
		})
	}
}
