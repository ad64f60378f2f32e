package cosmosdb_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/physarch/physarch/internal/component/cosmosdb"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
)

// specs are the test specs: the sample (API for NoSQL, serverless dev,
// autoscale zone-redundant prod with a read region) and the API for
// MongoDB (a pod in dev, provisioned multi-region writes in prod).
var specs = []string{"sample.yaml", "mongo.yaml"}

// read returns a test spec's text.
func read(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// planOf loads and plans a spec given as text.
func planOf(t testing.TB, file string, data []byte) *plan.Plan {
	t.Helper()
	doc, err := components.Load(file, data)
	if err != nil {
		t.Fatalf("%s does not load: %v", file, err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatalf("%s does not plan: %v", file, err)
	}
	return pl
}

// account returns an environment's planned account.
func account(t testing.TB, e *plan.Env) *cosmosdb.Component {
	t.Helper()
	c, ok := plan.Find[*cosmosdb.Component](e)
	if !ok {
		t.Fatalf("%s plans no Cosmos DB", e.Name)
	}
	return c
}
