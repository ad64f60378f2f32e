package apimanagement_test

import (
	"fmt"
	"github.com/physarch/physarch/internal/render/msg"
	"strconv"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/component/apimanagement"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// TestOneTruth: production's API Management section, the Terraform, the
// load balancer Services, the cost rows and the SLA entry state the
// planned service, figure for figure, for both samples.
func TestOneTruth(t *testing.T) {
	for _, name := range []string{"sample.yaml", "sample-standardv2.yaml"} {
		t.Run(name, func(t *testing.T) {
			pl, files := readback.Build(t, name, []byte(read(t, name)), md.Ko)
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
				t.Run(e.Name, func(t *testing.T) {
					x, ok := plan.Find[*apimanagement.Component](e)
					// The Standard v2 sample runs none in development.
					if want := name == "sample.yaml" || e.IsProdLike(); ok != want {
						t.Fatalf("API Management planned: %v, want %v", ok, want)
					}
					if !ok {
						return
					}
					doc := readback.File(t, files, "physical-architecture-"+e.Name+".md")
					tf := readback.TerraformOf(t, files, e.Name)
					vars := string(readback.File(t, files, "terraform/"+e.Name+"/variables.tf"))
					checkService(t, x, tf, vars)
					checkLoadBalancers(t, x, string(readback.File(t, files, "overlays/"+e.Name+"/backing.yaml")))
					checkCost(t, x, doc, costs[i])
					checkSLA(t, doc, avail[i])
					if e.IsProdLike() {
						checkDocument(t, x, doc, tf)
					}
				})
			}
		})
	}
}

func value(t *testing.T, tb readback.Table, key string) string {
	t.Helper()
	v, ok := tb.Value(key)
	if !ok {
		t.Fatalf("table under %q has no row %q", tb.Heading, key)
	}
	return v
}

// checkService compares the Terraform service with the plan.
func checkService(t *testing.T, x *apimanagement.Component, tf []readback.Resource, vars string) {
	t.Helper()
	svc := readback.Find(tf, "azurerm_api_management")
	if len(svc) != 1 {
		t.Fatalf("Terraform has %d API Management services", len(svc))
	}
	s := svc[0]
	wantZones := ""
	if len(x.Zones) > 1 {
		var zs []string
		for _, z := range x.Zones {
			zs = append(zs, strconv.Itoa(z))
		}
		wantZones = strings.Join(zs, ",")
	}
	for _, c := range []struct{ what, got, want string }{
		{"sku_name", s.Attrs["sku_name"], x.SkuName()},
		{"virtual_network_type", s.Attrs["virtual_network_type"], x.NetworkType()},
		{"zones", s.Attrs["zones"], wantZones},
		{"publisher_name", s.Attrs["publisher_name"], x.PublisherName},
	} {
		if c.got != c.want {
			t.Errorf("%s: Terraform %q, plan %q", c.what, c.got, c.want)
		}
	}
	if len(s.Blocks["virtual_network_configuration"]) != 1 {
		t.Error("the service is in no subnet")
	}
	var pip string
	for _, ip := range readback.Find(tf, "azurerm_public_ip") {
		if ip.Name == "api_management" {
			pip = ip.Attrs["name"]
		}
	}
	if pip != x.PublicIP {
		t.Errorf("public IP: Terraform %q, plan %q", pip, x.PublicIP)
	}
	for _, v := range []string{x.Service, x.PublisherEmail} {
		if !strings.Contains(vars, fmt.Sprintf("%q", v)) {
			t.Errorf("variables.tf does not default to %s", v)
		}
	}
	backends := map[string]string{}
	for _, b := range readback.Find(tf, "azurerm_api_management_backend") {
		backends[b.Attrs["name"]] = b.Attrs["url"]
	}
	paths := map[string]string{}
	for _, a := range readback.Find(tf, "azurerm_api_management_api") {
		paths[a.Attrs["name"]] = a.Attrs["path"]
	}
	if len(backends) != len(x.APIs) || len(paths) != len(x.APIs) {
		t.Errorf("Terraform has %d backends and %d APIs, plan %d APIs", len(backends), len(paths), len(x.APIs))
	}
	for _, a := range x.APIs {
		if backends[a.Service] != a.BackendURL() || paths[a.Service] != a.Path {
			t.Errorf("API %s: Terraform backend %q path %q, plan %q %q", a.Service, backends[a.Service], paths[a.Service], a.BackendURL(), a.Path)
		}
	}
}

// checkLoadBalancers finds each backend's load balancer Service on the
// backend's address.
func checkLoadBalancers(t *testing.T, x *apimanagement.Component, backing string) {
	t.Helper()
	for _, a := range x.APIs {
		i := strings.Index(backing, "name: "+a.LoadBalancer+"\n")
		if i < 0 {
			t.Errorf("no load balancer Service %s", a.LoadBalancer)
			continue
		}
		obj := backing[:i]
		if j := strings.LastIndex(obj, "\n---"); j >= 0 {
			obj = obj[j:]
		}
		if !strings.Contains(obj, "azure-load-balancer-ipv4: \""+a.IP+"\"") || !strings.Contains(obj, "azure-load-balancer-internal-subnet: "+x.Backends.Name) {
			t.Errorf("Service %s is not on %s in %s:\n%s", a.LoadBalancer, a.IP, x.Backends.Name, obj)
		}
	}
}

