package spec

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// decoder maps a yaml.Node tree onto the spec types strictly: an unknown key,
// a wrong type or a duplicate key is an error with its position, and decoding
// goes on so that one run reports every problem. yaml.v3's own decoder stops
// at the first unknown field and has no columns, hence this walker.
type decoder struct {
	file   string
	origin map[*yaml.Node]string // nodes a profile supplied, by profile file
	pos    map[string]Pos
	errs   Errors
	steps  int // values visited, aliases expanded
}

// Limits that keep hostile input (alias bombs, deep nesting) cheap to reject.
const (
	maxDepth = 64
	maxSteps = 200_000
)

func (d *decoder) posOf(n *yaml.Node) Pos {
	f := d.file
	if o, ok := d.origin[n]; ok {
		f = o
	}
	return Pos{File: f, Line: n.Line, Col: n.Column}
}

func (d *decoder) fail(n *yaml.Node, hint, format string, args ...any) {
	d.errs = append(d.errs, Error{Pos: d.posOf(n), Msg: fmt.Sprintf(format, args...), Hint: hint})
}

func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string, depth int) {
	d.steps++
	if d.steps == maxSteps {
		d.fail(n, "write each value out; do not multiply anchors and aliases", "the document expands to more than %d values", maxSteps)
	}
	if d.steps >= maxSteps {
		return
	}
	if depth > maxDepth {
		d.fail(n, "flatten the document", "nesting deeper than %d levels", maxDepth)
		return
	}
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			d.fail(n, "", "unresolved alias")
			return
		}
		d.decode(n.Alias, v, path, depth+1)
		return
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an explicit null leaves the zero value
	}
	d.pos[path] = d.posOf(n)
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.decode(n, v.Elem(), path, depth+1)
	case reflect.Struct:
		d.decodeStruct(n, v, path, depth)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.fail(n, "write a list with one '- item' per line", "%s must be a list, not %s", field(path), describe(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.decode(c, s.Index(i), fmt.Sprintf("%s[%d]", path, i), depth+1)
		}
		v.Set(s)
	default:
		d.decodeScalar(n, v, path)
	}
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string, depth int) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, "write 'key: value' pairs", "%s must be a mapping, not %s", field(path), describe(n))
		return
	}
	fields := yamlFields(v.Type())
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.fail(k, "", "keys must be plain names")
			continue
		}
		if seen[k.Value] {
			d.fail(k, "remove one of them", "key %q appears twice", k.Value)
			continue
		}
		seen[k.Value] = true
		idx, ok := fields[k.Value]
		if !ok {
			hint := "allowed here: " + strings.Join(fieldNames(v.Type()), ", ")
			if s := suggest(k.Value, fieldNames(v.Type())); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			d.fail(k, hint, "unknown key %q in %s", k.Value, where(path))
			continue
		}
		d.decode(val, v.Field(idx), join(path, k.Value), depth+1)
	}
}

func (d *decoder) decodeScalar(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.ScalarNode {
		d.fail(n, "", "%s must be a single value, not %s", field(path), describe(n))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(n.Value)
	case reflect.Bool:
		b, err := strconv.ParseBool(n.Value)
		if err != nil || n.Tag != "!!bool" {
			d.fail(n, "write true or false", "%s must be true or false, not %q", field(path), n.Value)
			return
		}
		v.SetBool(b)
	case reflect.Int:
		i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 10, 32)
		if err != nil || n.Tag == "!!str" {
			d.fail(n, "write a whole number such as 3", "%s must be a whole number, not %q", field(path), n.Value)
			return
		}
		v.SetInt(i)
	case reflect.Float64:
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil || n.Tag == "!!str" || math.IsNaN(f) || math.IsInf(f, 0) {
			d.fail(n, "write a number such as 99.9", "%s must be a number, not %q", field(path), n.Value)
			return
		}
		v.SetFloat(f)
	default:
		d.fail(n, "", "%s has a type physarch cannot read", field(path))
	}
}

// yamlFields maps yaml key names to struct field indexes.
func yamlFields(t reflect.Type) map[string]int {
	m := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		if name := yamlName(t.Field(i)); name != "" {
			m[name] = i
		}
	}
	return m
}

func fieldNames(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		if name := yamlName(t.Field(i)); name != "" {
			out = append(out, name)
		}
	}
	return out
}

func yamlName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "-" {
		return ""
	}
	return name
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func field(path string) string {
	if path == "" {
		return "the document"
	}
	return path
}

func where(path string) string {
	if path == "" {
		return "the top level"
	}
	return path
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("the value %q", n.Value)
	}
	return "an empty document"
}
