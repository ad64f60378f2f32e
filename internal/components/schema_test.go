package components

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// TestSchemaFileCurrent keeps docs/physarch.schema.json (which the examples'
// yaml-language-server line points at) equal to what `physarch schema` prints.
func TestSchemaFileCurrent(t *testing.T) {
	got, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(got, &v); err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	props := v["properties"].(map[string]any)
	for _, k := range []string{"apiVersion", "services", "environments", "backing"} {
		if _, ok := props[k]; !ok {
			t.Errorf("schema lacks %s", k)
		}
	}
	if v["additionalProperties"] != false {
		t.Error("schema must reject unknown top-level keys, as the loader does")
	}
	want, err := os.ReadFile("../../docs/physarch.schema.json")
	if err != nil || !bytes.Equal(got, want) {
		t.Error("docs/physarch.schema.json is stale: run go run ./cmd/physarch schema > docs/physarch.schema.json")
	}
}
