package spec

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Section is the part of physarch.yaml one building block owns. The
// loader decodes it as strictly as the core (unknown keys, types, field
// rules, positions), the JSON Schema carries it, and the block's Validate
// checks what field rules cannot. The spec package names no block: blocks
// hand their sections to Loader.
type Section struct {
	Kind string // the block, such as "postgresql"
	// Backing is the type of backing.<BackingKey>: the block's system-wide
	// settings. Writing the key is what makes a system use the block.
	BackingKey string
	Backing    reflect.Type
	// Settings is the type of environments[].<SettingsKey>: how the block
	// runs in one environment. Several blocks may share one key, each
	// owning some of its fields (ingress: the gateway, Front Door).
	SettingsKey string
	Settings    reflect.Type
	// Use is the type of services[].uses.<UseKey>: how one service uses
	// the block.
	UseKey string
	Use    reflect.Type
	// Profiles are the block's defaults per built-in profile: the YAML of
	// its settings mapping, merged under the profile like the profile's own
	// values (positions read "profile prod (postgresql):3:5").
	Profiles map[string]string
	// SubnetRoles are the roles of the subnets the block needs, which an
	// environment may pin (network.subnets[].role).
	SubnetRoles []string
	// Entities are the messaging destinations (queues, topics, event hubs)
	// the block declares, which services name in produces and consumes;
	// the loader checks that each has a producer and a consumer.
	Entities func(s *Spec) []Entity
	// Validate checks references and values against each other.
	Validate func(v *Validation)
	// Reserved are the names of the block's own objects in the generated
	// output (its pods, Jobs, Services), which no service may take.
	Reserved []string
}

// Entity is a messaging destination and where the spec declares it.
type Entity struct {
	Name string
	Path string // such as backing.serviceBus.queues[0]
	// Key is the name as the platform compares names (Service Bus ignores
	// case); two entities with one key collide, and Collision says why.
	Key, Collision string
}

// Blocks holds the decoded sections of one mapping, by block.
type Blocks map[string]any

// blockHolder is a spec type whose mapping takes blocks' keys besides its
// own fields.
type blockHolder interface {
	blockScope() scope
	blocks() *Blocks
}

type scope int

const (
	scopeBacking scope = iota
	scopeSettings
	scopeUse
)

// owner is one block's type under a key of a scope.
type owner struct {
	kind string
	typ  reflect.Type
}

// sectionTable finds the blocks that own a key of a scope.
type sectionTable struct {
	owners map[scope]map[string][]owner
	list   []Section
}

func newSectionTable(sections []Section) (*sectionTable, error) {
	t := &sectionTable{owners: map[scope]map[string][]owner{scopeBacking: {}, scopeSettings: {}, scopeUse: {}}, list: sections}
	seen := map[string]bool{}
	for _, s := range sections {
		if s.Kind == "" || seen[s.Kind] {
			return nil, fmt.Errorf("section of block %q registered twice or unnamed", s.Kind)
		}
		seen[s.Kind] = true
		for _, e := range []struct {
			sc  scope
			key string
			typ reflect.Type
		}{{scopeBacking, s.BackingKey, s.Backing}, {scopeSettings, s.SettingsKey, s.Settings}, {scopeUse, s.UseKey, s.Use}} {
			if e.key == "" {
				continue
			}
			if e.typ == nil || e.typ.Kind() != reflect.Struct {
				return nil, fmt.Errorf("block %s: key %s needs a struct type", s.Kind, e.key)
			}
			prev := t.owners[e.sc][e.key]
			if e.sc != scopeSettings && len(prev) > 0 {
				return nil, fmt.Errorf("blocks %s and %s both own %s", prev[0].kind, s.Kind, e.key)
			}
			for _, p := range prev {
				for _, f := range fieldNames(e.typ) {
					if _, dup := yamlFields(p.typ)[f]; dup {
						return nil, fmt.Errorf("blocks %s and %s both own %s.%s", p.kind, s.Kind, e.key, f)
					}
				}
			}
			t.owners[e.sc][e.key] = append(prev, owner{s.Kind, e.typ})
		}
	}
	return t, nil
}

