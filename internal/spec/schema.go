package spec

import (
	"encoding/json"
	"fmt"

	"github.com/invopop/jsonschema"
)

// SchemaID is the $id of physarch.yaml's JSON Schema.
const SchemaID = "https://physarch.dev/schema/v1/physarch.schema.json"

// Schema returns the JSON Schema (draft 2020-12) of spec v1, reflected from
// the Go types so that it cannot drift from what the loader accepts.
func Schema() ([]byte, error) {
	r := &jsonschema.Reflector{
		FieldNameTag:               "yaml",
		RequiredFromJSONSchemaTags: true,
		DoNotReference:             false,
		ExpandedStruct:             true,
	}
	s := r.Reflect(&Spec{})
	s.ID = SchemaID
	s.Title = "physarch spec v1"
	s.Description = "One physarch.yaml: services, backing services and environments of a system on Azure."
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding schema: %w", err)
	}
	return append(b, '\n'), nil
}
