package components

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/physarch/physarch/internal/realtools"
)

// judged is one instance the schema must accept or refuse, as JSON (what
// an editor's YAML language server validates).
type judged struct {
	name  string
	json  []byte
	valid bool
}

// userSpecs are the specs users start from: the examples, the blocks'
// samples, the starter `physarch init` writes, and the README's 20-line
// spec.
func userSpecs(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	paths, _ := filepath.Glob("../../examples/*/physarch.yaml")
	samples, _ := filepath.Glob("../component/*/testdata/sample.yaml") // each block's sample
	paths = append(append(paths, samples...), "../cli/starter.yaml", "../testplan/testdata/workloads.yaml")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[p] = b
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "## A spec in 20 lines\n\n```yaml\n")
	body, _, closed := strings.Cut(after, "```")
	if !ok || !closed {
		t.Fatal("README has no '## A spec in 20 lines' yaml block")
	}
	out["README.md (A spec in 20 lines)"] = []byte(body)
	if len(out) < 5 {
		t.Fatalf("found %d user specs, want the examples, the starter and the README's", len(out))
	}
	return out
}

// toJSON converts YAML as an editor's language server does.
func toJSON(t testing.TB, src []byte) []byte {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatalf("YAML: %v", err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("JSON: %v", err)
	}
	return b
}

// negatives breaks each user spec the ways the schema must refuse: an
// unknown key in every object at every level, a bad name and values out
// of range. The loader must refuse each one too.
func negatives(t *testing.T, name string, src []byte) []judged {
	t.Helper()
	var root any
	if err := yaml.Unmarshal(src, &root); err != nil {
		t.Fatal(err)
	}
	var out []judged
	var paths []string
	var walk func(v any, path string)
	walk = func(v any, path string) {
		switch x := v.(type) {
		case map[string]any:
			paths = append(paths, path)
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(x[k], path+"/"+k)
			}
		case []any:
			for i, e := range x {
				walk(e, fmt.Sprintf("%s/%d", path, i))
			}
		}
	}
	walk(root, "")
	for _, p := range paths {
		doc := clone(t, root)
		node := at(doc, p).(map[string]any)
		node["bogusKey"] = 1
		out = append(out, judged{name: fmt.Sprintf("%s: unknown key at %q", name, p), json: mustJSON(t, doc)})
	}
	for _, c := range []struct {
		what, path string
		val        any
	}{
		{"bad system name", "/metadata/name", "Bad_Name"},
		{"system name with a trailing hyphen", "/metadata/name", "shop-"},
		{"bad service name", "/services/0/name", "-svc"},
		{"port out of range", "/services/0/port", 70000},
		{"port 0", "/services/0/port", 0},
		{"environment name with double hyphen", "/environments/0/name", "de--v"},
		{"region not in Azure", "/region", "marsnorth"},
	} {
		doc := clone(t, root)
		parent, key := p2(c.path)
		at(doc, parent).(map[string]any)[key] = c.val
		out = append(out, judged{name: name + ": " + c.what, json: mustJSON(t, doc)})
	}
	doc := clone(t, root)
	env := at(doc, "/environments/0").(map[string]any)
	env["targets"] = map[string]any{"availability": 100, "users": -5}
	out = append(out, judged{name: name + ": availability 100 and negative users", json: mustJSON(t, doc)})
	return out
}

func p2(path string) (parent, key string) {
	i := strings.LastIndex(path, "/")
	return path[:i], path[i+1:]
}

func at(v any, path string) any {
	for _, part := range strings.Split(strings.TrimPrefix(path, "/"), "/") {
		if part == "" {
			continue
		}
		switch x := v.(type) {
		case map[string]any:
			v = x[part]
		case []any:
			var i int
			fmt.Sscan(part, &i)
			v = x[i]
		}
	}
	return v
}

func clone(t *testing.T, v any) any {
	var out any
	if err := json.Unmarshal(mustJSON(t, v), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func mustJSON(t *testing.T, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// judgedSet is every positive and negative instance, checked to be in
// agreement with the loader: positives load, negatives do not.
func judgedSet(t *testing.T) []judged {
	var out []judged
	specs := userSpecs(t)
	names := make([]string, 0, len(specs))
	for n := range specs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		src := specs[n]
		if _, err := Load(n, src); err != nil {
			t.Fatalf("%s does not load: %v", n, err)
		}
		out = append(out, judged{name: n, json: toJSON(t, src), valid: true})
		for _, neg := range negatives(t, n, src) {
			if _, err := Load(neg.name, neg.json); err == nil {
				t.Errorf("the loader accepts what the schema must refuse: %s", neg.name)
			}
			out = append(out, neg)
		}
	}
	return out
}

func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("../../docs/physarch.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("physarch.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("physarch.schema.json")
	if err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
	return s
}

func schemaAccepts(s *jsonschema.Schema, instance []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(instance))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

// namePattern is the form of system, service and environment names.
const namePattern = `^[a-z][a-z0-9]*(-[a-z0-9]+)*$`

// TestSchemaFullPatterns: the name patterns reach the schema whole (a tag
// parser once cut them at the comma in {0,14}).
func TestSchemaFullPatterns(t *testing.T) {
	b, err := os.ReadFile("../../docs/physarch.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Defs map[string]struct {
			Properties map[string]struct{ Pattern string } `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ def, prop string }{{"Environment", "name"}, {"Metadata", "name"}, {"Service", "name"}} {
		if got := v.Defs[c.def].Properties[c.prop].Pattern; got != namePattern {
			t.Errorf("%s.%s pattern = %q, want %q", c.def, c.prop, got, namePattern)
		}
	}
}

// TestSchemaJudgedInGo validates the user specs and the negative cases
// with a Go JSON Schema validator.
func TestSchemaJudgedInGo(t *testing.T) {
	s := compileSchema(t)
	for _, j := range judgedSet(t) {
		err := schemaAccepts(s, j.json)
		if j.valid && err != nil {
			t.Errorf("schema refuses %s: %v", j.name, err)
		}
		if !j.valid && err == nil {
			t.Errorf("schema accepts %s", j.name)
		}
	}
}

// TestSchemaJudgedByAjv validates the same instances with ajv, the
// JavaScript validator whose regular expressions editors use.
func TestSchemaJudgedByAjv(t *testing.T) {
	dir := realtools.Lookup(t, "ajv", []string{"PHYSARCH_AJV_DIR"}, "")
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is not on PATH")
	}
	set := judgedSet(t)
	tmp := t.TempDir()
	var files []string
	byFile := map[string]judged{}
	for i, j := range set {
		f := filepath.Join(tmp, fmt.Sprintf("%03d.json", i))
		if err := os.WriteFile(f, j.json, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		byFile[f] = j
	}
	schema, _ := filepath.Abs("../../docs/physarch.schema.json")
	cmd := exec.Command(node, append([]string{"../../scripts/ajv-validate.cjs", schema}, files...)...)
	cmd.Env = append(os.Environ(), "PHYSARCH_AJV_DIR="+dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("ajv: %v\n%s", err, stderr.String())
	}
	seen := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var r struct {
			File   string
			Valid  bool
			Errors []string
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("ajv output %q: %v", sc.Text(), err)
		}
		j := byFile[r.File]
		seen++
		if r.Valid != j.valid {
			t.Errorf("ajv says valid=%v for %s (want %v): %v", r.Valid, j.name, j.valid, r.Errors)
		}
	}
	if seen != len(set) {
		t.Fatalf("ajv judged %d of %d instances", seen, len(set))
	}
}
