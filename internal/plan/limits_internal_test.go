package plan

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/spec"
)

// coreBounded is a spec of core values only (no building block's
// section), for tests that drive the planner's internals.
const coreBounded = `apiVersion: physarch.dev/v1
kind: System
metadata: {name: shop, title: {en: Shop}}
cloud: azure
region: koreacentral
services:
  - name: api
    route: /
    resources: {requests: {cpu: 500m, memory: 1Gi}}
environments:
  - name: prod
    profile: prod
    targets: {users: 1000}
`

// TestClusterNodeLimit: two pools of at most 1,000 nodes cannot reach
// AKS's 5,000 per cluster today, so the check is exercised directly.
func TestClusterNodeLimit(t *testing.T) {
	doc, err := spec.Load("shop.yaml", []byte(coreBounded))
	if err != nil {
		t.Fatal(err)
	}
	p := &planner{doc: doc}
	e := &Env{Name: "prod", Settings: doc.Spec.Environments[0]}
	for range 6 {
		e.Pools = append(e.Pools, NodePool{Name: "apps", Min: 900, Max: 900})
	}
	p.clusterWithinLimit(e, "environments[0]")
	if len(p.errs) != 1 || !strings.Contains(p.errs[0].Msg, "AKS allows 5000 per cluster") {
		t.Fatalf("got %v", p.errs)
	}
}

// TestSubnetSizeCannotWrap: an apps pool of 17,111,423 nodes (and its
// upgrade surge of 1,711,143) at 250 pods needs 4,724,464,066 addresses,
// more than 2^32, which 32-bit arithmetic would wrap.
func TestSubnetSizeCannotWrap(t *testing.T) {
	doc, err := spec.Load("shop.yaml", []byte(coreBounded))
	if err != nil {
		t.Fatal(err)
	}
	p := &planner{doc: doc}
	e := &Env{Name: "prod", Settings: doc.Spec.Environments[0], Pools: []NodePool{{Name: "apps", Max: 17111423, MaxPods: 250}}}
	p.network(e, "environments[0]", &renamer{})
	if len(p.errs) == 0 || !strings.Contains(p.errs[0].Msg, "the AKS subnet would need 4724464066 addresses") {
		t.Fatalf("got %v, subnets %v", p.errs, e.Network.Subnets)
	}
	if bitsFor(subnetNeed{required: 1<<32 + 128, minBits: 29}) != 0 {
		t.Errorf("a need beyond IPv4 must get no prefix")
	}
	if b := bitsFor(subnetNeed{required: 251, minBits: 24}); b != 24 {
		t.Errorf("251 addresses: /%d", b)
	}
}
