package azuresql_test

import (
	"fmt"
	"github.com/physarch/physarch/internal/render/msg"
	"strconv"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/component/azuresql"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// TestOneTruth: the production document's server and database tables, the
// Terraform, the cost rows and the SLA entries state the planned server
// and databases, figure for figure.
func TestOneTruth(t *testing.T) {
	pl, files := readback.Build(t, "sample.yaml", []byte(sample(t)), md.Ko)
	e := pl.Envs[len(pl.Envs)-1]
	x, ok := plan.Find[*azuresql.Component](e)
	if !ok || !x.Managed() || len(x.Databases) != 2 {
		t.Fatalf("prod plans no managed Azure SQL with two databases: %+v", x)
	}
	doc := readback.File(t, files, "physical-architecture-"+e.Name+".md")
	server := readback.TableUnder(t, doc, "논리 서버 구성")
	for _, c := range []struct{ row, want string }{
		{"논리 서버", x.Server},
		{"SKU", x.SKU},
		{"계층", x.Tier},
		{"백업 중복", x.BackupRedundancy},
		{"백업 보존", strconv.Itoa(x.RetentionDays) + "일"},
		{"영역 중복", "1, 2, 3"},
		{"FQDN", x.FQDN},
		{"데이터 정렬", x.Collation},
	} {
		if got := value(t, server, c.row); got != c.want {
			t.Errorf("server table %s: document %q, plan %q", c.row, got, c.want)
		}
	}

	dbs := tableWith(t, doc, "소유 서비스")
	tf := readback.TerraformOf(t, files, e.Name)
	tfdb := readback.Find(tf, "azurerm_mssql_database")
	if len(dbs.Rows) != len(x.Databases) || len(tfdb) != len(x.Databases) {
		t.Fatalf("document lists %d databases, Terraform %d, the plan %d", len(dbs.Rows), len(tfdb), len(x.Databases))
	}
	for i, db := range x.Databases {
		row, r := dbs.Rows[i], tfdb[i]
		size := strconv.Itoa(db.MaxSizeGB)
		for _, c := range []struct{ what, doc, tf, plan string }{
			{"name", row[0], r.Attrs["name"], db.Name},
			{"max size", strings.TrimSuffix(row[dbs.Col("최대 크기")], " GB"), r.Attrs["max_size_gb"], size},
			{"sku", x.SKU, r.Attrs["sku_name"], x.SKU},
			{"zone redundancy", strconv.FormatBool(x.ZoneRedundant), r.Attrs["zone_redundant"], "true"},
			{"backup redundancy", value(t, server, "백업 중복"), r.Attrs["storage_account_type"], x.BackupRedundancy},
			{"collation", value(t, server, "데이터 정렬"), r.Attrs["collation"], x.Collation},
			{"retention", value(t, server, "백업 보존"), r.Blocks["short_term_retention_policy"][0].Attrs["retention_days"] + "일", strconv.Itoa(x.RetentionDays) + "일"},
		} {
			if c.doc != c.plan || c.tf != c.plan {
				t.Errorf("%s %s: document %q, Terraform %q, plan %q", db.Name, c.what, c.doc, c.tf, c.plan)
			}
		}
		if row[1] != db.Owner || row[2] != db.User {
			t.Errorf("%s owner: document %v, plan %s/%s", db.Name, row[:3], db.Owner, db.User)
		}
	}
	srv := readback.Find(tf, "azurerm_mssql_server")
	if len(srv) != 1 || srv[0].Attrs["public_network_access_enabled"] != "false" || srv[0].Attrs["connection_policy"] != "Proxy" {
		t.Errorf("Terraform server %+v: want one, public network access off, Proxy", srv)
	}
	pe := false
	for _, r := range readback.Find(tf, "azurerm_private_endpoint") {
		if c := r.Blocks["private_service_connection"]; len(c) == 1 && c[0].Attrs["subresource_names"] == "sqlServer" {
			pe = true
		}
	}
	if !pe {
		t.Error("Terraform has no private endpoint to the logical server")
	}

	prices, err := azure.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	reps, err := cost.Estimate(pl, prices)
	if err != nil {
		t.Fatal(err)
	}
	costs := tableWith(t, doc, "가격 리전")
	found := 0
	for _, c := range reps[len(reps)-1].Components {
		if !strings.HasPrefix(c.Name, "Azure SQL") {
			continue
		}
		found++
		row, ok := rowOf(costs, readback.Ko(c.NameKo, c.Name))
		if !ok {
			t.Errorf("cost row %s is not in the document", c.Name)
			continue
		}
		if want := msg.USD(c.MonthlyMin); row[2] != want {
			t.Errorf("cost %s: document %s, physarch cost %s", c.Name, row[2], want)
		}
		if row[1] != readback.Ko(c.SKUKo, c.SKU) {
			t.Errorf("cost %s sku: document %s, physarch cost %s", c.Name, row[1], c.SKU)
		}
		switch c.Name {
		case "Azure SQL storage":
			if c.Quantity != float64(x.TotalMaxSizeGB()) {
				t.Errorf("storage priced for %v GB, the databases' max sizes sum to %d", c.Quantity, x.TotalMaxSizeGB())
			}
		case "Azure SQL compute", "Azure SQL licence", "Azure SQL zone redundancy":
			if want := float64(x.Size.VCores * len(x.Databases)); c.Quantity != want {
				t.Errorf("%s priced for %v vCores, the plan runs %v", c.Name, c.Quantity, want)
			}
		case "Azure SQL backup storage":
			if c.Estimate == "" {
				t.Error("backup storage is not marked as an estimate")
			}
		}
	}
	if found != 5 {
		t.Errorf("physarch cost has %d Azure SQL rows, want compute, zone redundancy, licence, storage and backup", found)
	}

	slas := tableWith(t, doc, "출처")
	for _, a := range availability.Estimate(pl) {
		if a.Env != e.Name {
			continue
		}
		for _, c := range a.Components {
			if c.Name != "Azure SQL Database" {
				continue
			}
			row, ok := rowOf(slas, c.Name)
			if !ok {
				t.Fatal("the SLA table has no Azure SQL Database row")
			}
			if want := fmt.Sprintf("%g%%", c.Percent); row[2] != want || row[1] != x.SKU+", 영역 중복" {
				t.Errorf("SLA row %v, physarch sla %s %s", row, c.Config, want)
			}
			return
		}
	}
	t.Error("physarch sla has no Azure SQL Database entry")
}

// tableWith returns the first table whose header has a column containing
// name.
func tableWith(t *testing.T, src []byte, name string) readback.Table {
	t.Helper()
	for _, tb := range readback.Tables(src) {
		if tb.Col(name) >= 0 {
			return tb
		}
	}
	t.Fatalf("no table with a column %q", name)
	return readback.Table{}
}

// rowOf returns the row whose first cell is key.
func rowOf(tb readback.Table, key string) ([]string, bool) {
	for _, r := range tb.Rows {
		if len(r) > 0 && r[0] == key {
			return r, true
		}
	}
	return nil, false
}

func value(t *testing.T, tb readback.Table, key string) string {
	t.Helper()
	v, ok := tb.Value(key)
	if !ok {
		t.Fatalf("table under %q has no row %q", tb.Heading, key)
	}
	return v
}
