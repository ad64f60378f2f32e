package plan_test

import (
	"testing"

	"github.com/physarch/physarch/internal/plan"
)

func TestEdgeProbe(t *testing.T) {
	for _, c := range []struct {
		name          string
		svs           []plan.Service
		path, service string
	}{
		{"no routes", []plan.Service{{Name: "worker"}}, "/", ""},
		{"first route without health", []plan.Service{{Name: "a", Route: "/api/a"}, {Name: "b", Route: "/api/b"}}, "/api/a", ""},
		{"first health path wins over an earlier bare route", []plan.Service{{Name: "a", Route: "/api/a"}, {Name: "b", Route: "/api/b", Health: "/actuator/health"}}, "/actuator/health", "b"},
		{"an unrouted service's health is not the edge's", []plan.Service{{Name: "w", Health: "/h"}, {Name: "a", Route: "/api/a"}}, "/api/a", ""},
	} {
		if p, s := plan.EdgeProbe(c.svs); p != c.path || s != c.service {
			t.Errorf("%s: EdgeProbe = %q, %q; want %q, %q", c.name, p, s, c.path, c.service)
		}
	}
}
