package k8s_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/k8s"
)

// planOf loads and plans a spec given as text.
func planOf(t *testing.T, src string) *plan.Plan {
	t.Helper()
	doc, err := components.Load("physarch.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatal(err)
	}
	return pl
}

const hpaSpec = `apiVersion: physarch.dev/v1
kind: System
metadata: {name: shop, title: {ko: 쇼핑몰, en: Shop}}
cloud: azure
region: koreacentral
services:
  - name: jvm-service
    route: /api/jvm
    health: /actuator/health
  - name: cache-service
    route: /api/cache
    health: /health
    autoscale: {memoryPercent: 85}
environments:
  - {name: dev, profile: dev}
  - {name: prod, profile: prod}
`

// TestHPAScalesOnCPUUnlessMemoryIsAsked: by default an HPA has one metric,
// CPU (a JVM's heap above 80% of its request would otherwise hold it at
// its maximum); a service that states autoscale.memoryPercent gets a
// memory metric at that percent as well.
func TestHPAScalesOnCPUUnlessMemoryIsAsked(t *testing.T) {
	pl := planOf(t, hpaSpec)
	files, err := k8s.Render(pl)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range pl.Envs {
		objs := byKindAndName(objects(t, files, e.Name))
		metrics := func(name string) []string {
			var out []string
			ms, _ := dig(objs["HorizontalPodAutoscaler/"+name], "spec", "metrics").([]any)
			for _, m := range ms {
				out = append(out, fmt.Sprintf("%v=%v", dig(m, "resource", "name"), dig(m, "resource", "target", "averageUtilization")))
			}
			return out
		}
		if got := strings.Join(metrics("jvm-service"), ","); got != "cpu="+fmt.Sprint(e.Settings.Scaling.TargetCPUUtilization) {
			t.Errorf("%s: jvm-service HPA metrics %q, want CPU only", e.Name, got)
		}
		if got := strings.Join(metrics("cache-service"), ","); got != "cpu="+fmt.Sprint(e.Settings.Scaling.TargetCPUUtilization)+",memory=85" {
			t.Errorf("%s: cache-service HPA metrics %q, want CPU and memory 85", e.Name, got)
		}
	}
}
