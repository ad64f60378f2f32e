package spec

import (
	"reflect"
	"testing"
)

// TestVaryLeavesTheDocument changes every kind of value a what-if touches
// (a scalar, a slice element, a map entry, a block's settings behind a
// pointer) in the copy and requires the document to be as it was.
func TestVaryLeavesTheDocument(t *testing.T) {
	type settings struct{ Tier string }
	d := &Document{File: "x.yaml", Spec: Spec{Environments: []Environment{{
		Name:      "prod",
		Targets:   Targets{Zones: 3},
		NodePools: NodePools{Dedicated: map[string]DedicatedPool{"gpu": {VMSize: "a", Zones: []int{1, 2}}}},
		Blocks:    Blocks{"b": &settings{Tier: "Premium"}},
	}}}}
	before := d.Spec.Environments[0].Blocks["b"].(*settings).Tier
	v, err := Loader{}.Vary(d, func(s *Spec) {
		e := &s.Environments[0]
		e.Targets.Zones = 1
		p := e.NodePools.Dedicated["gpu"]
		p.Zones[0] = 9
		e.NodePools.Dedicated["gpu"] = p
		e.Blocks["b"].(*settings).Tier = "Standard"
	})
	if err != nil {
		t.Fatal(err)
	}
	e := d.Spec.Environments[0]
	if e.Targets.Zones != 3 || e.NodePools.Dedicated["gpu"].Zones[0] != 1 || e.Blocks["b"].(*settings).Tier != before {
		t.Fatalf("the document changed: %+v", e)
	}
	if v.Spec.Environments[0].Blocks["b"].(*settings).Tier != "Standard" || v.Spec.Environments[0].Targets.Zones != 1 {
		t.Fatalf("the copy did not change: %+v", v.Spec.Environments[0])
	}
	if !reflect.DeepEqual(d.pos, v.pos) {
		t.Fatal("positions differ")
	}
}
