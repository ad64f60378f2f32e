package servicemesh_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/testplan"
)

// TestRules: the block's rule on a spec that must trigger it and one that
// must leave it quiet.
func TestRules(t *testing.T) {
	cases := []struct {
		rule, name, mesh string
		fire             bool
		want             string
	}{
		{"AV017", "trigger: sidecars request no CPU", "serviceMesh: {mode: istio, sidecarCPUMillis: 0}", true, "requests no CPU"},
		{"AV017", "trigger: sidecars request no memory", "serviceMesh: {mode: istio, sidecarMemoryMiB: 0}", true, "requests no memory"},
		{"AV017", "quiet: Istio's default reservation", "serviceMesh: {mode: istio}", false, ""},
	}
	for _, tc := range cases {
		t.Run(tc.rule+" "+tc.name, func(t *testing.T) {
			got := testplan.Findings(t, "physarch.yaml", []byte(strings.Replace(shop, "MESH", tc.mesh, 1)), tc.rule)
			if !tc.fire {
				if len(got) != 0 {
					t.Fatalf("want quiet, got %v", got)
				}
				return
			}
			if len(got) == 0 {
				t.Fatal("want a finding, got none")
			}
			if !strings.Contains(got[0].Message, tc.want) {
				t.Errorf("message %q, want it to contain %q", got[0].Message, tc.want)
			}
		})
	}
}
