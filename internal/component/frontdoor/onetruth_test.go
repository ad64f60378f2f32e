package frontdoor_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/component/frontdoor"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// TestStaticRouteOneTruth reads the static route back from the prod
// document (both languages), the Terraform and the availability table
// and requires each to say what the plan says: the pattern, the origin
// path, the caching behaviour, the Private Link origin, and the route's
// composite (Front Door × the account's reads, nothing of the cluster).
func TestStaticRouteOneTruth(t *testing.T) {
	for _, v := range []struct{ name, src string }{
		{"premium", staticSample(t)},
		{"standard-public-uncached", strings.Replace(edit(t, "ingress: {frontDoor: Premium}", "ingress: {frontDoor: Standard}\n    network: {privateEndpoints: false}"), "caching: ignoreQueryString", "caching: off", 1)},
	} {
		t.Run(v.name, func(t *testing.T) {
			for _, lang := range []md.Lang{md.Ko, md.En} {
				pl, files := readback.Build(t, "physarch.yaml", []byte(v.src), lang)
				e := pl.Envs[1]
				fd, ok := plan.Find[*frontdoor.Component](e)
				if !ok || fd.Static == nil {
					t.Fatal("prod has no static route")
				}
				st := fd.Static
				doc := readback.File(t, files, "physical-architecture-prod.md")
				tb := readback.TableUnder(t, doc, map[md.Lang]string{md.Ko: "정적 콘텐츠 경로", md.En: "Static content route"}[lang])
				route, _ := tb.Value(map[md.Lang]string{md.Ko: "경로", md.En: "Route"}[lang])
				if !strings.HasPrefix(route, st.Pattern()+" → ") || !strings.Contains(route, st.OriginPath()) {
					t.Errorf("route row %q, want %s and origin path %s", route, st.Pattern(), st.OriginPath())
				}
				caching, _ := tb.Value(map[md.Lang]string{md.Ko: "캐싱", md.En: "Caching"}[lang])
				if off := strings.Contains(caching, "caching: off"); off == st.Cached() || st.Cached() && !strings.Contains(caching, st.Caching) {
					t.Errorf("caching row %q, plan %q", caching, st.Caching)
				}
				origin, _ := tb.Value(map[md.Lang]string{md.Ko: "원본", md.En: "Origin"}[lang])
				private := fd.Tier == "Premium"
				if strings.Contains(origin, "Private Link") != private {
					t.Errorf("origin row %q, Private Link %v", origin, private)
				}
				rs := readback.TerraformOf(t, files, "prod")
				r := readback.Find(rs, "azurerm_cdn_frontdoor_route")
				var tfRoute *readback.Resource
				for i := range r {
					if r[i].Name == "static" {
						tfRoute = &r[i]
					}
				}
				if tfRoute == nil {
					t.Fatal("no static route in Terraform")
				}
				if got := tfRoute.Attrs["patterns_to_match"]; !strings.Contains(got, st.Pattern()) {
					t.Errorf("Terraform patterns %s, want %s", got, st.Pattern())
				}
				if got := tfRoute.Attrs["cdn_frontdoor_origin_path"]; got != st.OriginPath() {
					t.Errorf("Terraform origin path %s, want %s", got, st.OriginPath())
				}
				if caches := len(tfRoute.Blocks["cache"]) > 0; caches != st.Cached() {
					t.Errorf("Terraform cache block %v, plan caches %v", caches, st.Cached())
				}
				for _, o := range readback.Find(rs, "azurerm_cdn_frontdoor_origin") {
					if o.Name == "static" && (len(o.Blocks["private_link"]) > 0) != private {
						t.Errorf("Terraform private_link %v, want %v", len(o.Blocks["private_link"]) > 0, private)
					}
				}
				var rep *availability.Report
				for _, r := range availability.Estimate(pl) {
					if r.Env == "prod" {
						rep = r
					}
				}
				var got *availability.Route
				for i := range rep.Routes {
					if rep.Routes[i].Route == st.Pattern() {
						got = &rep.Routes[i]
					}
				}
				if got == nil || len(got.Components) != 2 || got.Components[0] != "Front Door" || got.Components[1] != st.Link.Name {
					t.Fatalf("static route's path %+v, want Front Door and %s", got, st.Link.Name)
				}
				want := fmt.Sprintf("| %s | %.4f%% |", st.Pattern(), got.Percent)
				if !strings.Contains(string(doc), want) {
					t.Errorf("the availability table has no row %q", want)
				}
			}
		})
	}
}
