package cosmosdb_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/physarch/physarch/internal/components"
)

// TestSchemaAgrees: the JSON Schema editors use carries the block's
// field rules. It accepts the test specs, and refuses what the loader
// refuses field by field (RU/s below the minimum, an unknown consistency
// level, a partition key that is not a path, an unknown key in uses).
func TestSchemaAgrees(t *testing.T) {
	raw, err := components.Schema()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("physarch.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("physarch.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	valid := func(src []byte) error {
		var v any
		if err := yaml.Unmarshal(src, &v); err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		return s.Validate(inst)
	}
	for _, name := range specs {
		if err := valid(read(t, name)); err != nil {
			t.Errorf("the schema refuses %s: %v", name, err)
		}
	}
	for _, bad := range [][]string{
		{prodLine, "    cosmosDB: {capacity: provisioned, throughput: 300}\n"},
		{"consistency: Session", "consistency: Sessoin"},
		{"partitionKey: /categoryId", "partitionKey: categoryId"},
		{"{containers: [products]}", "{contaners: [products]}"},
	} {
		src := edit(t, "sample.yaml", bad...)
		if valid(src) == nil {
			t.Errorf("the schema accepts %q", bad[1])
		}
		if _, err := components.Load("sample.yaml", src); err == nil {
			t.Errorf("the loader accepts %q", bad[1])
		}
	}
}