func (t *sectionTable) keys(sc scope) []string {
	var out []string
	for k := range t.owners[sc] {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Block returns the decoded section a block owns in a set of blocks, with
// its type, or false when the spec does not have it.
func Block[T any](b Blocks, kind string) (*T, bool) {
	v, ok := b[kind]
	if !ok {
		return nil, false
	}
	t, ok := v.(*T)
	return t, ok
}

// decodeBlock decodes the value of a key that blocks own into a fresh value
// of each owner's type; with several owners each key of the mapping goes to
// the owner that has that field.
func (d *decoder) decodeBlock(n *yaml.Node, into *Blocks, owners []owner, path string, depth int) {
	if *into == nil {
		*into = Blocks{}
	}
	vals := make([]reflect.Value, len(owners))
	for i, o := range owners {
		if prev, ok := (*into)[o.kind]; ok {
			vals[i] = reflect.ValueOf(prev).Elem()
		} else {
			vals[i] = reflect.New(o.typ).Elem()
		}
	}
	if len(owners) == 1 {
		d.decode(n, vals[0], path, depth+1, nil)
	} else {
		d.decodeShared(n, vals, path, depth)
	}
	for i, o := range owners {
		(*into)[o.kind] = vals[i].Addr().Interface()
	}
}

// decodeShared decodes one mapping whose fields several blocks own.
func (d *decoder) decodeShared(n *yaml.Node, vals []reflect.Value, path string, depth int) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		d.failAt(n, path, "give it a value ({} for a section with defaults), or remove the key", "%s has no value", field(path))
		return
	}
	if n.Kind != yaml.MappingNode {
		d.failAt(n, path, "write 'key: value' pairs", "%s must be a mapping, not %s", field(path), describe(n))
		return
	}
	d.pos[path] = d.posOf(n)
	var names []string
	for _, v := range vals {
		names = append(names, fieldNames(v.Type())...)
	}
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
		found := false
		for _, v := range vals {
			idx, ok := yamlFields(v.Type())[k.Value]
			if !ok {
				continue
			}
			found = true
			var rule *Rule
			if r, ok := d.rulesOf(v.Type())[k.Value]; ok {
				rule = &r
			}
			d.decode(val, v.Field(idx), join(path, k.Value), depth+1, rule)
		}
		if !found {
			sort.Strings(names)
			hint := "allowed here: " + strings.Join(names, ", ")
			if s := suggest(k.Value, names); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			d.fail(k, hint, "unknown key %q in %s", k.Value, where(path))
		}
	}
}

// Validation is what a block's Validate sees: the spec with positions, and
// the validator's reporting.
type Validation struct{ v *validator }

// Doc is the document being validated.
func (x *Validation) Doc() *Document { return x.v.doc }

// Spec is the decoded spec, defaults filled.
func (x *Validation) Spec() *Spec { return &x.v.doc.Spec }

// Fail reports a problem at the value at path, unless the decoder already
// reported that value or one that holds it.
func (x *Validation) Fail(path, hint, format string, args ...any) {
	x.v.fail(path, hint, format, args...)
}

// Failed reports whether the decoder already reported the value at path.
func (x *Validation) Failed(path string) bool { return x.v.failed[path] }

// DidYouMean is a "did you mean" hint, computed once per set and value.
func (x *Validation) DidYouMean(set, val string, options []string, fallback string) string {
	return x.v.didYouMean(set, val, options, fallback)
}

// fields are the struct fields the JSON Schema reflector adds to a holder
// type for the blocks' keys: the owner's type, or for a key several blocks
// share, a struct of all their fields.
func (t *sectionTable) fields(sc scope) []reflect.StructField {
	var out []reflect.StructField
	for _, key := range t.keys(sc) {
		owners := t.owners[sc][key]
		typ := reflect.PointerTo(owners[0].typ)
		if len(owners) > 1 {
			var fs []reflect.StructField
			for _, o := range owners {
				for i := 0; i < o.typ.NumField(); i++ {
					if yamlName(o.typ.Field(i)) != "" {
						fs = append(fs, o.typ.Field(i))
					}
				}
			}
			typ = reflect.StructOf(fs)
		}
		name := strings.ToUpper(key[:1]) + key[1:]
		out = append(out, reflect.StructField{Name: "Block" + name, Type: typ, Tag: reflect.StructTag(`yaml:"` + key + `"`)})
	}
	return out
}
