package cosmosdb_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/cli"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/spec"
)

// TestBadCosmosInput: each mistake in the block's part of the spec gets
// one error at the exact position of the value behind it (a marker in
// the edited text), saying what is wrong, with a hint; and `physarch
// build` writes nothing. Cases the loader refuses and cases only the plan
// can judge (RU/s from the load, storage after a year) alike.
func TestBadCosmosInput(t *testing.T) {
	cases := []struct {
		name   string
		file   string
		pairs  []string // replacements applied to the spec
		marker string   // the error's position: where this text starts in the edited spec
		want   []string // what the message and hint say
		count  int      // errors expected, when not 1
	}{
		{"RU/s below the minimum", "sample.yaml", []string{prodLine, "    cosmosDB: {capacity: provisioned, throughput: 300}\n"}, "300}",
			[]string{"throughput 300 is out of range: must be from 400 to 1,000,000", "manual throughput is 400 to 1,000,000 RU/s per container, in steps of 100"}, 0},
		{"autoscale maximum below the minimum", "sample.yaml", []string{prodLine, "    cosmosDB: {maxThroughput: 500}\n"}, "500}",
			[]string{"maxThroughput 500 is out of range: must be from 1000 to 1,000,000", "in steps of 1,000"}, 0},
		{"RU/s not in steps of 100", "sample.yaml", []string{prodLine, "    cosmosDB: {capacity: provisioned, throughput: 450}\n"}, "450}",
			[]string{"throughput 450 RU/s is not a multiple of 100", "such as 500"}, 0},
		{"autoscale maximum not in steps of 1,000", "sample.yaml", []string{prodLine, "    cosmosDB: {maxThroughput: 2500}\n"}, "2500}",
			[]string{"maxThroughput 2500 RU/s is not a multiple of 1000", "such as 3000"}, 0},
		{"unknown consistency level", "sample.yaml", []string{"consistency: Session", "consistency: Sessoin"}, "Sessoin",
			[]string{`"Sessoin" is not allowed`, `did you mean "Session"`}, 0},
		{"unknown API", "sample.yaml", []string{"api: NoSQL", "api: SQL"}, "SQL\n",
			[]string{`"SQL" is not allowed`, `did you mean "NoSQL"`}, 0},
		{"unknown capacity mode", "sample.yaml", []string{prodLine, "    cosmosDB: {capacity: serverles}\n"}, "serverles}",
			[]string{`"serverles" is not allowed`, `did you mean "serverless"`}, 0},
		{"unknown read region", "sample.yaml", []string{"readRegions: [japaneast]", "readRegions: [japaneest]"}, "japaneest",
			[]string{`"japaneest" is not allowed`, `did you mean "japaneast"`}, 0},
		{"read region is the account's own", "sample.yaml", []string{"readRegions: [japaneast]", "readRegions: [koreacentral]"}, "koreacentral]",
			[]string{`read region "koreacentral" is the account's own region`}, 0},
		{"container the spec does not declare", "sample.yaml", []string{"containers: [carts, orders]", "containers: [cart, orders]"}, "cart,",
			[]string{`service "cart-service" uses container "cart"`, `did you mean "carts"`}, 0},
		{"unknown key in uses", "sample.yaml", []string{"{containers: [products]}", "{contaners: [products]}"}, "contaners",
			[]string{`unknown key "contaners"`, `did you mean "containers"`}, 0},
		{"container declared twice, ignoring case", "sample.yaml", []string{"          - {name: orders, partitionKey: /customerId}\n", "          - {name: orders, partitionKey: /customerId}\n          - {name: Carts, partitionKey: /id}\n"}, "Carts",
			[]string{`container "Carts" is declared twice (also in database "shop")`, "unique"}, 0},
		{"service naming no container", "sample.yaml", []string{"{containers: [products]}", "{containers: []}"}, "[]}",
			[]string{"containers needs at least 1 item", "name from 1 to 50 containers"}, 0},
		{"partition key that is not a path", "sample.yaml", []string{"partitionKey: /categoryId", "partitionKey: categoryId"}, "categoryId}",
			[]string{`partitionKey "categoryId" is not in the expected form`, "/customerId"}, 0},
		{"serverless with a read region", "sample.yaml", []string{prodLine, "    cosmosDB: {capacity: serverless, readRegions: [japaneast]}\n"}, "[japaneast]}",
			[]string{"a serverless account runs in one region only", "autoscale"}, 0},
		{"throughput on serverless", "sample.yaml", []string{prodLine, "    cosmosDB: {capacity: serverless, throughput: 400}\n"}, "400}",
			[]string{"a serverless container has no RU/s setting"}, 0},
		{"Strong consistency with multi-region writes", "mongo.yaml", []string{"consistency: BoundedStaleness", "consistency: Strong"}, "true\n      backup",
			[]string{"Cosmos DB refuses Strong consistency on an account with multi-region writes", "BoundedStaleness"}, 0},
		{"multi-region writes in one region", "mongo.yaml", []string{"      readRegions: [japaneast]\n", ""}, "true\n      backup",
			[]string{"multi-region writes need a second region", "readRegions"}, 0},
		{"a pod for the API for NoSQL", "sample.yaml", []string{"    targets: {users: 50}\n", "    targets: {users: 50}\n    cosmosDB: {mode: pod}\n"}, "pod}",
			[]string{"a pod can stand in for the API for MongoDB only", "emulator"}, 0},
		{"backup retention below the 8-hour minimum", "mongo.yaml", []string{"retentionHours: 24", "retentionHours: 1"}, "1, redundancy",
			[]string{"retentionHours 1 is out of range"}, 0},
		{"periodic retention below two intervals", "mongo.yaml", []string{"intervalMinutes: 60, retentionHours: 24", "intervalMinutes: 600, retentionHours: 8"}, "8, redundancy",
			[]string{"backup retention 8 hours is less than two intervals of 600 minutes", "retentionHours: 20"}, 0},
		{"uses without the block", "sample.yaml", []string{backingText, ""}, "{containers: [products]}",
			[]string{`service "catalog-service" uses Cosmos DB but the spec declares no Cosmos DB`, "add backing.cosmosDB"}, 2},
		// Judged by the plan, from the load and the stated data.
		{"serverless container over 1 TB", "sample.yaml", []string{"storedGB: 40", "storedGB: 4000"}, "4000",
			[]string{`serverless container "products" would hold 1353 GB after a year`, "at most 1000 GB"}, 3},
		{"container over 1,000,000 RU/s", "sample.yaml", []string{"rusPerRequest: 8", "rusPerRequest: 5000"}, "{containers: [carts, orders]",
			[]string{`container "carts" needs 3250000 RU/s at peak with 30% headroom; Cosmos DB gives a container at most 1,000,000 RU/s`, "spread the data"}, 2},
		{"pinned RU/s below the storage floor", "sample.yaml", []string{"storedGB: 40", "storedGB: 2000", prodLine, "    cosmosDB: {capacity: provisioned, throughput: 400}\n"}, "400}",
			[]string{`throughput 400 RU/s is below what container "products" needs for its 687 GB`, "pin 700 or more"}, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := string(edit(t, c.file, c.pairs...))
			line, col := position(t, src, c.marker)
			doc, err := components.Load(c.file, []byte(src))
			if err == nil {
				_, err = components.Plan(doc)
			}
			var errs spec.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("want positioned errors, got %v", err)
			}
			if want := max(c.count, 1); len(errs) != want {
				t.Fatalf("want %d errors, got %d:\n%v", want, len(errs), errs)
			}
			e := errs[0]
			if e.Pos.Line != line || e.Pos.Col != col {
				t.Errorf("position %d:%d, want %d:%d (%v)", e.Pos.Line, e.Pos.Col, line, col, e)
			}
			if e.Hint == "" {
				t.Errorf("no hint: %v", e)
			}
			for _, w := range c.want {
				if !strings.Contains(e.Error(), w) {
					t.Errorf("error %q does not say %q", e.Error(), w)
				}
			}
			buildWritesNothing(t, src)
		})
	}
}

