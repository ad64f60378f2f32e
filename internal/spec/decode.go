package spec

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"regexp"
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
	// failed holds the paths whose values could not be decoded, so that
	// validation does not report a consequence of the same mistake again.
	failed map[string]bool
	rules  map[reflect.Type]Rules
	re     map[string]*regexp.Regexp
	blocks *sectionTable
}

func newDecoder(file string, blocks *sectionTable) *decoder {
	return &decoder{file: file, origin: map[*yaml.Node]string{}, pos: map[string]Pos{}, failed: map[string]bool{},
		rules: map[reflect.Type]Rules{}, re: map[string]*regexp.Regexp{}, blocks: blocks}
}

// rulesOf returns a type's field rules, asking the type once per load.
func (d *decoder) rulesOf(t reflect.Type) Rules {
	if r, ok := d.rules[t]; ok {
		return r
	}
	var r Rules
	if fr, ok := reflect.Zero(t).Interface().(fieldRuler); ok {
		r = fr.FieldRules()
	}
	d.rules[t] = r
	return r
}

// regexp compiles a rule's pattern once per load.
func (d *decoder) regexp(p string) *regexp.Regexp {
	if re, ok := d.re[p]; ok {
		return re
	}
	re := regexp.MustCompile(p)
	d.re[p] = re
	return re
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

// failAt records an error about the value at path, unless an enclosing
// value was already reported (an environment whose profile is unknown).
func (d *decoder) failAt(n *yaml.Node, path, hint, format string, args ...any) {
	for p := path; ; {
		if d.failed[p] {
			return
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	d.failed[path] = true
	d.fail(n, hint, format, args...)
}

func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string, depth int, rule *Rule) {
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
		d.decode(n.Alias, v, path, depth+1, rule)
		return
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		// An empty value is almost always a mistake ("redis:" meant
		// "redis: {}"), and editors refuse it too.
		d.failAt(n, path, "give it a value ({} for a section with defaults), or remove the key", "%s has no value", field(path))
		return
	}
	d.pos[path] = d.posOf(n)
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.decode(n, v.Elem(), path, depth+1, rule)
	case reflect.Struct:
		d.decodeStruct(n, v, path, depth)
	case reflect.Map:
		d.decodeMap(n, v, path, depth, rule)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.failAt(n, path, "write a list with one '- item' per line", "%s must be a list, not %s", field(path), describe(n))
			return
		}
		var item *Rule
		if rule != nil {
			item = rule.Items
			switch {
			case rule.MinItems > 0 && len(n.Content) < rule.MinItems:
				d.failAt(n, path, rule.Hint, "%s needs at least %d item(s)", field(path), rule.MinItems)
			case rule.MaxItems > 0 && len(n.Content) > rule.MaxItems:
				// Decoding the rest would only multiply the work.
				d.failAt(n, path, rule.Hint, "%s has %d items; at most %d are allowed", field(path), len(n.Content), rule.MaxItems)
				return
			}
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.decode(c, s.Index(i), fmt.Sprintf("%s[%d]", path, i), depth+1, item)
		}
		v.Set(s)
	default:
		d.decodeScalar(n, v, path, rule)
	}
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string, depth int) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, "write 'key: value' pairs", "%s must be a mapping, not %s", field(path), describe(n))
		return
	}
	fields := yamlFields(v.Type())
	rules := d.rulesOf(v.Type())
	inline := inlineMap(v.Type())
	if inline >= 0 {
		if r, ok := rules["*"]; ok && r.MaxItems > 0 && len(n.Content)/2 > r.MaxItems+len(fields) {
			d.failAt(n, path, fmt.Sprintf("declare at most %d besides %s", r.MaxItems, strings.Join(fieldNames(v.Type()), " and ")),
				"%s has %d keys; at most %d besides %s are allowed", field(path), len(n.Content)/2, r.MaxItems, strings.Join(fieldNames(v.Type()), ", "))
			return
		}
	}
	names := fieldNames(v.Type())
	var holder blockHolder
	if h, ok := v.Addr().Interface().(blockHolder); ok {
		holder = h
		names = append(names, d.blocks.keys(h.blockScope())...)
	}
	seen := map[string]bool{}
	suggested := map[string]bool{} // keys a misspelt key probably meant
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
		if !ok && inline >= 0 {
			// A key of the struct's own is its field; any other is an
			// entry of its inline map (nodePools.<name>).
			keyRule := rules["*"]
			d.decodeEntry(k, val, v.Field(inline), path, depth, &keyRule, nil)
			continue
		}
		if !ok && holder != nil {
			if owners := d.blocks.owners[holder.blockScope()][k.Value]; len(owners) > 0 {
				d.decodeBlock(val, holder.blocks(), owners, join(path, k.Value), depth)
				continue
			}
		}
		if !ok {
			hint := "allowed here: " + strings.Join(names, ", ")
			if s := suggest(k.Value, names); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
				// What the misspelt key leaves unset is not a second
				// mistake: do not report it as one.
				suggested[s] = true
				d.failed[join(path, s)] = true
			}
			d.fail(k, hint, "unknown key %q in %s", k.Value, where(path))
			continue
		}
		var rule *Rule
		if r, ok := rules[k.Value]; ok {
			rule = &r
		}
		d.decode(val, v.Field(idx), join(path, k.Value), depth+1, rule)
	}
	for _, name := range requiredFields(v.Type()) {
		if !seen[name] && !suggested[name] {
			d.failAt(n, join(path, name), "add "+name+" here; `physarch init` writes a complete starter spec", "missing key %q in %s", name, where(path))
		}
	}
}

