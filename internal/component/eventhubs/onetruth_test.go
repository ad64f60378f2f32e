package eventhubs_test

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
	"github.com/physarch/physarch/internal/component/eventhubs"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// TestOneTruth: every environment's messaging chapter, Terraform, cost
// rows, SLA entry and diagrams state the planned namespace, figure for
// figure.
func TestOneTruth(t *testing.T) {
	pl, files := readback.Build(t, "sample.yaml", []byte(sample(t)), md.Ko)
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
			eh, ok := plan.Find[*eventhubs.Component](e)
			if !ok {
				t.Fatal("no namespace planned")
			}
			doc := readback.File(t, files, "physical-architecture-"+e.Name+".md")
			tf := readback.TerraformOf(t, files, e.Name)
			checkNamespace(t, eh, doc, tf, string(readback.File(t, files, "terraform/"+e.Name+"/variables.tf")))
			checkHubs(t, eh, doc, tf)
			checkCost(t, eh, doc, costs[i])
			checkSLA(t, doc, avail[i])
			for _, mmd := range []string{"physical-architecture-" + e.Name + ".mmd", "network-" + e.Name + ".mmd"} {
				label := fmt.Sprintf("Event Hubs %s %d TU", eh.Tier, eh.Units)
				if eh.AutoInflate {
					label += fmt.Sprintf(" (auto-inflate %d)", eh.MaxUnits)
				}
				if !strings.Contains(string(readback.File(t, files, mmd)), label) {
					t.Errorf("%s does not show %q", mmd, label)
				}
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

func checkNamespace(t *testing.T, eh *eventhubs.Component, doc []byte, tf []readback.Resource, vars string) {
	t.Helper()
	kv := readback.TableUnder(t, doc, "Event Hubs "+eh.Tier+" 구성")
	ns := readback.Find(tf, "azurerm_eventhub_namespace")
	if len(ns) != 1 {
		t.Fatalf("Terraform has %d namespaces", len(ns))
	}
	main := ns[0]
	units := value(t, kv, "처리량 단위 (TU)")
	if !strings.HasPrefix(units, strconv.Itoa(eh.Units)) {
		t.Errorf("document says %s TU, plan %d", units, eh.Units)
	}
	inflate := "false"
	if eh.AutoInflate {
		inflate = "true"
		if main.Attrs["maximum_throughput_units"] != strconv.Itoa(eh.MaxUnits) || value(t, kv, "자동 스케일링 (auto-inflate)") != fmt.Sprintf("최대 %d TU", eh.MaxUnits) {
			t.Errorf("auto-inflate ceiling: document %q, Terraform %q, plan %d", value(t, kv, "자동 스케일링 (auto-inflate)"), main.Attrs["maximum_throughput_units"], eh.MaxUnits)
		}
	}
	if got := main.Attrs["auto_inflate_enabled"]; got != inflate && !(got == "" && inflate == "false") {
		t.Errorf("auto_inflate_enabled %q, plan %v", got, eh.AutoInflate)
	}
	for _, c := range []struct{ what, doc, tf, plan string }{
		{"tier", value(t, kv, "계층"), main.Attrs["sku"], eh.Tier},
		{"units", strconv.Itoa(eh.Units), main.Attrs["capacity"], strconv.Itoa(eh.Units)},
		{"namespace", value(t, kv, "Namespace"), eh.Namespace, eh.Namespace},
		{"minimum TLS", value(t, kv, "최소 TLS"), main.Attrs["minimum_tls_version"], "1.2"},
	} {
		if c.doc != c.plan || c.tf != c.plan {
			t.Errorf("%s: document %q, Terraform %q, plan %q", c.what, c.doc, c.tf, c.plan)
		}
	}
	if !strings.Contains(vars, fmt.Sprintf("%q", eh.Namespace)) {
		t.Errorf("variables.tf does not default the namespace name to %s", eh.Namespace)
	}
	private := msg.BoolOf(value(t, kv, "프라이빗 엔드포인트")) == "true"
	closed := main.Attrs["public_network_access_enabled"] == "false"
	if private != closed || (value(t, kv, "공용 네트워크 접근") == "차단") != closed {
		t.Errorf("private endpoint %v, public access closed in Terraform %v, document %q", private, closed, value(t, kv, "공용 네트워크 접근"))
	}
	pe := readback.Find(tf, "azurerm_private_endpoint")
	var linked bool
	for _, p := range pe {
		if strings.HasPrefix(p.Attrs["name"], "pe-eventhubs-") {
			linked = true
			if sub := p.Blocks["private_service_connection"]; len(sub) != 1 || sub[0].Attrs["subresource_names"] != "namespace" {
				t.Errorf("private endpoint %+v", p)
			}
		}
	}
	if linked != private {
		t.Errorf("document says private endpoint %v, Terraform has one: %v", private, linked)
	}
}

func checkHubs(t *testing.T, eh *eventhubs.Component, doc []byte, tf []readback.Resource) {
	t.Helper()
	tb := readback.TableUnder(t, doc, "이벤트 허브")
	hubs := map[string]readback.Resource{}
	for _, r := range readback.Find(tf, "azurerm_eventhub") {
		hubs[r.Attrs["name"]] = r
	}
	if len(tb.Rows) != len(eh.Hubs) || len(hubs) != len(eh.Hubs) {
		t.Fatalf("document lists %d hubs, Terraform %d, plan %d", len(tb.Rows), len(hubs), len(eh.Hubs))
	}
	var docGroups, planGroups []string
	for i, h := range eh.Hubs {
		row := tb.Rows[i]
		r, ok := hubs[h.Name]
		if !ok || row[0] != h.Name {
			t.Fatalf("hub %s: document row %v, in Terraform %v", h.Name, row, ok)
		}
		ret := r.Blocks["retention_description"]
		if len(ret) != 1 {
			t.Fatalf("hub %s has no retention_description", h.Name)
		}
		for _, c := range []struct{ what, doc, tf, plan string }{
			{"partitions", row[tb.Col("파티션")], r.Attrs["partition_count"], strconv.Itoa(h.Partitions)},
			{"retention", strings.TrimSuffix(row[tb.Col("보존")], " (기본값)"), ret[0].Attrs["retention_time_in_hours"] + " h", fmt.Sprintf("%d h", h.RetentionHours)},
			{"producers", row[tb.Col("생산자")], row[tb.Col("생산자")], strings.Join(h.Producers, ", ")},
			{"consumers", row[tb.Col("소비자")], row[tb.Col("소비자")], strings.Join(h.Consumers, ", ")},
		} {
			if c.doc != c.plan || c.tf != c.plan {
				t.Errorf("hub %s %s: document %q, Terraform %q, plan %q", h.Name, c.what, c.doc, c.tf, c.plan)
			}
		}
		if stated := !strings.HasSuffix(row[tb.Col("보존")], "(기본값)"); stated != h.RetentionStated {
			t.Errorf("hub %s: retention marked stated %v, plan %v", h.Name, stated, h.RetentionStated)
		}
		for _, g := range strings.Split(strings.TrimSuffix(row[tb.Col("소비자 그룹")], " (기본값)"), ", ") {
			docGroups = append(docGroups, h.Name+"/"+g)
		}
		for _, g := range h.ConsumerGroups {
			planGroups = append(planGroups, h.Name+"/"+g)
		}
	}
	var tfGroups []string
	for _, g := range readback.Find(tf, "azurerm_eventhub_consumer_group") {
		// The eventhub_name is a reference; the resource's label starts
		// with the hub's.
		for _, h := range eh.Hubs {
			if strings.HasPrefix(g.Name, strings.ReplaceAll(h.Name, "-", "_")+"_") {
				tfGroups = append(tfGroups, h.Name+"/"+g.Attrs["name"])
			}
		}
	}
	sort.Strings(docGroups)
	sort.Strings(planGroups)
	sort.Strings(tfGroups)
	if strings.Join(docGroups, " ") != strings.Join(planGroups, " ") || strings.Join(tfGroups, " ") != strings.Join(planGroups, " ") {
		t.Errorf("consumer groups: document %v, Terraform %v, plan %v", docGroups, tfGroups, planGroups)
	}
}

// money prints a cost range as the documents do.
func money(lo, hi float64) string {
	if lo == hi {
		return msg.USD(lo)
	}
	return msg.USDRange(lo, hi)
}

func checkCost(t *testing.T, eh *eventhubs.Component, doc []byte, r *cost.Report) {
	t.Helper()
	tb := readback.TableUnder(t, doc, "비용")
	rows := map[string][]string{}
	for _, row := range tb.Rows {
		rows[row[0]] = row
	}
	units := "Event Hubs " + eh.Tier + " throughput units"
	var seen int
	for _, c := range r.Components {
		if !strings.HasPrefix(c.Name, "Event Hubs") {
			continue
		}
		seen++
		row, ok := rows[readback.Ko(c.NameKo, c.Name)]
		if !ok {
			t.Errorf("the document's cost table has no row %s", c.Name)
			continue
		}
		if got := row[tb.Col("월 비용")]; got != money(c.MonthlyMin, c.MonthlyMax) {
			t.Errorf("%s: document %s, physarch cost %s", c.Name, got, money(c.MonthlyMin, c.MonthlyMax))
		}
		if c.Name == units && (c.Quantity != float64(eh.Units) || c.QuantityAt != float64(eh.CapacityUnits())) {
			t.Errorf("%s: %g–%g TU priced, plan %d–%d", c.Name, c.Quantity, c.QuantityAt, eh.Units, eh.CapacityUnits())
		}
		if strings.HasSuffix(c.Name, "ingress events") && c.Estimate == "" {
			t.Errorf("%s is an estimate without its rule", c.Name)
		}
	}
	if seen != 2 {
		t.Errorf("%d Event Hubs cost rows, want throughput units and ingress events", seen)
	}
}

func checkSLA(t *testing.T, doc []byte, r *availability.Report) {
	t.Helper()
	var sla *availability.Component
	for i := range r.Components {
		if r.Components[i].Name == "Event Hubs" {
			sla = &r.Components[i]
		}
	}
	if sla == nil {
		t.Fatal("physarch sla has no Event Hubs entry")
	}
	for _, tb := range readback.Tables(doc) {
		cfg := exactCol(tb, "구성")
		if tb.Col("SLA") < 0 || cfg < 0 {
			continue
		}
		for _, row := range tb.Rows {
			if row[0] != "Event Hubs" {
				continue
			}
			if row[cfg] != readback.Ko(sla.ConfigKo, sla.Config) || row[tb.Col("SLA")] != strconv.FormatFloat(sla.Percent, 'f', -1, 64)+"%" {
				t.Errorf("document: %v; physarch sla: %s %g%%", row, sla.Config, sla.Percent)
			}
			return
		}
	}
	t.Error("the document's availability table has no Event Hubs row")
}

// exactCol is the index of the column headed exactly name, or -1.
func exactCol(tb readback.Table, name string) int {
	for i, h := range tb.Head {
		if h == name {
			return i
		}
	}
	return -1
}