// backingText is the sample's backing section.
const backingText = `backing:
  cosmosDB:
    api: NoSQL
    consistency: Session
    databases:
      - name: shop
        containers:
          - {name: products, partitionKey: /categoryId}
          - {name: carts, partitionKey: /customerId}
          - {name: orders, partitionKey: /customerId}
    data: {storedGB: 40, growthGBPerMonth: 5, readPercent: 85}
`

// position is the 1-based line and column where marker starts.
func position(t *testing.T, src, marker string) (int, int) {
	t.Helper()
	i := strings.Index(src, marker)
	if i < 0 {
		t.Fatalf("marker %q is not in the spec", marker)
	}
	if strings.Count(src, marker) > 1 {
		t.Fatalf("marker %q is not unique", marker)
	}
	before := src[:i]
	return strings.Count(before, "\n") + 1, i - strings.LastIndex(before, "\n")
}

// buildWritesNothing runs `physarch build` on the spec: it must exit with
// the input-error code, say so, and leave the output directory empty.
func buildWritesNothing(t *testing.T, src string) {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "physarch.yaml")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	if code := cli.Execute([]string{"build", file, "-o", out}, &stdout, &stderr); code != cli.ExitInput {
		t.Fatalf("build exited %d, want %d:\n%s", code, cli.ExitInput, stderr.String())
	}
	if !strings.Contains(stderr.String(), "nothing was written") || strings.Contains(stderr.String(), "goroutine") {
		t.Errorf("build did not say nothing was written:\n%s", stderr.String())
	}
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		t.Errorf("build wrote %d entries into %s", len(entries), out)
	}
}
