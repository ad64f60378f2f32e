package cosmosdb_test

import (
	"math"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/component/cosmosdb"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/appenv"
	"github.com/physarch/physarch/internal/render/compose"
)

// prodOf plans a variant of a test spec and returns its last environment's
// account.
func prodOf(t *testing.T, name string, pairs ...string) (*plan.Env, *cosmosdb.Component) {
	t.Helper()
	pl := planOf(t, name, edit(t, name, pairs...))
	e := pl.Envs[len(pl.Envs)-1]
	return e, account(t, e)
}

// TestSizing: RU/s per container from the services' peak load with
// headroom, rounded to what Cosmos DB accepts, and the floors that win
// where the load is small or the data large. The sample's prod peaks are
// 3,200 RU/s (products) and 4,000 (carts, orders); headroom 30%.
func TestSizing(t *testing.T) {
	cases := []struct {
		name    string
		pairs   []string
		rus     map[string]int // container → RU/s (manual) or autoscale maximum
		floors  map[string]int
		why     string // of the carts container
		burst   int
		million float64
	}{
		{"autoscale rounds up to 1,000", nil, map[string]int{"products": 5000, "carts": 6000, "orders": 6000}, map[string]int{"products": 500, "carts": 600}, "load", 0, 0},
		{"manual rounds up to 100", []string{prodLine, "    cosmosDB: {capacity: provisioned}\n"}, map[string]int{"products": 4200, "carts": 5200, "orders": 5200}, nil, "load", 0, 0},
		{"no headroom", []string{prodLine, "    cosmosDB: {capacity: provisioned, headroomPercent: 0}\n"}, map[string]int{"products": 3200, "carts": 4000}, nil, "load", 0, 0},
		{"the minimum under a small load", []string{"users: 20000", "users: 50", prodLine, "    cosmosDB: {capacity: provisioned}\n"}, map[string]int{"products": 400, "carts": 400}, nil, "minimum", 0, 0},
		{"autoscale minimum", []string{"users: 20000", "users: 50"}, map[string]int{"products": 1000, "carts": 1000}, map[string]int{"carts": 100}, "minimum", 0, 0},
		// (30,000 GB + 12 × 5) / 3 containers = 10,020 GB: manual needs
		// 1 RU/s per GB, so 10,100.
		{"the storage floor", []string{"storedGB: 40", "storedGB: 30000", prodLine, "    cosmosDB: {capacity: provisioned}\n", "    targets: {users: 50}\n", "    targets: {users: 50}\n    cosmosDB: {capacity: provisioned}\n"}, map[string]int{"products": 10100, "carts": 10100}, nil, "storage", 0, 0},
		{"pinned", []string{prodLine, "    cosmosDB: {maxThroughput: 20000}\n"}, map[string]int{"products": 20000, "carts": 20000}, map[string]int{"carts": 2000}, "pinned", 0, 0},
		// Serverless has no RU/s; 5,000 RU/s burst up to 250 GB. Request
		// units a month: (2,000 × 1.6 + 1,000 × 8) × 30% × 730 × 3,600.
		{"serverless", []string{prodLine, "    cosmosDB: {capacity: serverless}\n"}, map[string]int{"products": 0, "carts": 0}, nil, "", 5000, math.Round(11200*0.3*730*3600/1e6*10) / 10},
		// 3,000 GB over 3 containers is 1,000 GB each: 20,000 RU/s.
		{"serverless burst grows with storage", []string{"storedGB: 40, growthGBPerMonth: 5", "storedGB: 3000, growthGBPerMonth: 0", prodLine, "    cosmosDB: {capacity: serverless}\n"}, nil, nil, "", 20000, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, x := prodOf(t, "sample.yaml", c.pairs...)
			byName := map[string]*cosmosdb.ContainerPlan{}
			for _, ct := range x.Containers {
				byName[ct.Name] = ct
			}
			for n, want := range c.rus {
				if got := byName[n].RUs; got != want {
					t.Errorf("%s: %d RU/s, want %d", n, got, want)
				}
			}
			for n, want := range c.floors {
				if got := byName[n].FloorRUs; got != want {
					t.Errorf("%s: autoscale floor %d, want %d", n, got, want)
				}
			}
			if c.why != "" && byName["carts"].Why != c.why {
				t.Errorf("carts sized by %q, want %q", byName["carts"].Why, c.why)
			}
			if c.burst != 0 && byName["carts"].Burst != c.burst {
				t.Errorf("serverless burst %d, want %d", byName["carts"].Burst, c.burst)
			}
			if c.million != 0 && x.MonthlyMillionRU != c.million {
				t.Errorf("%.1fM RU a month, want %.1fM", x.MonthlyMillionRU, c.million)
			}
		})
	}
}

