package spec

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/invopop/jsonschema"
)

// SchemaID is the $id of physarch.yaml's JSON Schema.
const SchemaID = "https://physarch.dev/schema/v1/physarch.schema.json"

// Schema returns the JSON Schema of the core types only.
func Schema() ([]byte, error) { return Loader{}.Schema() }

// Schema returns the JSON Schema (draft 2020-12) of spec v1 with the
// building blocks' sections, reflected from the Go types, with every field
// rule (FieldRules) written into it: the loader and the schema read the
// same rules, so they cannot drift apart.
func (l Loader) Schema() ([]byte, error) {
	blocks, err := newSectionTable(l.Sections)
	if err != nil {
		return nil, err
	}
	r := &jsonschema.Reflector{
		FieldNameTag:               "yaml",
		RequiredFromJSONSchemaTags: true,
		DoNotReference:             false,
		ExpandedStruct:             true,
		// Blocks' types live in their own packages and share names such
		// as Settings: a definition is named by package and type.
		Namer: defName,
		AdditionalFields: func(t reflect.Type) []reflect.StructField {
			h, ok := reflect.New(t).Interface().(blockHolder)
			if !ok {
				return nil
			}
			return blocks.fields(h.blockScope())
		},
	}
	s := r.Reflect(&Spec{})
	s.ID = SchemaID
	s.Title = "physarch spec v1"
	s.Description = "One physarch.yaml: services, backing services and environments of a system on Azure."
	if err := applyRules(r, s, reflect.TypeFor[Spec](), s, map[reflect.Type]bool{}, blocks); err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding schema: %w", err)
	}
	return append(b, '\n'), nil
}

// applyRules writes t's field rules into its schema node, then does the
// same for every struct type its fields hold.
func applyRules(r *jsonschema.Reflector, root *jsonschema.Schema, t reflect.Type, node *jsonschema.Schema, done map[reflect.Type]bool, blocks *sectionTable) error {
	if done[t] {
		return nil
	}
	done[t] = true
	if h, ok := reflect.New(t).Interface().(blockHolder); ok {
		sc := h.blockScope()
		for _, key := range blocks.keys(sc) {
			prop, ok := node.Properties.Get(key)
			if !ok {
				return fmt.Errorf("schema of %s lacks block key %s", t.Name(), key)
			}
			if prop.Ref != "" {
				prop = definitionNamed(root, prop.Ref)
			}
			for _, o := range blocks.owners[sc][key] {
				// Each owner writes its rules into the property's schema;
				// owners of a shared key find their own fields there.
				delete(done, o.typ)
				if err := applyRules(r, root, o.typ, prop, done, blocks); err != nil {
					return err
				}
			}
		}
	}
	if node.Properties == nil {
		return fmt.Errorf("schema of %s has no properties", t.Name())
	}
	var rules Rules
	if fr, ok := reflect.Zero(t).Interface().(fieldRuler); ok {
		rules = fr.FieldRules()
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name := yamlName(f)
		if name == "" {
			continue
		}
		prop, ok := node.Properties.Get(name)
		if !ok {
			return fmt.Errorf("schema of %s lacks %s", t.Name(), name)
		}
		if rule, ok := rules[name]; ok {
			if err := setRule(prop, rule, f.Type); err != nil {
				return fmt.Errorf("%s.%s: %w", t.Name(), name, err)
			}
		}
		ft := f.Type
		for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
			ft = ft.Elem()
		}
		if ft.Kind() != reflect.Struct {
			continue
		}
		if err := applyRules(r, root, ft, definition(root, ft), done, blocks); err != nil {
			return err
		}
	}
	if i := inlineMap(t); i >= 0 {
		return inlineRules(r, root, t.Field(i).Type.Elem(), node, rules["*"], done, blocks)
	}
	return nil
}

