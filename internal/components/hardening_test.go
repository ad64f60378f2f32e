package components

import (
	"errors"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/spec"
)

// TestBlockHostileValues: the spec package's hostile-value cases for keys
// building blocks own. Each gets one positioned error.
func TestBlockHostileValues(t *testing.T) {
	cases := []struct {
		name      string
		old, new  string
		wantLine  int
		wantCol   int
		wantParts []string
	}{
		{"ingest 1e308", "    profile: prod\n", "    profile: prod\n    monitoring: {ingestGBPerDay: 1e308}\n", 28, 34, []string{"ingestGBPerDay 1e308 is out of range"}},
		{"negative ingest", "    profile: prod\n", "    profile: prod\n    monitoring: {ingestGBPerDay: -1}\n", 28, 34, []string{"ingestGBPerDay -1 is out of range"}},
		{"infinite ingest", "    profile: prod\n", "    profile: prod\n    monitoring: {ingestGBPerDay: .inf}\n", 28, 34, []string{"must be a finite number"}},
		{"retention 1000", "    profile: prod\n", "    profile: prod\n    monitoring: {retentionDays: 1000}\n", 28, 33, []string{"retentionDays 1000 is out of range"}},
		{"retention below the workspace's minimum", "    profile: prod\n", "    profile: prod\n    monitoring: {retentionDays: 7}\n", 28, 33, []string{"retention 7 days is below Log Analytics' minimum"}},
		{"gateway min above max", "    profile: prod\n", "    profile: prod\n    ingress: {gatewayMinCapacity: 9, gatewayMaxCapacity: 3}\n", 28, 58, []string{"gateway capacity 9–3 runs backwards"}},
		{"WAF without the gateway", "    profile: prod\n", "    profile: prod\n    ingress: {controller: nginx, waf: true}\n", 28, 39, []string{"a WAF needs the Application Gateway"}},
		{"unknown controller", "    profile: prod\n", "    profile: prod\n    ingress: {controller: traefik}\n", 28, 27, []string{`controller "traefik" is not allowed here`}},
		{"Front Door tier", "    profile: prod\n", "    profile: prod\n    ingress: {frontDoor: Classic}\n", 28, 26, []string{`frontDoor "Classic" is not allowed here`}},
		{"Key Vault as text", "    profile: prod\n", "    profile: prod\n    security: {keyVault: \"yes\"}\n", 28, 26, []string{"security.keyVault must be true or false"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.old) {
				t.Fatalf("test case does not apply: %q not in base", c.old)
			}
			doc, err := Load("shop.yaml", []byte(strings.Replace(base, c.old, c.new, 1)))
			if doc != nil {
				t.Fatal("a broken spec returned a document")
			}
			var errs spec.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("want Errors, got %v", err)
			}
			if len(errs) != 1 {
				t.Fatalf("want exactly one error, got %d:\n%v", len(errs), errs)
			}
			e := errs[0]
			if e.Pos.Line != c.wantLine || e.Pos.Col != c.wantCol {
				t.Errorf("position %d:%d, want %d:%d (%v)", e.Pos.Line, e.Pos.Col, c.wantLine, c.wantCol, e)
			}
			for _, part := range c.wantParts {
				if !strings.Contains(e.Error(), part) {
					t.Errorf("error %q lacks %q", e.Error(), part)
				}
			}
		})
	}
}
