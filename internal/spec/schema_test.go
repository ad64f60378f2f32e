package spec

import (
	"encoding/json"
	"testing"
)

// TestCoreSchema: the core types reflect into a schema that refuses
// unknown top-level keys, as the loader does. The whole schema, with
// every block, is tested in internal/components.
func TestCoreSchema(t *testing.T) {
	got, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(got, &v); err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	if v["additionalProperties"] != false {
		t.Error("schema must reject unknown top-level keys, as the loader does")
	}
}