// inlineRules gives a struct with an inline map (nodePools) the schema
// of its other keys: additionalProperties of the map's element type
// (reflected into $defs like the others), propertyNames from the key
// rule, and at most that many keys besides the struct's own.
func inlineRules(r *jsonschema.Reflector, root *jsonschema.Schema, elem reflect.Type, node *jsonschema.Schema, keys Rule, done map[reflect.Type]bool, blocks *sectionTable) error {
	name := defName(elem)
	if _, ok := root.Definitions[name]; !ok {
		sub := r.ReflectFromType(elem)
		for k, d := range sub.Definitions {
			if _, dup := root.Definitions[k]; !dup {
				root.Definitions[k] = d
			}
		}
		sub.Version, sub.ID, sub.Definitions = "", "", nil
		root.Definitions[name] = sub
	}
	node.AdditionalProperties = &jsonschema.Schema{Ref: "#/$defs/" + name}
	node.PropertyNames = &jsonschema.Schema{Pattern: keys.Pattern}
	if keys.MaxLen > 0 {
		node.PropertyNames.MaxLength = ptr(uint64(keys.MaxLen))
	}
	if keys.MaxItems > 0 && node.Properties != nil {
		node.MaxProperties = ptr(uint64(keys.MaxItems + node.Properties.Len()))
	}
	return applyRules(r, root, elem, root.Definitions[name], done, blocks)
}

// definition is the $defs entry the reflector made for a struct type.
func definition(root *jsonschema.Schema, t reflect.Type) *jsonschema.Schema {
	if d, ok := root.Definitions[defName(t)]; ok {
		return d
	}
	return &jsonschema.Schema{}
}

func definitionNamed(root *jsonschema.Schema, ref string) *jsonschema.Schema {
	if d, ok := root.Definitions[strings.TrimPrefix(ref, "#/$defs/")]; ok {
		return d
	}
	return &jsonschema.Schema{}
}

// setRule writes one rule into a property's schema.
func setRule(s *jsonschema.Schema, r Rule, t reflect.Type) error {
	if t.Kind() == reflect.Map {
		if r.MaxItems > 0 {
			s.MaxProperties = ptr(uint64(r.MaxItems))
		}
		if k := r.Keys; k != nil {
			s.PropertyNames = &jsonschema.Schema{Pattern: k.Pattern}
			if k.MaxLen > 0 {
				s.PropertyNames.MaxLength = ptr(uint64(k.MaxLen))
			}
		}
		if r.Items != nil {
			if s.AdditionalProperties == nil {
				return fmt.Errorf("map without an additionalProperties schema")
			}
			return setRule(s.AdditionalProperties, *r.Items, t.Elem())
		}
		return nil
	}
	if t.Kind() == reflect.Slice {
		if r.MinItems > 0 {
			s.MinItems = ptr(uint64(r.MinItems))
		}
		if r.MaxItems > 0 {
			s.MaxItems = ptr(uint64(r.MaxItems))
		}
		if r.Items != nil {
			if s.Items == nil {
				return fmt.Errorf("list without an items schema")
			}
			return setRule(s.Items, *r.Items, t.Elem())
		}
		return nil
	}
	for _, e := range r.Enum {
		s.Enum = append(s.Enum, e)
	}
	for _, e := range r.EnumInt {
		s.Enum = append(s.Enum, e)
	}
	s.Pattern = r.Pattern
	if r.MaxLen > 0 {
		s.MaxLength = ptr(uint64(r.MaxLen))
	}
	if r.Min != nil {
		if r.ExclMin {
			s.ExclusiveMinimum = number(*r.Min)
		} else {
			s.Minimum = number(*r.Min)
		}
	}
	if r.Max != nil {
		if r.ExclMax {
			s.ExclusiveMaximum = number(*r.Max)
		} else {
			s.Maximum = number(*r.Max)
		}
	}
	if r.Number {
		// A quantity: text in its form, or a plain positive number.
		text := &jsonschema.Schema{Type: "string", Pattern: s.Pattern, MaxLength: s.MaxLength}
		s.Type, s.Pattern, s.MaxLength = "", "", nil
		s.AnyOf = []*jsonschema.Schema{text, {Type: "number", ExclusiveMinimum: "0"}}
	}
	return nil
}

func number(f float64) json.Number { return json.Number(strconv.FormatFloat(f, 'f', -1, 64)) }

func ptr[T any](v T) *T { return &v }

// defName names a type's definition: blocks' types live in their own
// packages and share names such as Settings, so those are named by
// package and type (PostgresqlSettings).
func defName(t reflect.Type) string {
	pkg := t.PkgPath()
	if pkg == "" || pkg == reflect.TypeFor[Spec]().PkgPath() {
		return t.Name()
	}
	pkg = pkg[strings.LastIndex(pkg, "/")+1:]
	return strings.ToUpper(pkg[:1]) + pkg[1:] + t.Name()
}
