package redis_test

import (
	"testing"

	"github.com/physarch/physarch/internal/component/redis"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
)

// planOf loads and plans a spec, failing the test on error.
func planOf(t *testing.T, src string) *plan.Plan {
	t.Helper()
	doc, err := components.Load("physarch.yaml", []byte(src))
	if err != nil {
		t.Fatalf("spec does not load: %v", err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatalf("spec does not plan: %v", err)
	}
	return pl
}

// prodCache is the cache of the spec's last environment (prod).
func prodCache(t *testing.T, src string) *redis.Component {
	t.Helper()
	pl := planOf(t, src)
	r, ok := plan.Find[*redis.Component](pl.Envs[len(pl.Envs)-1])
	if !ok {
		t.Fatal("prod plans no Redis")
	}
	return r
}
