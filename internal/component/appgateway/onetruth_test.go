package appgateway_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/component/appgateway"
	"github.com/physarch/physarch/internal/component/frontdoor"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// TestOneTruthEdge: what the production document says about the edge
// (listener, TLS policy, forwarding, probe, rate limit, the Front Door
// check) is what the Terraform and the Ingress realise, for end-to-end
// TLS and for TLS ending at Front Door.
func TestOneTruthEdge(t *testing.T) {
	// The two blocks name the one host variable without importing each
	// other.
	if appgateway.HostVariable != frontdoor.OriginHost {
		t.Fatalf("gateway declares %s, Front Door reads %s", appgateway.HostVariable, frontdoor.OriginHost)
	}
	for _, tc := range []struct {
		name, prod           string
		tls                  bool
		listener, forwarding string
	}{
		{"end-to-end TLS", "", true, "Https", "HttpsOnly"},
		{"TLS ends at Front Door", "ingress: {endToEndTLS: false}", false, "Http", "HttpOnly"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pl, files := readback.Build(t, "shop.yaml", []byte(shopSpec(tc.prod, "health: /healthz")), md.Ko)
			e := pl.Envs[len(pl.Envs)-1]
			gw, ok := plan.Find[*appgateway.Component](e)
			fd, ok2 := plan.Find[*frontdoor.Component](e)
			if !ok || !ok2 {
				t.Fatal("prod plans no gateway or no Front Door")
			}
			if gw.TLS != tc.tls || fd.TLS != tc.tls {
				t.Fatalf("planned TLS gateway %v, Front Door %v, want %v", gw.TLS, fd.TLS, tc.tls)
			}
			doc := readback.File(t, files, "physical-architecture-"+e.Name+".md")
			main := readback.TerraformOf(t, files, e.Name)
			one := func(typ string) readback.Resource {
				t.Helper()
				rs := readback.Find(main, typ)
				if len(rs) != 1 {
					t.Fatalf("Terraform has %d %s, want 1", len(rs), typ)
				}
				return rs[0]
			}

			// The gateway: its listener and TLS policy.
			g := one("azurerm_application_gateway")
			gdoc := readback.TableUnder(t, doc, "Application Gateway 구성")
			listener, _ := gdoc.Value("리스너")
			if got := g.Blocks["http_listener"][0].Attrs["protocol"]; got != tc.listener {
				t.Errorf("Terraform listener %s, want %s", got, tc.listener)
			}
			if !strings.HasPrefix(listener, strings.ToUpper(tc.listener)) {
				t.Errorf("document listener %q, Terraform %s", listener, tc.listener)
			}
			policy, _ := gdoc.Value("TLS 정책")
			sp := g.Blocks["ssl_policy"]
			switch {
			case tc.tls && (len(sp) != 1 || sp[0].Attrs["policy_name"] != appgateway.SSLPolicy || !strings.HasPrefix(policy, appgateway.SSLPolicy)):
				t.Errorf("TLS policy: document %q, Terraform %v", policy, sp)
			case !tc.tls && (len(sp) != 0 || policy != ""):
				t.Errorf("no TLS, yet a TLS policy: document %q, Terraform %v", policy, sp)
			}

			// The gateway's WAF: the Front Door check, and no rate limit
			// keyed on Front Door's addresses.
			w := one("azurerm_web_application_firewall_policy")
			var names []string
			for _, r := range w.Blocks["custom_rules"] {
				names = append(names, r.Attrs["name"])
				if r.Attrs["rule_type"] == "RateLimitRule" {
					t.Error("the gateway limits the rate behind Front Door, where every client is Front Door")
				}
				mv := r.Blocks["match_conditions"][0].Blocks["match_variables"][0]
				if mv.Attrs["selector"] != "X-Azure-FDID" || r.Blocks["match_conditions"][0].Attrs["negation_condition"] != "true" || r.Attrs["action"] != "Block" {
					t.Errorf("rule %s is not the X-Azure-FDID check: %+v", r.Attrs["name"], r)
				}
			}
			if strings.Join(names, ",") != "OnlyThisFrontDoor" || !strings.Contains(string(doc), "name: OnlyThisFrontDoor") {
				t.Errorf("gateway custom rules %v, want the Front Door check in Terraform and document", names)
			}

			// Front Door: forwarding, certificate check, probe, rate limit.
			fdoc := readback.TableUnder(t, doc, "Front Door")
			o := one("azurerm_cdn_frontdoor_origin")
			if got := o.Attrs["certificate_name_check_enabled"]; got != map[bool]string{true: "true", false: "false"}[tc.tls] {
				t.Errorf("certificate_name_check_enabled %s with TLS %v", got, tc.tls)
			}
			r := one("azurerm_cdn_frontdoor_route")
			fwd, _ := fdoc.Value("원본 전달")
			if r.Attrs["forwarding_protocol"] != tc.forwarding || strings.Contains(fwd, "HttpsOnly") != tc.tls {
				t.Errorf("forwarding: Terraform %s, document %q, want %s", r.Attrs["forwarding_protocol"], fwd, tc.forwarding)
			}
			hp := one("azurerm_cdn_frontdoor_origin_group").Blocks["health_probe"][0]
			probe, _ := fdoc.Value("상태 프로브")
			want := "GET " + gw.ProbePath + ", " + strings.ToUpper(hp.Attrs["protocol"])
			if hp.Attrs["request_type"] != "GET" || hp.Attrs["path"] != "/healthz" || !strings.HasPrefix(probe, want) {
				t.Errorf("probe: Terraform %v, document %q, want %q", hp.Attrs, probe, want)
			}
			ing := string(readback.File(t, files, "overlays/prod/ingress.yaml"))
			if !strings.Contains(ing, "path: /healthz\n            pathType: Exact") {
				t.Errorf("the Ingress does not route the probe's path to its service:\n%s", ing)
			}
			fw := one("azurerm_cdn_frontdoor_firewall_policy")
			limit, _ := fdoc.Value("속도 제한")
			rl := fw.Blocks["custom_rule"]
			if len(rl) != 1 || rl[0].Attrs["rate_limit_threshold"] != "100" || fd.RateLimit != 100 || !strings.Contains(limit, "100") {
				t.Errorf("rate limit: Terraform %v, document %q, plan %d", rl, limit, fd.RateLimit)
			}
			if len(fw.Blocks["managed_rule"]) != 0 {
				t.Error("Standard Front Door has managed rules in Terraform, which only Premium runs")
			}
			if len(readback.Find(main, "azurerm_cdn_frontdoor_security_policy")) != 1 {
				t.Error("the Front Door WAF policy is attached to nothing")
			}
		})
	}
}
