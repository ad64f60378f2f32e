package k8s

import (
	"bytes"
	"encoding/json"
	"fmt"

	"sigs.k8s.io/yaml"
)

// documents writes typed objects as one multi-document YAML file.
func documents(objs ...any) ([]byte, error) {
	var buf bytes.Buffer
	for i, o := range objs {
		b, err := clean(o)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			buf.WriteString("---\n")
		}
		buf.Write(b)
	}
	return buf.Bytes(), nil
}

// clean marshals an object and drops what the typed structs always emit
// but nobody writes by hand: null fields (which in a strategic-merge patch
// would mean "delete") and the empty status.
func clean(o any) ([]byte, error) {
	j, err := json.Marshal(o)
	if err != nil {
		return nil, fmt.Errorf("marshal %T: %w", o, err)
	}
	var v any
	if err := json.Unmarshal(j, &v); err != nil {
		return nil, fmt.Errorf("re-read %T: %w", o, err)
	}
	if m, ok := v.(map[string]any); ok {
		if s, ok := m["status"].(map[string]any); ok && len(s) == 0 {
			delete(m, "status")
		}
	}
	return yaml.Marshal(dropNulls(v))
}

func dropNulls(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			if x == nil {
				delete(t, k)
				continue
			}
			t[k] = dropNulls(x)
		}
	case []any:
		for i := range t {
			t[i] = dropNulls(t[i])
		}
	}
	return v
}
