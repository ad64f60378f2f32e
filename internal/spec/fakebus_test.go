package spec

import (
	"fmt"
	"reflect"
	"strings"
)

// fakeBus stands in for a messaging block (the real one is
// internal/component/servicebus, which this package cannot import): it
// declares queues under backing.serviceBus, so the tests here exercise the
// core's handling of any block's entities.
type fakeBus struct {
	Queues []string `yaml:"queues"`
}

var fakeBusSection = Section{
	Kind:       "servicebus",
	BackingKey: "serviceBus", Backing: reflect.TypeFor[fakeBus](),
	Entities: func(s *Spec) []Entity {
		b, ok := Block[fakeBus](s.Backing.Blocks, "servicebus")
		if !ok {
			return nil
		}
		var out []Entity
		for i, q := range b.Queues {
			out = append(out, Entity{Name: q, Path: fmt.Sprintf("backing.serviceBus.queues[%d]", i), Key: strings.ToLower(q), Collision: "names ignore case"})
		}
		return out
	},
}

// testLoad loads with the fake block.
func testLoad(file string, data []byte) (*Document, error) {
	return Loader{Sections: []Section{fakeBusSection}}.Load(file, data)
}