// inlineMap is the index of a struct's inline map field (yaml:",inline"),
// which takes the keys that are not the struct's own fields, or -1.
func inlineMap(t reflect.Type) int {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Type.Kind() == reflect.Map && strings.Contains(f.Tag.Get("yaml"), ",inline") {
			return i
		}
	}
	return -1
}

// decodeMap decodes a mapping into a map with text keys (labels), each
// key checked by rule.Keys and each value by rule.Items.
func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, path string, depth int, rule *Rule) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind != yaml.MappingNode {
		d.failAt(n, path, "write 'key: value' pairs", "%s must be a mapping, not %s", field(path), describe(n))
		return
	}
	var keys, items *Rule
	if rule != nil {
		keys, items = rule.Keys, rule.Items
		if rule.MaxItems > 0 && len(n.Content)/2 > rule.MaxItems {
			d.failAt(n, path, rule.Hint, "%s has %d keys; at most %d are allowed", field(path), len(n.Content)/2, rule.MaxItems)
			return
		}
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind == yaml.ScalarNode && seen[k.Value] {
			d.fail(k, "remove one of them", "key %q appears twice", k.Value)
			continue
		}
		seen[k.Value] = true
		d.decodeEntry(k, n.Content[i+1], v, path, depth, keys, items)
	}
	if v.IsNil() {
		v.Set(reflect.MakeMap(v.Type()))
	}
}

// decodeEntry decodes one key and value of a mapping into a map: the key
// must be text of the key rule's form, the value its element type.
func (d *decoder) decodeEntry(k, val *yaml.Node, m reflect.Value, path string, depth int, keyRule, itemRule *Rule) {
	if k.Kind != yaml.ScalarNode || k.Tag != "!!str" {
		d.fail(k, "write the key as text", "keys must be plain names")
		return
	}
	p := join(path, k.Value)
	if keyRule != nil {
		if msg := keyRule.checkText(k.Value, d.regexp); msg != "" {
			d.failAt(k, p, keyRule.hint(k.Value), "%s %q %s", lastKey(path), k.Value, msg)
			return
		}
	}
	if m.IsNil() {
		m.Set(reflect.MakeMap(m.Type()))
	}
	elem := reflect.New(m.Type().Elem()).Elem()
	d.decode(val, elem, p, depth+1, itemRule)
	m.SetMapIndex(reflect.ValueOf(k.Value), elem)
}

