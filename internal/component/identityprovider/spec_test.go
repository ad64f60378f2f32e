package identityprovider_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/spec"
)

// TestBadIdentityInput: each mistake in the block's part of the spec gets
// one error at its line and column, with a hint.
func TestBadIdentityInput(t *testing.T) {
	cases := []struct {
		name, old, new string
		marker, at     string
		want           []string
	}{
		{"unknown provider", "provider: entraExternalId", "provider: b2c", "provider:", "b2c", []string{`"b2c" is not allowed`}},
		{"External ID without a tenant", idp, "    provider: entraExternalId\n", "identityProvider:", "provider", []string{"needs its external tenant"}},
		{"tenant with a dot", "tenant: shopcustomers", "tenant: shop.customers", "tenant:", "shop.customers", []string{"not in the expected form"}},
		{"issuer on External ID", idp, idp + "    issuer: https://login.example.com\n", "issuer:", "https", []string{"issuer is for provider oidc"}},
		{"oidc without an issuer", idp, "    provider: oidc\n", "identityProvider:", "provider", []string{"needs its issuer"}},
		{"issuer over plain HTTP", idp, "    provider: oidc\n    issuer: http://login.example.com\n", "issuer:", "http://", []string{"not in the expected form", "https URL"}},
		{"availability of 100", idp, "    provider: oidc\n    issuer: https://login.example.com\n    availability: 100\n", "availability:", "100", []string{"out of range"}},
		{"anonymous service that has no route", "anonymous: [catalog-service]", "anonymous: [catalog-servce]", "anonymous:", "catalog-servce", []string{`"catalog-servce"`, `did you mean "catalog-service"`}},
		{"monthly active users negative", "identityProvider: {monthlyActiveUsers: 80000}", "identityProvider: {monthlyActiveUsers: -1}", "monthlyActiveUsers", "-1", []string{"out of range"}},
		{"settings key typo", "identityProvider: {monthlyActiveUsers: 80000}", "identityProvider: {monthlyActiveUser: 80000}", "monthlyActiveUser", "monthlyActiveUser", []string{`unknown key "monthlyActiveUser"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := edit(t, c.old, c.new)
			doc, err := components.Load("shop.yaml", []byte(src))
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
		})
	}
}
