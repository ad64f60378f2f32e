package testplan

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/component/servicebus"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// hardNames is a valid spec whose names the cases below then bend.
const hardNames = `apiVersion: physarch.dev/v1
kind: System
metadata: {name: shop, title: {en: Shop}}
cloud: azure
region: koreacentral
services:
  - name: api
    route: /
    health: /health
    resources: {requests: {cpu: 500m, memory: 1Gi}}
    database: authdb
    cache: true
    produces: [jobs]
    external: [pg]
  - name: a
    resources: {requests: {cpu: 250m, memory: 512Mi}}
    consumes: [jobs]
backing:
  postgresql: {}
  redis: {}
  serviceBus: {queues: [jobs]}
external:
  - {name: pg, url: "https://pg.example.com", timeoutSeconds: 3, circuitBreaker: true}
environments:
  - {name: dev, profile: dev}
  - {name: prod, profile: prod, targets: {users: 1000}}
`

// HardNames plans a spec with the names issue 10 found the platforms
// reject: a 40-character system name, an environment with a hyphen, a
// service named a, a database auth-db and a queue ending in a period.
// They are set after loading, so the plan is tested whether or not the
// loader refuses them first.
func HardNames(t testing.TB) *plan.Plan {
	t.Helper()
	doc, err := components.Load("hard.yaml", []byte(hardNames))
	if err != nil {
		t.Fatal(err)
	}
	s := &doc.Spec
	s.Metadata.Name = "a" + strings.Repeat("b", 38) + "c"
	s.Environments[1].Name = "prod-eu"
	s.Services[0].Database = "auth-db"
	if b, ok := spec.Block[servicebus.Backing](s.Backing.Blocks, servicebus.Name); ok {
		b.Queues = []string{"ai.recommendation_jobs."}
	}
	s.Services[0].Produces = []string{"ai.recommendation_jobs."}
	s.Services[1].Consumes = []string{"ai.recommendation_jobs."}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatal(err)
	}
	return pl
}