// checkDocument compares production's API Management section with the
// plan and the Terraform.
func checkDocument(t *testing.T, x *apimanagement.Component, doc []byte, tf []readback.Resource) {
	t.Helper()
	kv := readback.TableUnder(t, doc, "API Management 구성")
	s := readback.Find(tf, "azurerm_api_management")[0]
	for _, c := range []struct{ what, doc, tf string }{
		{"SKU", value(t, kv, "SKU"), s.Attrs["sku_name"]},
		{"VNet type", value(t, kv, "VNet 유형"), s.Attrs["virtual_network_type"]},
		{"units", value(t, kv, "단위"), strconv.Itoa(x.Units)},
		{"subnet", value(t, kv, "서브넷"), x.Subnet.Name + " " + x.Subnet.CIDR},
		{"backends subnet", value(t, kv, "백엔드 서브넷"), x.Backends.Name + " " + x.Backends.CIDR},
	} {
		if c.doc != c.tf {
			t.Errorf("%s: document %q, Terraform/plan %q", c.what, c.doc, c.tf)
		}
	}
	if pip := value(t, kv, "Public IP"); x.PublicIP != "" && !strings.HasPrefix(pip, x.PublicIP+" ") {
		t.Errorf("public IP: document %q, plan %q", pip, x.PublicIP)
	}
	if z := value(t, kv, "가용 영역"); (z == "-") != (s.Attrs["zones"] == "") {
		t.Errorf("zones: document %q, Terraform %q", z, s.Attrs["zones"])
	}
	var apis readback.Table
	for _, tb := range readback.Tables(doc) {
		if len(tb.Head) > 0 && tb.Head[0] == "API" {
			apis = tb
		}
	}
	urls := map[string]string{}
	for _, b := range readback.Find(tf, "azurerm_api_management_backend") {
		urls[b.Attrs["name"]] = b.Attrs["url"]
	}
	if len(apis.Rows) != len(x.APIs) {
		t.Fatalf("the document lists %d APIs, the plan %d", len(apis.Rows), len(x.APIs))
	}
	for _, row := range apis.Rows {
		if got := row[apis.Col("백엔드 URL")]; got != urls[row[0]] {
			t.Errorf("API %s: document backend %q, Terraform %q", row[0], got, urls[row[0]])
		}
	}
}

func money(lo, hi float64) string {
	if lo == hi {
		return msg.USD(lo)
	}
	return msg.USDRange(lo, hi)
}

// checkCost finds the units' cost row in the document at physarch
// cost's figure, for the planned units.
func checkCost(t *testing.T, x *apimanagement.Component, doc []byte, r *cost.Report) {
	t.Helper()
	tb := readback.TableUnder(t, doc, "비용")
	var seen int
	for _, c := range r.Components {
		if !strings.HasPrefix(c.Name, "API Management") {
			continue
		}
		seen++
		if c.Quantity != float64(x.Units) {
			t.Errorf("%s: %g units priced, plan %d", c.Name, c.Quantity, x.Units)
		}
		found := false
		for _, row := range tb.Rows {
			if row[0] == c.Name {
				found = true
				if got := row[tb.Col("월 비용")]; got != money(c.MonthlyMin, c.MonthlyMax) {
					t.Errorf("%s: document %s, physarch cost %s", c.Name, got, money(c.MonthlyMin, c.MonthlyMax))
				}
			}
		}
		if !found {
			t.Errorf("the document's cost table has no row %s", c.Name)
		}
	}
	if seen != 1 {
		t.Errorf("%d API Management cost rows, want 1", seen)
	}
}

// checkSLA finds physarch sla's API Management entry in the document.
func checkSLA(t *testing.T, doc []byte, r *availability.Report) {
	t.Helper()
	var sla *availability.Component
	for i := range r.Components {
		if r.Components[i].Name == "API Management" {
			sla = &r.Components[i]
		}
	}
	if sla == nil {
		t.Fatal("physarch sla has no API Management entry")
	}
	for _, tb := range readback.Tables(doc) {
		cfg := -1
		for i, h := range tb.Head {
			if h == "구성" {
				cfg = i
			}
		}
		if tb.Col("SLA") < 0 || cfg < 0 {
			continue
		}
		for _, row := range tb.Rows {
			if row[0] != "API Management" {
				continue
			}
			want := strconv.FormatFloat(sla.Percent, 'f', -1, 64) + "%"
			if row[cfg] != readback.Ko(sla.ConfigKo, sla.Config) || row[tb.Col("SLA")] != want && !(sla.Percent == 0 && row[tb.Col("SLA")] != "") {
				t.Errorf("document: %v; physarch sla: %s %g%%", row, sla.Config, sla.Percent)
			}
			return
		}
	}
	t.Error("the document's availability table has no API Management row")
}