// requiredFields lists the keys a type's mapping must have: those its
// JSON Schema marks required, so that loader and schema agree.
func requiredFields(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		for _, opt := range strings.Split(f.Tag.Get("jsonschema"), ",") {
			if opt == "required" {
				out = append(out, yamlName(f))
			}
		}
	}
	return out
}

func (d *decoder) decodeScalar(n *yaml.Node, v reflect.Value, path string, rule *Rule) {
	if n.Kind != yaml.ScalarNode {
		d.failAt(n, path, "", "%s must be a single value, not %s", field(path), describe(n))
		return
	}
	key := lastKey(path)
	switch v.Kind() {
	case reflect.String:
		numeric := n.Tag == "!!int" || n.Tag == "!!float"
		if n.Tag != "!!str" && !(numeric && rule != nil && rule.Number) {
			// Editors read an unquoted 16 or 1.35 as a number and refuse
			// it where text is expected; so does physarch.
			d.failAt(n, path, fmt.Sprintf("write it in quotes: %q", n.Value), "%s must be text, not %s", field(path), describeTag(n))
			return
		}
		v.SetString(n.Value)
		if rule != nil {
			if msg := rule.checkText(n.Value, d.regexp); msg != "" {
				d.failAt(n, path, rule.hint(n.Value), "%s %q %s", key, n.Value, msg)
			}
		}
	case reflect.Bool:
		b, err := strconv.ParseBool(n.Value)
		if err != nil || n.Tag != "!!bool" {
			d.failAt(n, path, "write true or false", "%s must be true or false, not %q", field(path), n.Value)
			return
		}
		v.SetBool(b)
	case reflect.Int:
		i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 10, 64)
		if err != nil && errors.Is(err, strconv.ErrRange) {
			d.failAt(n, path, ruleHint(rule, n.Value), "%s %s is out of range", key, n.Value)
			return
		}
		if err != nil || n.Tag == "!!str" {
			d.failAt(n, path, "write a whole number such as 3", "%s must be a whole number, not %q", field(path), n.Value)
			return
		}
		if rule != nil {
			if msg := rule.checkNumber(float64(i)); msg != "" {
				d.failAt(n, path, rule.hint(n.Value), "%s %d %s", key, i, msg)
				return
			}
		} else if i < math.MinInt32 || i > math.MaxInt32 {
			d.failAt(n, path, "", "%s %d is out of range", key, i)
			return
		}
		v.SetInt(i)
	case reflect.Float64:
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil || n.Tag == "!!str" || math.IsNaN(f) || math.IsInf(f, 0) {
			d.failAt(n, path, "write a number such as 99.9", "%s must be a finite number, not %q", field(path), n.Value)
			return
		}
		if rule != nil {
			if msg := rule.checkNumber(f); msg != "" {
				d.failAt(n, path, rule.hint(n.Value), "%s %s %s", key, n.Value, msg)
				return
			}
		}
		v.SetFloat(f)
	default:
		d.failAt(n, path, "", "%s has a type physarch cannot read", field(path))
	}
}

func ruleHint(r *Rule, val string) string {
	if r == nil {
		return ""
	}
	return r.hint(val)
}

// lastKey is the key a path ends in ("port" for services[2].port).
func lastKey(path string) string {
	if i := strings.LastIndex(path, "."); i >= 0 {
		return path[i+1:]
	}
	return path
}

// describeTag names what YAML read a plain value as.
func describeTag(n *yaml.Node) string {
	switch n.Tag {
	case "!!int", "!!float":
		return "the number " + n.Value
	case "!!bool":
		return "the boolean " + n.Value
	case "!!timestamp":
		return "the date " + n.Value
	}
	return fmt.Sprintf("the value %q", n.Value)
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
