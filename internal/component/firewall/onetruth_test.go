package firewall_test

import (
	"fmt"
	"github.com/physarch/physarch/internal/render/msg"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/component/firewall"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// TestOneTruth: production's Azure Firewall section, the Terraform (the
// firewall, its rules, the route and the cluster's outbound type), the
// cost rows and the SLA entry state the planned firewall; development,
// which runs none, has none of it.
func TestOneTruth(t *testing.T) {
	pl, files := readback.Build(t, "sample.yaml", []byte(read(t, "sample.yaml")), md.Ko)
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
			tf := readback.TerraformOf(t, files, e.Name)
			x, ok := plan.Find[*firewall.Component](e)
			if ok != e.IsProdLike() {
				t.Fatalf("firewall planned: %v", ok)
			}
			if !ok {
				if n := len(readback.Find(tf, "azurerm_firewall")) + len(readback.Find(tf, "azurerm_route_table")); n != 0 {
					t.Errorf("development's Terraform has %d firewall resources", n)
				}
				if ob := outboundType(t, tf); ob != "" {
					t.Errorf("development's cluster has outbound type %q", ob)
				}
				return
			}
			doc := readback.File(t, files, "physical-architecture-"+e.Name+".md")
			checkFirewall(t, x, doc, tf)
			checkRules(t, x, doc, tf)
			checkCost(t, x, doc, costs[i])
			checkSLA(t, doc, avail[i])
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

// outboundType is the cluster's network_profile outbound_type.
func outboundType(t *testing.T, tf []readback.Resource) string {
	t.Helper()
	aks := readback.Find(tf, "azurerm_kubernetes_cluster")
	if len(aks) != 1 || len(aks[0].Blocks["network_profile"]) != 1 {
		t.Fatal("no cluster with a network profile")
	}
	return aks[0].Blocks["network_profile"][0].Attrs["outbound_type"]
}

func checkFirewall(t *testing.T, x *firewall.Component, doc []byte, tf []readback.Resource) {
	t.Helper()
	kv := readback.TableUnder(t, doc, "Azure Firewall (egress)")
	fws := readback.Find(tf, "azurerm_firewall")
	if len(fws) != 1 {
		t.Fatalf("Terraform has %d firewalls", len(fws))
	}
	fw := fws[0]
	var zs []string
	for _, z := range x.Zones {
		zs = append(zs, strconv.Itoa(z))
	}
	for _, c := range []struct{ what, doc, tf string }{
		{"SKU", value(t, kv, "SKU"), fw.Attrs["sku_name"] + " " + fw.Attrs["sku_tier"]},
		{"zones", strings.ReplaceAll(value(t, kv, "가용 영역"), " ", ""), strings.Join(zs, ",")},
		{"outbound type", value(t, kv, "AKS 아웃바운드 유형"), outboundType(t, tf)},
	} {
		if c.doc != c.tf {
			t.Errorf("%s: document %q, Terraform %q", c.what, c.doc, c.tf)
		}
	}
	var sub *readback.Resource
	for _, s := range readback.Find(tf, "azurerm_subnet") {
		if s.Attrs["name"] == "AzureFirewallSubnet" {
			sub = &s
		}
	}
	if sub == nil || value(t, kv, "서브넷") != "AzureFirewallSubnet "+sub.Attrs["address_prefixes"] {
		t.Errorf("subnet: document %q, Terraform %+v", value(t, kv, "서브넷"), sub)
	}
	for _, n := range readback.Find(tf, "azurerm_network_security_group") {
		if strings.Contains(n.Attrs["name"], "AzureFirewallSubnet") {
			t.Errorf("Terraform gives AzureFirewallSubnet an NSG (%s); Azure refuses it", n.Attrs["name"])
		}
	}
	rts := readback.Find(tf, "azurerm_route_table")
	if len(rts) != 1 || len(rts[0].Blocks["route"]) != 1 {
		t.Fatalf("Terraform has %d route tables", len(rts))
	}
	r := rts[0].Blocks["route"][0]
	want := fmt.Sprintf("%s: %s → %s %s (snet-aks)", x.RouteTable, r.Attrs["address_prefix"], r.Attrs["next_hop_type"], x.PrivateIP)
	if got := value(t, kv, "경로 테이블"); got != want {
		t.Errorf("route: document %q, Terraform %q", got, want)
	}
	if len(readback.Find(tf, "azurerm_subnet_route_table_association")) != 1 {
		t.Error("the route table is associated with no subnet")
	}
	if got := value(t, kv, "처리 데이터 (월)"); got != fmt.Sprintf("%d GB", x.EgressGB) {
		t.Errorf("data processed: document %q, plan %d GB", got, x.EgressGB)
	}
}

// checkRules compares the document's rule table with the Terraform rule
// collection group, rule by rule.
func checkRules(t *testing.T, x *firewall.Component, doc []byte, tf []readback.Resource) {
	t.Helper()
	gs := readback.Find(tf, "azurerm_firewall_policy_rule_collection_group")
	if len(gs) != 1 {
		t.Fatalf("Terraform has %d rule collection groups", len(gs))
	}
	tfRules := map[string]string{}
	for _, kind := range []string{"network_rule_collection", "application_rule_collection"} {
		for _, coll := range gs[0].Blocks[kind] {
			for _, r := range coll.Blocks["rule"] {
				var dst []string
				for _, k := range []string{"destination_addresses", "destination_fqdns", "destination_fqdn_tags"} {
					if v := r.Attrs[k]; v != "" {
						dst = append(dst, strings.Split(v, ",")...)
					}
				}
				protos := r.Attrs["protocols"]
				if kind == "application_rule_collection" {
					var ps []string
					for _, p := range r.Blocks["protocols"] {
						ps = append(ps, p.Attrs["type"]+":"+p.Attrs["port"])
					}
					protos = strings.Join(ps, ",")
				}
				tfRules[coll.Attrs["name"]+"/"+r.Attrs["name"]] = protos + " " + strings.Join(dst, ", ")
			}
		}
	}
	var rows readback.Table
	for _, tb := range readback.Tables(doc) {
		if len(tb.Head) > 1 && tb.Head[0] == "컬렉션" {
			rows = tb
		}
	}
	if len(rows.Rows) != len(x.Rules) || len(tfRules) != len(x.Rules) {
		t.Fatalf("document %d rules, Terraform %d, plan %d", len(rows.Rows), len(tfRules), len(x.Rules))
	}
	for _, row := range rows.Rows {
		key := row[0] + "/" + row[1]
		got := row[2] + " " + row[3]
		if tfRules[key] != got {
			t.Errorf("rule %s: document %q, Terraform %q", key, got, tfRules[key])
		}
	}
	var tags []string
	for _, r := range x.Rules {
		tags = append(tags, r.FQDNTags...)
	}
	sort.Strings(tags)
	if strings.Join(tags, ",") != "AzureKubernetesService" {
		t.Errorf("FQDN tags %v, want AKS's", tags)
	}
}

func money(lo, hi float64) string {
	if lo == hi {
		return msg.USD(lo)
	}
	return msg.USDRange(lo, hi)
}

func checkCost(t *testing.T, x *firewall.Component, doc []byte, r *cost.Report) {
	t.Helper()
	tb := readback.TableUnder(t, doc, "비용")
	var seen int
	for _, c := range r.Components {
		if !strings.HasPrefix(c.Name, "Azure Firewall") {
			continue
		}
		seen++
		if strings.HasSuffix(c.Name, "data processed") && (c.Quantity != float64(x.EgressGB) || c.Estimate == "") {
			t.Errorf("%s: %g GB priced (estimate %q), plan %d", c.Name, c.Quantity, c.Estimate, x.EgressGB)
		}
		found := false
		for _, row := range tb.Rows {
			if row[0] == readback.Ko(c.NameKo, c.Name) {
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
	if seen != 2 {
		t.Errorf("%d Azure Firewall cost rows, want deployment and data processed", seen)
	}
}

func checkSLA(t *testing.T, doc []byte, r *availability.Report) {
	t.Helper()
	var sla *availability.Component
	for i := range r.Components {
		if r.Components[i].Name == "Azure Firewall" {
			sla = &r.Components[i]
		}
	}
	if sla == nil {
		t.Fatal("physarch sla has no Azure Firewall entry (the service calling the external system passes it)")
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
			if row[0] == "Azure Firewall" {
				if row[cfg] != readback.Ko(sla.ConfigKo, sla.Config) || row[tb.Col("SLA")] != strconv.FormatFloat(sla.Percent, 'f', -1, 64)+"%" {
					t.Errorf("document: %v; physarch sla: %s %g%%", row, sla.Config, sla.Percent)
				}
				return
			}
		}
	}
	t.Error("the document's availability table has no Azure Firewall row")
}
