package yamlout

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// decodeAll reads every document with yaml.v3, integers as int64 as Emit
// writes them.
func decodeAll(t testing.TB, data []byte) []any {
	t.Helper()
	var out []any
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var v any
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("yaml.v3 cannot read emitted YAML: %v\n%s", err, data)
		}
		out = append(out, ints(v))
	}
}

func ints(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			t[k] = ints(x)
		}
	case []any:
		for i := range t {
			t[i] = ints(t[i])
		}
	case int:
		return int64(t)
	}
	return v
}

func TestEmitScalars(t *testing.T) {
	for _, s := range []string{"", "true", "No", "null", "~", "8080", "1.5", "0x1F", "2026-11-23", "- item", "a: b", "a:b", "#x", "x #y",
		"'q'", "\"q\"", "*ref", "&a", "!tag", "%x", "@x", "`x`", "{a}", "[a]", "a,b", "line\nline", "two\n\n", " lead", "trail ", "tab\tx",
		"한국어", "/api/users", "/**", "multi\nline\n", "array:\n  - |\n    objectName: x\n", "\u2028", "x\r\ny"} {
		roundTrip(t, s, s)
	}
}

func roundTrip(t *testing.T, key, val string) {
	t.Helper()
	v := map[string]any{"k": val, "list": []any{val, map[string]any{"inner": val}, []any{val}}, "n": int64(3), "b": true, "e": map[string]any{}, "l": []any{}}
	if key != "" {
		v[key] = val
	}
	var buf bytes.Buffer
	Emit(&buf, v)
	got := decodeAll(t, buf.Bytes())
	if len(got) != 1 || !reflect.DeepEqual(got[0], any(v)) {
		t.Fatalf("key %q value %q: read back %#v\nfrom:\n%s", key, val, got, buf.String())
	}
}

// TestDocumentsDropsNullsAndStatus: nulls would delete fields in a
// strategic-merge patch; status is the cluster's to write.
func TestDocumentsDropsNullsAndStatus(t *testing.T) {
	type obj struct {
		Kind   string            `json:"kind"`
		Spec   map[string]any    `json:"spec"`
		Status map[string]string `json:"status"`
		Ptr    *int              `json:"ptr"`
	}
	out, err := Documents(obj{Kind: "X", Spec: map[string]any{"a": nil, "b": 1}, Status: map[string]string{"x": "y"}}, obj{Kind: "Y"})
	if err != nil {
		t.Fatal(err)
	}
	want := "kind: X\nspec:\n  b: 1\n---\nkind: \"Y\"\n" // Y would read as a YAML 1.1 boolean
	if string(out) != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

// FuzzEmit writes arbitrary keys and strings and requires yaml.v3 to read
// back exactly the same values.
func FuzzEmit(f *testing.F) {
	for _, s := range []string{"plain", "true", "a: b", "x\ny\n", " lead", "0777", "é"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, key, val string) {
		if strings.ToValidUTF8(key, "\uFFFD") != key || strings.ToValidUTF8(val, "\uFFFD") != val {
			t.Skip("YAML holds Unicode text only")
		}
		roundTrip(t, key, val)
	})
}
