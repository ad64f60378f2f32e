package postgresql_test

import (
	"github.com/physarch/physarch/internal/render/msg"
	"strconv"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/component/postgresql"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// TestOneTruth: the production document's server table and the Terraform
// state the planned server, figure for figure.
func TestOneTruth(t *testing.T) {
	p, data, err := examples.Spec("phonebill")
	if err != nil {
		t.Fatal(err)
	}
	pl, files := readback.Build(t, p, data, md.Ko)
	e := pl.Envs[len(pl.Envs)-1]
	pg, ok := plan.Find[*postgresql.Component](e)
	if !ok || !pg.Flexible() {
		t.Fatal("prod plans no Flexible Server")
	}
	doc := readback.TableUnder(t, readback.File(t, files, "physical-architecture-"+e.Name+".md"), "데이터베이스 구성")
	tf := readback.Find(readback.TerraformOf(t, files, e.Name), "azurerm_postgresql_flexible_server")
	if len(tf) != 1+pg.ReadReplicas {
		t.Fatalf("Terraform has %d servers, the plan %d", len(tf), 1+pg.ReadReplicas)
	}
	main := tf[0]
	for _, c := range []struct{ what, doc, tf, plan string }{
		{"SKU", value(t, doc, "SKU"), main.Attrs["sku_name"], pg.SKU},
		{"storage", value(t, doc, "스토리지"), strconv.Itoa(atoi(main.Attrs["storage_mb"])/1024) + " GiB", strconv.Itoa(pg.StorageGB) + " GiB"},
		{"backup retention", value(t, doc, "백업 보존"), main.Attrs["backup_retention_days"] + "일", strconv.Itoa(pg.BackupDays) + "일"},
		{"geo-redundant backup", msg.BoolOf(value(t, doc, "지역 중복 백업")), main.Attrs["geo_redundant_backup_enabled"], strconv.FormatBool(pg.GeoBackup)},
	} {
		if c.doc != c.plan || c.tf != c.plan {
			t.Errorf("%s: document %q, Terraform %q, plan %q", c.what, c.doc, c.tf, c.plan)
		}
	}
	if ha := main.Blocks["high_availability"]; (len(ha) == 1) != (pg.HA != "none") {
		t.Errorf("high availability: Terraform %v, plan %s", ha, pg.HA)
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

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