// TestThroughputCost: the throughput row's quantity is RU/s ÷ 100 in
// every region (manual: 4,200 + 5,200 + 5,200 RU/s = 146 units; the
// autoscale maxima add up to 17,000), manual RU/s cost 25% more in
// zone-redundant regions, and autoscale (where Microsoft waives the
// premium) runs from its 10% floor to its maximum at the autoscale rate.
func TestThroughputCost(t *testing.T) {
	prices, err := azure.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name       string
		pairs      []string
		row        string
		lo, hi     float64
		unitPrice  float64
		skuMention string
	}{
		{"manual, two zone-redundant regions", []string{prodLine, "    cosmosDB: {capacity: provisioned, readRegions: [japaneast]}\n"}, "Cosmos DB throughput (provisioned)", 146 * 2.5, 146 * 2.5, 0.008, "× 1.25 zone-redundant in koreacentral, japaneast"},
		{"manual, no zones", []string{prodLine, "    cosmosDB: {capacity: provisioned, zoneRedundant: false, readRegions: [japaneast]}\n"}, "Cosmos DB throughput (provisioned)", 146 * 2, 146 * 2, 0.008, "× 2 regions"},
		{"autoscale", nil, "Cosmos DB throughput (autoscale)", 17 * 2, 170 * 2, 0.012, "autoscale max 17,000 RU/s"},
		{"multi-region writes", []string{prodLine, "    cosmosDB: {readRegions: [japaneast], multiRegionWrites: true}\n"}, "Cosmos DB throughput (multi-region writes)", 17 * 2, 170 * 2, 0.016, "17,000"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pl := planOf(t, "sample.yaml", edit(t, "sample.yaml", c.pairs...))
			reports, err := cost.Estimate(pl, prices)
			if err != nil {
				t.Fatal(err)
			}
			r := reports[len(reports)-1]
			for _, comp := range r.Components {
				if comp.Name != c.row {
					continue
				}
				if comp.Quantity != c.lo || comp.QuantityAt != c.hi || comp.UnitPrice != c.unitPrice || !strings.Contains(comp.SKU, c.skuMention) {
					t.Errorf("%s: %v–%v × %v (%s), want %v–%v × %v mentioning %q", c.row, comp.Quantity, comp.QuantityAt, comp.UnitPrice, comp.SKU, c.lo, c.hi, c.unitPrice, c.skuMention)
				}
				if comp.MonthlyMax != math.Round(c.hi*c.unitPrice*730*100)/100 {
					t.Errorf("monthly %v, want %v", comp.MonthlyMax, c.hi*c.unitPrice*730)
				}
				return
			}
			t.Fatalf("no cost row %q in %+v", c.row, r.Components)
		})
	}
}

// TestPodAndSettings: the API for MongoDB runs as a mongo pod in dev
// (no account, no private endpoint, the pod's port on the flows), and a
// service's container receives where the account is, its database and
// containers, and the key as a secret; compose runs the mongo container
// or says the managed account is not emulated.
func TestPodAndSettings(t *testing.T) {
	pl := planOf(t, "mongo.yaml", read(t, "mongo.yaml"))
	dev, prod := pl.Envs[0], pl.Envs[1]
	pod := account(t, dev)
	if pod.Pod == nil || pod.Pod.Image != "mongo:7.0" || pod.Port != cosmosdb.PortMongoPod || len(pod.PrivateEndpoints()) != 0 || len(pod.CostLines(dev)) != 0 {
		t.Fatalf("dev pod: %+v", pod)
	}
	managed := account(t, prod)
	if pe := managed.PrivateEndpoints(); len(pe) != 1 || pe[0].Subresource != "MongoDB" || pe[0].DNSZone != "privatelink.mongo.cosmos.azure.com" || pe[0].Ports[0] != 10255 {
		t.Errorf("prod private endpoint %+v", pe)
	}
	for _, f := range dev.Flows {
		if f.To == cosmosdb.Name && f.Port != cosmosdb.PortMongoPod {
			t.Errorf("dev flow %+v", f)
		}
	}
	vars, secrets := appenv.New(pl, prod, appenv.ClusterHosts(prod)).For(pl.Services[0])
	got := map[string]string{}
	for _, v := range vars {
		got[v.Name] = v.Value
	}
	want := map[string]string{"COSMOS_API": "MongoDB", "COSMOS_HOST": managed.Account + ".mongo.cosmos.azure.com", "COSMOS_PORT": "10255",
		"COSMOS_USERNAME": managed.Account, "COSMOS_TLS": "true", "COSMOS_DATABASE": "tickets", "COSMOS_CONTAINERS": "bookings,events"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if len(secrets) != 1 || secrets[0].Key != cosmosdb.Secret || secrets[0].Name != "COSMOS_KEY" {
		t.Errorf("secrets %+v", secrets)
	}
	part := pod.Compose(compose.Context{Plan: pl, Env: dev, Required: func(s string) string { return "${" + s + "}" }})
	if s := part.Services[cosmosdb.Name]; s == nil || s.Image != "mongo:7.0" || len(part.Notes) != 0 {
		t.Errorf("compose part for the pod: %+v", part)
	}
	sample := planOf(t, "sample.yaml", read(t, "sample.yaml"))
	nosql := account(t, sample.Envs[0])
	part = nosql.Compose(compose.Context{Plan: sample, Env: sample.Envs[0], Required: func(s string) string { return s }})
	if len(part.Services) != 0 || len(part.Notes) != 2 || !strings.Contains(part.Notes[0], "Not emulated here") || !strings.Contains(part.Notes[1], "az cosmosdb keys list --name "+nosql.Account) {
		t.Errorf("compose part for a managed account: %+v", part)
	}
	vars, _ = appenv.New(sample, sample.Envs[0], appenv.Hosts{Local: func(id string) string { return id }}).For(sample.Services[0])
	for _, v := range vars {
		if v.Name == "COSMOS_ENDPOINT" && v.Value != "https://"+nosql.Account+".documents.azure.com:443/" {
			t.Errorf("locally the managed account is still at its own address, got %s", v.Value)
		}
	}
}
