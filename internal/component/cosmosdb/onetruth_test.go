package cosmosdb_test

import (
	"fmt"
	"github.com/physarch/physarch/internal/render/msg"
	"strconv"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/component/cosmosdb"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// TestOneTruth: for every environment of both test specs, the document's
// container table and account tables, the Terraform, the cost rows and the
// SLA entry state the planned account figure for figure: RU/s (manual or
// autoscale maximum) and partition key per container, consistency, zone
// redundancy per region, what the throughput costs.
func TestOneTruth(t *testing.T) {
	prices, err := azure.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range specs {
		pl, files := readback.Build(t, name, read(t, name), md.En)
		reports, err := cost.Estimate(pl, prices)
		if err != nil {
			t.Fatal(err)
		}
		avail := availability.Estimate(pl)
		for i, e := range pl.Envs {
			t.Run(name+"/"+e.Name, func(t *testing.T) {
				c := account(t, e)
				doc := readback.File(t, files, "physical-architecture-"+e.Name+".md")
				containers(t, c, doc)
				if !c.Managed() {
					if len(readback.Find(readback.TerraformOf(t, files, e.Name), "azurerm_cosmosdb_account")) != 0 {
						t.Error("a pod environment has an account in Terraform")
					}
					return
				}
				tf := readback.TerraformOf(t, files, e.Name)
				accountAndRegions(t, c, doc, tf)
				terraformContainers(t, c, tf)
				costRows(t, c, doc, e, reports[i])
				slaEntry(t, c, doc, e, avail[i])
			})
		}
	}
}

// containers compares the container table with the plan.
func containers(t *testing.T, c *cosmosdb.Component, doc []byte) {
	t.Helper()
	tb := readback.TableUnder(t, doc, "Containers and RU/s")
	if len(tb.Rows) != len(c.Containers) {
		t.Fatalf("document lists %d containers, the plan %d", len(tb.Rows), len(c.Containers))
	}
	ru, pk, name := tb.Col("RU/s"), tb.Col("Partition key"), tb.Col("Container")
	// "Peak need RU/s" also contains "RU/s": the RU/s column is the one
	// named exactly so.
	for j, h := range tb.Head {
		if h == "RU/s" {
			ru = j
		}
	}
	for j, ct := range c.Containers {
		row := tb.Rows[j]
		want := "-"
		if c.Managed() && c.Capacity != "serverless" {
			want = strconv.Itoa(ct.RUs)
		}
		if got := strings.ReplaceAll(row[ru], ",", ""); got != want || row[name] != ct.Name || row[pk] != ct.PartitionKey {
			t.Errorf("document row %v, plan %s %s %s RU/s", row, ct.Name, ct.PartitionKey, want)
		}
	}
}

// accountAndRegions compares consistency and zone redundancy.
func accountAndRegions(t *testing.T, c *cosmosdb.Component, doc []byte, tf []readback.Resource) {
	t.Helper()
	acc := readback.Find(tf, "azurerm_cosmosdb_account")
	if len(acc) != 1 {
		t.Fatalf("Terraform has %d accounts", len(acc))
	}
	a := acc[0]
	consistency, _ := readback.TableUnder(t, doc, "Cosmos DB account").Value("Consistency")
	if level := a.Blocks["consistency_policy"][0].Attrs["consistency_level"]; !strings.HasPrefix(consistency, c.Consistency) || level != c.Consistency {
		t.Errorf("consistency: document %q, Terraform %q, plan %q", consistency, level, c.Consistency)
	}
	regions := readback.TableUnder(t, doc, "Regions")
	geo := a.Blocks["geo_location"]
	if len(regions.Rows) != len(c.Regions) || len(geo) != len(c.Regions) {
		t.Fatalf("regions: document %d, Terraform %d, plan %d", len(regions.Rows), len(geo), len(c.Regions))
	}
	zr := regions.Col("Zone redundancy")
	for j, r := range c.Regions {
		want := strconv.FormatBool(r.ZoneRedundant)
		if msg.BoolOf(regions.Rows[j][zr]) != want || geo[j].Attrs["zone_redundant"] != want || geo[j].Attrs["failover_priority"] != strconv.Itoa(r.FailoverPriority) {
			t.Errorf("region %s zone redundancy: document %s, Terraform %v, plan %s", r.Name, regions.Rows[j][zr], geo[j].Attrs, want)
		}
	}
	serverless := false
	for _, cp := range a.Blocks["capabilities"] {
		serverless = serverless || cp.Attrs["name"] == "EnableServerless"
	}
	if serverless != (c.Capacity == "serverless") || a.Attrs["multiple_write_locations_enabled"] != strconv.FormatBool(c.MultiRegionWrites) {
		t.Errorf("capacity %s, multi-region writes %v: Terraform %v", c.Capacity, c.MultiRegionWrites, a.Attrs)
	}
}

// terraformContainers compares each container's throughput and key.
func terraformContainers(t *testing.T, c *cosmosdb.Component, tf []readback.Resource) {
	t.Helper()
	typ := "azurerm_cosmosdb_sql_container"
	if c.API == "MongoDB" {
		typ = "azurerm_cosmosdb_mongo_collection"
	}
	rs := readback.Find(tf, typ)
	if len(rs) != len(c.Containers) {
		t.Fatalf("Terraform has %d %s, the plan %d containers", len(rs), typ, len(c.Containers))
	}
	for j, ct := range c.Containers {
		r := rs[j]
		ru := r.Attrs["throughput"]
		if as := r.Blocks["autoscale_settings"]; len(as) == 1 {
			ru = as[0].Attrs["max_throughput"]
		}
		want := strconv.Itoa(ct.RUs)
		if c.Capacity == "serverless" {
			want = ""
		}
		key := r.Attrs["partition_key_paths"]
		if c.API == "MongoDB" {
			key = "/" + strings.ReplaceAll(r.Attrs["shard_key"], ".", "/")
		}
		if r.Attrs["name"] != ct.Name || ru != want || key != ct.PartitionKey {
			t.Errorf("Terraform %s: %s RU/s, key %s; plan %s: %s RU/s, key %s", r.Attrs["name"], ru, key, ct.Name, want, ct.PartitionKey)
		}
	}
}

// costRows checks that the throughput row prices the planned RU/s in
// every region (or the serverless estimate), and that the document prints
// the rows physarch cost computes.
func costRows(t *testing.T, c *cosmosdb.Component, doc []byte, e *plan.Env, r *cost.Report) {
	t.Helper()
	var rows []cost.Component
	for _, comp := range r.Components {
		if strings.HasPrefix(comp.Name, "Cosmos DB") {
			rows = append(rows, comp)
		}
	}
	if len(rows) < 2 {
		t.Fatalf("cost has %d Cosmos DB rows", len(rows))
	}
	n := float64(len(c.Regions))
	units := float64(c.TotalRUs()) / 100
	th := rows[0]
	switch {
	case c.Capacity == "serverless":
		if th.Quantity != c.MonthlyMillionRU || th.Estimate == "" {
			t.Errorf("serverless row %+v, plan %.1fM RU", th, c.MonthlyMillionRU)
		}
	case c.Capacity == "autoscale" && !c.MultiRegionWrites:
		if th.QuantityAt != units*n || th.Quantity != units*n/10 {
			t.Errorf("autoscale row %v–%v units, plan %v × %v regions (floor 10%%)", th.Quantity, th.QuantityAt, units, n)
		}
	case c.MultiRegionWrites:
		if th.QuantityAt != units*n || th.UnitPrice != 0.016 {
			t.Errorf("multi-region write row %v units at %v, plan %v × %v at 0.016", th.QuantityAt, th.UnitPrice, units, n)
		}
	}
	if st := rows[1]; st.Name != "Cosmos DB storage" || st.Quantity != c.Figures.StoredGB*n || st.QuantityAt != c.Figures.PlannedGB*n {
		t.Errorf("storage row %+v, plan %v–%v GB × %v", st, c.Figures.StoredGB, c.Figures.PlannedGB, n)
	}
	heading := "Main cost items" // the development document's
	if e.IsProdLike() {
		heading = "Monthly cost"
	}
	table := readback.TableUnder(t, doc, heading)
	for _, comp := range rows {
		found := false
		for _, row := range table.Rows {
			if row[0] == comp.Name {
				found = true
				if row[1] != comp.SKU || row[2] != usd(comp.MonthlyMin, comp.MonthlyMax) {
					t.Errorf("document cost row %v, physarch cost %s %s %s", row, comp.Name, comp.SKU, usd(comp.MonthlyMin, comp.MonthlyMax))
				}
			}
		}
		if !found {
			t.Errorf("the document has no cost row %q", comp.Name)
		}
	}
}

// usd is how the documents print a monthly range.
func usd(lo, hi float64) string {
	if lo == hi {
		return msg.USD(lo)
	}
	return msg.USDRange(lo, hi)
}

// slaEntry checks the path's Cosmos DB link against the configuration's
// SLA from Microsoft's table, and the production document's row.
func slaEntry(t *testing.T, c *cosmosdb.Component, doc []byte, e *plan.Env, r *availability.Report) {
	t.Helper()
	want := 99.99
	switch {
	case len(c.Regions) > 1 && c.MultiRegionWrites:
		want = 99.999
	case c.ZoneRedundant():
		want = 99.995
	}
	var got *availability.Component
	for i := range r.Components {
		if r.Components[i].Name == "Cosmos DB" {
			got = &r.Components[i]
		}
	}
	if got == nil || got.Percent != want {
		t.Fatalf("availability has Cosmos DB %+v, want %g%%", got, want)
	}
	if !e.IsProdLike() {
		return
	}
	for _, tb := range readback.Tables(doc) {
		for _, row := range tb.Rows {
			if len(row) > 2 && row[0] == "Cosmos DB" && tb.Col("SLA") == 2 {
				if row[2] != fmt.Sprintf("%g%%", want) || row[1] != got.Config {
					t.Errorf("document SLA row %v, physarch sla %s %g%%", row, got.Config, want)
				}
				return
			}
		}
	}
	t.Error("the production document has no SLA row for Cosmos DB")
}
