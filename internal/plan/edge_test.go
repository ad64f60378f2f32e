package plan_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/plan"
)

// edgeComp is a component on the way in at a tier.
type edgeComp struct {
	id   string
	tier int
}

func (c edgeComp) ID() string    { return c.id }
func (c edgeComp) EdgeTier() int { return c.tier }

type inner struct{ id string }

func (c inner) ID() string { return c.id }

// TestEdgeOrderOutermostFirst: the way in is ordered by tier whatever the
// registration order (the gateway is registered before Front Door, a
// request meets Front Door first), keeps registration order within a tier
// and leaves out components that are not on it.
func TestEdgeOrderOutermostFirst(t *testing.T) {
	e := &plan.Env{Components: []plan.Component{
		inner{"postgresql"},
		edgeComp{"ingress", plan.EdgeRegional},
		edgeComp{"cdn", plan.EdgeGlobal},
		inner{"keyvault"},
		edgeComp{"frontdoor", plan.EdgeGlobal},
	}}
	var got []string
	for _, c := range plan.EdgeOrder(e) {
		got = append(got, c.ID())
	}
	if want := "cdn frontdoor ingress"; strings.Join(got, " ") != want {
		t.Errorf("EdgeOrder = %s, want %s", strings.Join(got, " "), want)
	}
}
