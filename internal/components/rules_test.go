package components

import (
	"reflect"
	"testing"

	"github.com/physarch/physarch/internal/spec"
)

// TestEveryFieldHasARule: every number of the spec, core or a block's, has
// bounds, and every text a form, an enum or a length: both in the loader
// and in the schema (they read the same rules). A new field without one
// fails here.
func TestEveryFieldHasARule(t *testing.T) {
	types := []reflect.Type{reflect.TypeFor[spec.Spec]()}
	for _, s := range Sections(All()) {
		for _, typ := range []reflect.Type{s.Backing, s.Settings, s.Use} {
			if typ != nil {
				types = append(types, typ)
			}
		}
	}
	seen := map[reflect.Type]bool{}
	var walk func(typ reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		var rules spec.Rules
		if fr, ok := reflect.Zero(typ).Interface().(interface{ FieldRules() spec.Rules }); ok {
			rules = fr.FieldRules()
		}
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			name := f.Tag.Get("yaml")
			if name == "-" || name == "" {
				continue
			}
			r, has := rules[name]
			ft := f.Type
			if ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.String {
				if !has || r.MaxItems == 0 || r.Items == nil {
					t.Errorf("%s.%s: a list of texts needs MaxItems and an item rule", typ.Name(), name)
				}
				continue
			}
			switch ft.Kind() {
			case reflect.Int, reflect.Float64:
				if !has || (r.Min == nil || r.Max == nil) && len(r.EnumInt) == 0 {
					t.Errorf("%s.%s: a number needs bounds", typ.Name(), name)
				}
			case reflect.String:
				if !has || r.Pattern == "" && len(r.Enum) == 0 && r.MaxLen == 0 {
					t.Errorf("%s.%s: a text needs a form, an enum or a length", typ.Name(), name)
				}
			case reflect.Slice:
				if !has || r.MaxItems == 0 {
					t.Errorf("%s.%s: a list needs a length limit", typ.Name(), name)
				}
			}
			walk(ft)
		}
	}
	for _, typ := range types {
		walk(typ)
	}
	if len(seen) < 20 {
		t.Fatalf("walked %d types; the test no longer reaches the spec", len(seen))
	}
}
