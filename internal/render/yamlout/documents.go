package yamlout

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
)

// Documents writes objects as one multi-document YAML file.
func Documents(objs ...any) ([]byte, error) {
	var buf bytes.Buffer
	for i, o := range objs {
		v, err := Clean(o)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			buf.WriteString("---\n")
		}
		m, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%T is not an object", o)
		}
		emitValue(&buf, m, 0, true)
	}
	return buf.Bytes(), nil
}

// Clean turns a typed object into the generic value its JSON form has
// (the API machinery's field names and omitempty rules) and drops what the
// typed structs always emit but nobody writes by hand: null fields (which
// in a strategic-merge patch would mean "delete") and status.
func Clean(o any) (any, error) {
	j, err := json.Marshal(o)
	if err != nil {
		return nil, fmt.Errorf("marshal %T: %w", o, err)
	}
	var v any
	if err := json.Unmarshal(j, &v); err != nil {
		return nil, fmt.Errorf("re-read %T: %w", o, err)
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%T is not an object", o)
	}
	delete(m, "status") // the cluster's to write, never the manifest's
	return normalise(m), nil
}

// normalise drops nulls and turns JSON numbers into Go integers or floats,
// which YAML writes as plain numbers.
func normalise(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			if x == nil {
				delete(t, k)
				continue
			}
			t[k] = normalise(x)
		}
	case []any:
		for i := range t {
			t[i] = normalise(t[i])
		}
	case float64:
		// JSON numbers arrive as float64; Kubernetes' are integers, kept
		// exact below 2^53.
		if t == math.Trunc(t) && math.Abs(t) < 1<<53 {
			return int64(t)
		}
	}
	return v
}
