package azuresql_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/component/azuresql"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// planned loads and plans a spec and returns its environments' Azure SQL
// components by name.
func planned(t *testing.T, src string) (*plan.Plan, map[string]*azuresql.Component) {
	t.Helper()
	doc, err := components.Load("sample.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*azuresql.Component{}
	for _, e := range pl.Envs {
		if x, ok := plan.Find[*azuresql.Component](e); ok {
			out[e.Name] = x
		}
	}
	return pl, out
}

// TestSizingFromStatedData: each database's max size is its data after the
// horizon with 25% headroom, rounded up to 10 GB; what the spec states is
// told from what physarch assumed, and the documents mark the defaults.
func TestSizingFromStatedData(t *testing.T) {
	_, x := planned(t, sample(t))
	prod := x["prod"]
	want := []struct {
		name                   string
		stored, growth, need   float64
		size                   int
		storedStated, grStated bool
	}{
		{"orders", 40, 5, 100, 130, true, true},  // 100 × 1.25 = 125 → 130
		{"customers", 5, 1, 17, 30, true, false}, // backing's stated 5 GB, default 1 GB a month: 21.25 → 30
	}
	for i, w := range want {
		db := prod.Databases[i]
		if db.Name != w.name || db.StoredGB != w.stored || db.GrowthGB != w.growth || db.NeedGB != w.need || db.MaxSizeGB != w.size ||
			db.StoredStated != w.storedStated || db.GrowthStated != w.grStated {
			t.Errorf("database %d: %+v, want %+v", i, db, w)
		}
	}
	if prod.Stated("horizonMonths") || !prod.Stated("readPercent") || prod.ReadPercent != 85 || prod.HorizonMonths != 12 {
		t.Errorf("read share %d (stated %v), horizon %d (stated %v)", prod.ReadPercent, prod.Stated("readPercent"), prod.HorizonMonths, prod.Stated("horizonMonths"))
	}
	_, files := readback.Build(t, "sample.yaml", []byte(sample(t)), md.En)
	dbs := tableWith(t, readback.File(t, files, "physical-architecture-prod.md"), "Owning service")
	if got := dbs.Rows[1][dbs.Col("Growth")]; got != "1 GB (default)" {
		t.Errorf("customers' assumed growth reads %q, want it marked as the default", got)
	}
	if got := dbs.Rows[1][dbs.Col("Stored")]; got != "5 GB" {
		t.Errorf("customers' stated data reads %q, want it unmarked", got)
	}
	if !strings.Contains(dbs.Head[5], "(default)") {
		t.Errorf("the assumed horizon is not marked: %q", dbs.Head[5])
	}

	_, y := planned(t, strings.Replace(sample(t), "    azureSQL: {vCores: 4}\n", "    azureSQL: {vCores: 4, maxSizeGB: 250}\n", 1))
	for _, db := range y["prod"].Databases {
		if db.MaxSizeGB != 250 {
			t.Errorf("pinned max size: %s has %d GB", db.Name, db.MaxSizeGB)
		}
	}
}

// TestZoneRedundancyFollowsTheEnvironment: the profile's zone redundancy
// is dropped, and said to be, where the environment has one zone; the
// Terraform and the cost follow the plan.
func TestZoneRedundancyFollowsTheEnvironment(t *testing.T) {
	src := strings.Replace(sample(t), "budgetUSD: 6000}", "budgetUSD: 6000, zones: 1}", 1)
	pl, x := planned(t, src)
	prod := x["prod"]
	if prod.ZoneRedundant || !prod.ZonesTooFew {
		t.Fatalf("one zone: zone-redundant %v, too few zones %v", prod.ZoneRedundant, prod.ZonesTooFew)
	}
	_, files := readback.Build(t, "sample.yaml", []byte(src), md.En)
	for _, r := range readback.Find(readback.TerraformOf(t, files, "prod"), "azurerm_mssql_database") {
		if r.Attrs["zone_redundant"] != "false" {
			t.Errorf("Terraform %s zone_redundant = %s", r.Name, r.Attrs["zone_redundant"])
		}
	}
	server := readback.TableUnder(t, readback.File(t, files, "physical-architecture-prod.md"), "Logical server")
	if v, _ := server.Value("Zone redundancy"); v != "none (the environment has one zone)" {
		t.Errorf("zone redundancy reads %q", v)
	}
	for _, c := range costOf(t, pl, "prod") {
		if strings.Contains(c.Name, "zone redundancy") {
			t.Errorf("a single-zone database is priced with %s", c.Name)
		}
	}
}

// TestDevManaged: mode managed in dev runs the cheapest serverless
// database: serverless sku, minimum and auto-pause in Terraform, no licence
// row (serverless includes it), a range of vCore-hours marked as an
// estimate, and a firewall rule for Azure services instead of a private
// endpoint.
func TestDevManaged(t *testing.T) {
	src := strings.Replace(sample(t), "    targets: {users: 50}\n", "    targets: {users: 50}\n    azureSQL: {mode: managed}\n", 1)
	pl, x := planned(t, src)
	dev := x["dev"]
	if !dev.Serverless() || dev.SKU != "GP_S_Gen5_1" || dev.Endpoint() || dev.Pod != nil {
		t.Fatalf("dev: %+v", dev)
	}
	_, files := readback.Build(t, "sample.yaml", []byte(src), md.En)
	tf := readback.TerraformOf(t, files, "dev")
	for _, r := range readback.Find(tf, "azurerm_mssql_database") {
		if r.Attrs["sku_name"] != "GP_S_Gen5_1" || r.Attrs["min_capacity"] != "0.5" || r.Attrs["auto_pause_delay_in_minutes"] != "60" || r.Attrs["license_type"] != "" {
			t.Errorf("dev database %s: %v", r.Name, r.Attrs)
		}
	}
	if fw := readback.Find(tf, "azurerm_mssql_firewall_rule"); len(fw) != 1 || fw[0].Attrs["start_ip_address"] != "0.0.0.0" {
		t.Errorf("dev firewall rules %v", fw)
	}
	if s := readback.Find(tf, "azurerm_mssql_server"); len(s) != 1 || s[0].Attrs["public_network_access_enabled"] != "true" {
		t.Errorf("dev server %v", s)
	}
	var serverless bool
	for _, c := range costOf(t, pl, "dev") {
		switch c.Name {
		case "Azure SQL licence":
			t.Error("serverless is priced with a separate licence")
		case "Azure SQL serverless compute":
			serverless = true
			if c.Quantity != 1 || c.QuantityAt != 2 || c.Estimate == "" {
				t.Errorf("serverless compute %v–%v vCore-hours an hour (estimate %q), want 2 × 0.5 to 2 × 1", c.Quantity, c.QuantityAt, c.Estimate)
			}
		}
	}
	if !serverless {
		t.Error("no serverless compute row")
	}
}

// TestNoPasswordInConfig: the containers' plain settings name the host,
// port, database and user, never a password; the password is the owner's
// own secret.
func TestNoPasswordInConfig(t *testing.T) {
	pl, files := readback.Build(t, "sample.yaml", []byte(sample(t)), md.En)
	for _, f := range files {
		if strings.HasSuffix(f.Path, "configmaps.yaml") && strings.Contains(strings.ToLower(string(f.Data)), "password") {
			t.Errorf("%s holds a password setting", f.Path)
		}
	}
	for _, e := range pl.Envs {
		w := e.Workload("order-service")
		var ok bool
		for _, s := range w.Secrets {
			if s.Env == "SQL_PASSWORD" {
				ok = s.Secret == "order-service-sql-password"
			}
		}
		if !ok {
			t.Errorf("%s: order-service reads %v, want SQL_PASSWORD from order-service-sql-password", e.Name, w.Secrets)
		}
		if w := e.Workload("catalog-service"); len(w.Secrets) != 0 {
			t.Errorf("%s: catalog-service owns no database but reads %v", e.Name, w.Secrets)
		}
	}
}

// TestFlowsAndEndpoint: an owning service, and no other, reaches the
// server on 1433; prod reaches it through a private endpoint on the same
// port.
func TestFlowsAndEndpoint(t *testing.T) {
	pl, _ := planned(t, sample(t))
	for _, e := range pl.Envs {
		var from []string
		for _, f := range e.Flows {
			if f.To == azuresql.Name {
				if f.Port != 1433 || f.Kind != "database" {
					t.Errorf("%s flow %+v", e.Name, f)
				}
				from = append(from, f.From)
			}
		}
		if strings.Join(from, ",") != "order-service,customer-service" {
			t.Errorf("%s: flows to azuresql from %v", e.Name, from)
		}
	}
	prod := pl.Envs[1]
	var pe bool
	for _, p := range prod.PrivateEndpoints {
		if p.Service == azuresql.Name {
			pe = p.DNSZone == "privatelink.database.windows.net" && len(p.Ports) == 1 && p.Ports[0] == 1433 && p.Subresource == "sqlServer"
		}
	}
	if !pe {
		t.Errorf("prod private endpoints %+v", prod.PrivateEndpoints)
	}
}

func costOf(t *testing.T, pl *plan.Plan, env string) []cost.Component {
	t.Helper()
	prices, err := azure.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	reps, err := cost.Estimate(pl, prices)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reps {
		if r.Env == env {
			return r.Components
		}
	}
	t.Fatalf("no cost report for %s", env)
	return nil
}

// TestNamesMeetTheirRules: the longest system (40 characters) and
// environment (15, with hyphens) names still give a logical server name
// within its 63 characters and database names Azure accepts, unchanged.
func TestNamesMeetTheirRules(t *testing.T) {
	long := "a" + strings.Repeat("b", 38) + "c"
	src := strings.Replace(sample(t), "  name: sqlshop\n", "  name: "+long+"\n", 1)
	src = strings.Replace(src, "  - name: prod\n", "  - name: prod-europe-one\n", 1)
	_, x := planned(t, src)
	server, _ := naming.RuleFor("Azure SQL logical server")
	database, _ := naming.RuleFor("Azure SQL database")
	prod := x["prod-europe-one"]
	if want := "sql-" + long + "-prod-europe-one"; prod.Server != want {
		t.Errorf("server %q, want %q", prod.Server, want)
	}
	if err := server.Valid(prod.Server); err != nil {
		t.Error(err)
	}
	for _, db := range prod.Databases {
		if err := database.Valid(db.Name); err != nil {
			t.Error(err)
		}
	}
	if server.Valid("sql-"+strings.Repeat("a", 60)) == nil || server.Valid("Sql-x") == nil || server.Valid("sql-x-") == nil {
		t.Error("the server rule accepts a name Azure refuses")
	}
}

// TestDeterministic: the same spec builds byte-identical files.
func TestDeterministic(t *testing.T) {
	_, a := readback.Build(t, "sample.yaml", []byte(sample(t)), md.Ko)
	_, b := readback.Build(t, "sample.yaml", []byte(sample(t)), md.Ko)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || string(a[i].Data) != string(b[i].Data) {
			t.Errorf("%s differs between two builds", a[i].Path)
		}
	}
}
