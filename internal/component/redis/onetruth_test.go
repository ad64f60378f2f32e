package redis_test

import (
	"fmt"
	"github.com/physarch/physarch/internal/render/msg"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/component/redis"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// TestOneTruthManagedRedis: the production document's cache table, its
// cost and SLA rows, the Terraform and the services' settings state the
// planned Azure Managed Redis, figure for figure: the example's default
// and the sample's Memory Optimized OSS cache.
func TestOneTruthManagedRedis(t *testing.T) {
	sample, err := os.ReadFile("testdata/sample-managed-redis.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, src string }{
		{"phonebill", example(t)},
		{"sample", string(sample)},
	} {
		t.Run(c.name, func(t *testing.T) {
			pl, files := readback.Build(t, "physarch.yaml", []byte(c.src), md.En)
			for _, e := range pl.Envs {
				r, ok := plan.Find[*redis.Component](e)
				if !ok || !r.AMR() || !e.IsProdLike() {
					continue
				}
				t.Run(e.Name, func(t *testing.T) { managedRedisTruth(t, pl, files, e, r) })
			}
		})
	}
}

func managedRedisTruth(t *testing.T, pl *plan.Plan, files []render.File, e *plan.Env, r *redis.Component) {
	doc := readback.File(t, files, "physical-architecture-"+e.Name+".md")
	table := readback.TableUnder(t, doc, "5.2.1 Cache")
	tfs := readback.Find(readback.TerraformOf(t, files, e.Name), "azurerm_managed_redis")
	if len(tfs) != 1 {
		t.Fatalf("Terraform has %d Azure Managed Redis, want 1", len(tfs))
	}
	tf := tfs[0]
	dbs := tf.Blocks["default_database"]
	if len(dbs) != 1 {
		t.Fatalf("azurerm_managed_redis has %d default_database blocks", len(dbs))
	}
	db := dbs[0]
	ha := "off (1 node, no SLA)"
	if r.HA {
		ha = "on (2 nodes)"
	}
	policy := map[string]string{redis.ClusterEnterprise: "EnterpriseCluster", redis.ClusterOSS: "OSSCluster"}[r.Clustering]
	persistence := map[string]string{"rdb": "persistence_redis_database_backup_frequency", "aof": "persistence_append_only_file_backup_frequency"}[r.Persistence]
	zones := "none"
	if len(r.Zones) > 1 {
		zones = strings.Trim(strings.ReplaceAll(fmt.Sprint(r.Zones), " ", ", "), "[]")
	}
	sku := value(t, table, "SKU")
	arm := strings.SplitN(tf.Attrs["sku_name"], "_", 2) // Balanced_B3
	if len(arm) != 2 {
		t.Fatalf("sku_name %q", tf.Attrs["sku_name"])
	}
	tfHA := map[string]string{"true": "on (2 nodes)", "false": "off (1 node, no SLA)"}[tf.Attrs["high_availability_enabled"]]
	for _, c := range []struct{ what, doc, plan, tf, tfWant string }{
		{"tier", value(t, table, "Tier"), azure.TierTitle(r.Tier), arm[0], r.Tier},
		{"size", strings.TrimSuffix(sku, " (default)"), r.SKU, arm[1], r.SKU},
		{"high availability", value(t, table, "High availability"), ha, tfHA, ha},
		{"clustering policy", strings.Fields(value(t, table, "Clustering policy"))[0], r.Clustering, db.Attrs["clustering_policy"], policy},
		{"endpoint", value(t, table, "Endpoint"), fmt.Sprintf("%s:%d (TLS)", r.Host, r.Port), "", ""},
		{"zone redundancy", value(t, table, "Zone redundancy"), zones, "", ""},
	} {
		if c.doc != c.plan || c.tf != c.tfWant {
			t.Errorf("%s: document %q, plan %q; Terraform %q, want %q", c.what, c.doc, c.plan, c.tf, c.tfWant)
		}
	}
	if (sku != r.SKU) != !r.SKUStated {
		t.Errorf("SKU %q: a size the plan chose must be marked as a default, a stated one not", sku)
	}
	if !strings.HasPrefix(value(t, table, "Memory"), strconv.Itoa(r.MemoryMiB/1024)+"Gi") {
		t.Errorf("memory %q, plan %d MiB", value(t, table, "Memory"), r.MemoryMiB)
	}
	if persistence != "" && db.Attrs[persistence] == "" || persistence == "" && (db.Attrs["persistence_redis_database_backup_frequency"] != "" || db.Attrs["persistence_append_only_file_backup_frequency"] != "") {
		t.Errorf("persistence %s: Terraform %v", r.Persistence, db.Attrs)
	}
	if word := map[string]string{"rdb": "RDB snapshots", "aof": "AOF log", "none": "disabled"}[r.Persistence]; !strings.HasPrefix(value(t, table, "Persistence"), word) {
		t.Errorf("persistence: document %q, plan %s", value(t, table, "Persistence"), r.Persistence)
	}
	if db.Attrs["access_keys_authentication_enabled"] != "true" || db.Attrs["client_protocol"] != "Encrypted" {
		t.Errorf("the services read an access key over TLS; Terraform %v", db.Attrs)
	}
	// The private endpoint reaches the cluster on its own subresource.
	for _, pe := range readback.Find(readback.TerraformOf(t, files, e.Name), "azurerm_private_endpoint") {
		if psc := pe.Blocks["private_service_connection"]; pe.Name == "redis" && (len(psc) != 1 || psc[0].Attrs["subresource_names"] != "redisEnterprise") {
			t.Errorf("Redis private endpoint %v", psc)
		}
	}
	// Every caching service's settings point at the cache.
	configmaps := string(readback.File(t, files, "overlays/"+e.Name+"/configmaps.yaml"))
	for _, want := range []string{"REDIS_HOST: " + r.Host, fmt.Sprintf("REDIS_PORT: \"%d\"", r.Port), "REDIS_SSL: \"true\""} {
		if strings.Count(configmaps, want) != caching(pl) {
			t.Errorf("%d ConfigMaps say %s, %d services cache", strings.Count(configmaps, want), want, caching(pl))
		}
	}
	// With the OSS policy each caching service may reach the node ports:
	// its NetworkPolicy and the NSG rules.
	backing := ""
	for _, f := range files {
		if strings.HasSuffix(f.Path, "overlays/"+e.Name+"/backing.yaml") {
			backing = string(f.Data)
		}
	}
	if got := strings.Count(backing, "-redis-nodes\n"); r.OSS() != (got == caching(pl)) || !r.OSS() && got != 0 {
		t.Errorf("OSS %v: %d node-port NetworkPolicies for %d caching services", r.OSS(), got, caching(pl))
	}
	if got := strings.Count(string(doc), "| AllowRedisNodes | 8500-8599 |"); r.OSS() != (got == 2) {
		t.Errorf("OSS %v: %d NSG rules for the node ports in the document", r.OSS(), got)
	}
	costAndSLA(t, pl, doc, e, "Azure Managed Redis", map[bool]float64{true: 2, false: 1}[r.HA])
}

// TestOneTruthCacheForRedis: a spec that chooses Azure Cache for Redis
// keeps it, and its document, Terraform, cost and SLA agree.
func TestOneTruthCacheForRedis(t *testing.T) {
	pl, files := readback.Build(t, "physarch.yaml", []byte(prodRedis(t, "{tier: Premium}")), md.En)
	e := pl.Envs[len(pl.Envs)-1]
	r, ok := plan.Find[*redis.Component](e)
	if !ok || !r.CacheForRedis() {
		t.Fatal("prod plans no Azure Cache for Redis")
	}
	doc := readback.File(t, files, "physical-architecture-"+e.Name+".md")
	table := readback.TableUnder(t, doc, "5.2.1 Cache")
	tfs := readback.Find(readback.TerraformOf(t, files, e.Name), "azurerm_redis_cache")
	if len(tfs) != 1 {
		t.Fatalf("Terraform has %d Azure Cache for Redis, want 1", len(tfs))
	}
	tf := tfs[0]
	for _, c := range []struct{ what, doc, tf, plan string }{
		{"tier", value(t, table, "Tier"), tf.Attrs["sku_name"], r.Tier},
		{"size", value(t, table, "SKU"), tf.Attrs["family"] + tf.Attrs["capacity"], r.SKU},
		{"zones", value(t, table, "Zone redundancy"), strings.ReplaceAll(tf.Attrs["zones"], ",", ", "), strings.Trim(strings.ReplaceAll(fmt.Sprint(r.Zones), " ", ", "), "[]")},
	} {
		if c.doc != c.plan || c.tf != c.plan {
			t.Errorf("%s: document %q, Terraform %q, plan %q", c.what, c.doc, c.tf, c.plan)
		}
	}
	if len(readback.Find(readback.TerraformOf(t, files, e.Name), "azurerm_managed_redis")) != 0 {
		t.Error("Azure Cache for Redis and Azure Managed Redis both in Terraform")
	}
	costAndSLA(t, pl, doc, e, "Azure Cache for Redis", 2)
}

// costAndSLA: `physarch cost` prices the cache at nodes × the catalog's
// node-hour price × 730, the document's cost table prints that figure,
// and the SLA table prints what `physarch sla` takes for Redis.
func costAndSLA(t *testing.T, pl *plan.Plan, doc []byte, e *plan.Env, name string, nodes float64) {
	t.Helper()
	prices, err := azure.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	reports, err := cost.Estimate(pl, prices)
	if err != nil {
		t.Fatal(err)
	}
	var row *cost.Component
	for _, rep := range reports {
		if rep.Env != e.Name {
			continue
		}
		for i := range rep.Components {
			if rep.Components[i].Name == name {
				row = &rep.Components[i]
			}
		}
	}
	if row == nil {
		t.Fatalf("physarch cost has no %s row", name)
	}
	if row.Quantity != nodes || row.MonthlyMin != round2(nodes*row.UnitPrice*cost.HoursPerMonth) {
		t.Errorf("%s: %v nodes at %v = %v a month, want %v nodes", name, row.Quantity, row.UnitPrice, row.MonthlyMin, nodes)
	}
	costTable := readback.TableUnder(t, doc, "Monthly cost")
	if got, _ := costTable.Value(name); got != row.SKU {
		t.Errorf("cost table says %q for %s, physarch cost %q", got, name, row.SKU)
	}
	if cell := cellOf(costTable, name, 2); cell != msg.USD(row.MonthlyMin) {
		t.Errorf("cost table prints %s, physarch cost %.2f", cell, row.MonthlyMin)
	}
	var sla *availability.Component
	for _, rep := range availability.Estimate(pl) {
		if rep.Env == e.Name {
			for i := range rep.Components {
				if rep.Components[i].Name == "Redis" {
					sla = &rep.Components[i]
				}
			}
		}
	}
	if sla == nil {
		t.Fatal("physarch sla has no Redis link")
	}
	want := "no SLA"
	if !sla.NoSLA {
		want = strconv.FormatFloat(sla.Percent, 'f', -1, 64) + "%"
	}
	for _, tb := range readback.Tables(doc) {
		if tb.Col("SLA") < 0 {
			continue
		}
		for _, r := range tb.Rows {
			if r[0] == "Redis" && (r[1] != sla.Config || r[tb.Col("SLA")] != want) {
				t.Errorf("SLA table %v, physarch sla %s %s", r, sla.Config, want)
			}
		}
	}
}

func cellOf(tb readback.Table, key string, col int) string {
	for _, r := range tb.Rows {
		if len(r) > col && r[0] == key {
			return r[col]
		}
	}
	return ""
}

func round2(v float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 2, 64), 64)
	return f
}

func caching(pl *plan.Plan) int {
	n := 0
	for _, sv := range pl.Services {
		if sv.Cache {
			n++
		}
	}
	return n
}

func value(t *testing.T, tb readback.Table, key string) string {
	t.Helper()
	v, ok := tb.Value(key)
	if !ok {
		t.Fatalf("table under %q has no row %q", tb.Heading, key)
	}
	return v
}
