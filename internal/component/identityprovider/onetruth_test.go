package identityprovider_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/component/identityprovider"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// TestOneTruth: the plan's authenticated routes, MAU and issuer agree
// with the cost row (the free tier priced 0), the availability report
// (the provider on the authenticated routes only, not on the route of a
// service they call), the API policies (validate-jwt on exactly the
// authenticated APIs) and the document.
func TestOneTruth(t *testing.T) {
	for _, lang := range []md.Lang{md.Ko, md.En} {
		pl, files := readback.Build(t, "physarch.yaml", []byte(sample(t)), lang)
		prices, err := azure.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		costs, err := cost.Estimate(pl, prices)
		if err != nil {
			t.Fatal(err)
		}
		avail := availability.Estimate(pl)
		for i, e := range pl.Envs {
			x, ok := plan.Find[*identityprovider.Component](e)
			if !ok {
				t.Fatalf("%s: no identity provider planned", e.Name)
			}
			if strings.Join(x.Authenticated, ",") != "order-service,account-service" || strings.Join(x.Anonymous, ",") != "catalog-service" {
				t.Errorf("%s: authenticated %v, anonymous %v", e.Name, x.Authenticated, x.Anonymous)
			}
			wantMAU := map[string]int{"dev": 50, "prod": 80000}[e.Name]
			if x.MAU != wantMAU {
				t.Errorf("%s: MAU %d, want %d", e.Name, x.MAU, wantMAU)
			}
			var row *cost.Component
			for j := range costs[i].Components {
				if costs[i].Components[j].Name == "Entra External ID" {
					row = &costs[i].Components[j]
				}
			}
			if row == nil {
				t.Fatalf("%s: no Entra External ID cost row", e.Name)
			}
			wantUSD := float64(x.OverFree()) * 0.0163
			if diff := row.MonthlyMin - wantUSD; diff > 0.005 || diff < -0.005 {
				t.Errorf("%s: MAU cost %.2f, want %.2f (%d beyond the free 50,000)", e.Name, row.MonthlyMin, wantUSD, x.OverFree())
			}
			for _, r := range avail[i].Routes {
				on := false
				for _, n := range r.Components {
					on = on || n == "Entra External ID"
				}
				if on != x.Requires(r.Service) {
					t.Errorf("%s: route %s has the provider %v, requires a sign-in %v", e.Name, r.Route, on, x.Requires(r.Service))
				}
			}
			if !e.IsProdLike() {
				continue
			}
			rs := readback.TerraformOf(t, files, e.Name)
			for _, p := range readback.Find(rs, "azurerm_api_management_api_policy") {
				svc := strings.ReplaceAll(p.Name, "_", "-")
				if has := strings.Contains(p.Attrs["xml_content"], "<validate-jwt"); has != x.Requires(svc) {
					t.Errorf("API %s: validate-jwt %v, requires a sign-in %v", svc, has, x.Requires(svc))
				}
				if x.Requires(svc) && !strings.Contains(p.Attrs["xml_content"], x.OpenIDConfig) {
					t.Errorf("API %s: policy does not read %s", svc, x.OpenIDConfig)
				}
			}
			doc := readback.File(t, files, "physical-architecture-prod.md")
			tb := readback.TableUnder(t, doc, map[md.Lang]string{md.Ko: "사용자 인증", md.En: "User authentication"}[lang])
			if v, _ := tb.Value(map[md.Lang]string{md.Ko: "발급자", md.En: "Issuer"}[lang]); v != x.Issuer {
				t.Errorf("issuer row %q, want %s", v, x.Issuer)
			}
			if !strings.Contains(string(doc), "80,000") || !strings.Contains(string(doc), "30,000") {
				t.Error("the document does not print the MAU and the billed share with separators")
			}
		}
	}
}
