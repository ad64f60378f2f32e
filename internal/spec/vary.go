package spec

import "reflect"

// Vary returns a copy of the document, changed by change: a what-if
// (another tier, fewer zones, more users) starts from exactly what the
// user wrote, never from a copy an earlier what-if touched. The copy is
// deep (slices, maps, pointers and the blocks' settings are its own), so
// the document itself is never changed; positions are shared, read only.
// Like the what-ifs of cost --users and sla --zones, the change is not
// judged by the loader again: a what-if may pair values a spec may not
// state (one zone with zone-redundant HA), and the planner gives each such
// pairing what it allows, or refuses it with its own error. Copying rather
// than loading the text again keeps a what-if about a tenth of a load.
func (l Loader) Vary(d *Document, change func(*Spec)) (*Document, error) {
	doc := &Document{File: d.File, pos: d.pos, source: d.source}
	deepCopy(reflect.ValueOf(&doc.Spec).Elem(), reflect.ValueOf(d.Spec))
	change(&doc.Spec)
	return doc, nil
}

// deepCopy sets dst to a copy of src that shares no slice, map or pointer
// with it. Unexported fields are copied as values (the spec's types have
// none that hold references).
func deepCopy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		p := reflect.New(src.Elem().Type())
		deepCopy(p.Elem(), src.Elem())
		dst.Set(p)
	case reflect.Interface:
		if src.IsNil() {
			return
		}
		v := reflect.New(src.Elem().Type()).Elem()
		deepCopy(v, src.Elem())
		dst.Set(v)
	case reflect.Struct:
		dst.Set(src)
		for i := range src.NumField() {
			if dst.Field(i).CanSet() {
				deepCopy(dst.Field(i), src.Field(i))
			}
		}
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		for i := range src.Len() {
			deepCopy(s.Index(i), src.Index(i))
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			return
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		for it := src.MapRange(); it.Next(); {
			v := reflect.New(it.Value().Type()).Elem()
			deepCopy(v, it.Value())
			m.SetMapIndex(it.Key(), v)
		}
		dst.Set(m)
	default:
		dst.Set(src)
	}
}

// VaryEnv returns a copy of the document that holds only the environment
// named env, changed by change, which may change that environment and
// nothing else (it is given the spec to read): the environment is copied deeply, the rest of the spec
// (services, backing, external systems) is shared with the document, read
// only. A decision's alternative or a growth step re-plans one
// environment, and copying the services for each would be most of its
// cost. ok is false when the document has no such environment.
func (l Loader) VaryEnv(d *Document, env string, change func(*Spec, *Environment)) (doc *Document, ok bool) {
	for i := range d.Spec.Environments {
		if d.Spec.Environments[i].Name != env {
			continue
		}
		doc = &Document{File: d.File, pos: d.pos, source: d.source, Spec: d.Spec}
		doc.Spec.Environments = make([]Environment, 1)
		deepCopy(reflect.ValueOf(&doc.Spec.Environments[0]).Elem(), reflect.ValueOf(d.Spec.Environments[i]))
		change(&doc.Spec, &doc.Spec.Environments[0])
		return doc, true
	}
	return nil, false
}
