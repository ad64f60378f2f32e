package cosmosdb_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/testplan"
)

// edit applies replacements to a test spec, failing when one does not
// apply (a case that changes nothing proves nothing).
func edit(t *testing.T, name string, pairs ...string) []byte {
	t.Helper()
	s := string(read(t, name))
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("%s has no %q to replace", name, pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return []byte(s)
}

const prodLine = "    cosmosDB: {readRegions: [japaneast]}\n"

// TestRules gives each of the block's rules a spec that triggers it and
// one that leaves it quiet.
func TestRules(t *testing.T) {
	cases := []struct {
		rule           string
		trigger, quiet [2]any // spec file, replacements
	}{
		// AV013: one region without zones in prod; the sample has zones
		// and a read region.
		{"AV013", [2]any{"sample.yaml", []string{prodLine, "    cosmosDB: {zoneRedundant: false}\n"}}, [2]any{"sample.yaml", nil}},
		// AV014: Strong across two regions; Strong in one region is quiet.
		{"AV014", [2]any{"sample.yaml", []string{"consistency: Session", "consistency: Strong"}},
			[2]any{"sample.yaml", []string{"consistency: Session", "consistency: Strong", prodLine, "    cosmosDB: {zoneRedundant: true}\n"}}},
		// CP011: serverless in prod (one region, as serverless must be).
		{"CP011", [2]any{"sample.yaml", []string{prodLine, "    cosmosDB: {capacity: serverless}\n"}}, [2]any{"sample.yaml", nil}},
		// CP012: with the autoscale maximum pinned at 4,000 RU/s the carts
		// container's 4,000 RU/s peak needs all of it; at 5,000 the peak is
		// 80% of the maximum: quiet.
		{"CP012", [2]any{"sample.yaml", []string{prodLine, "    cosmosDB: {readRegions: [japaneast], maxThroughput: 4000}\n"}},
			[2]any{"sample.yaml", []string{prodLine, "    cosmosDB: {readRegions: [japaneast], maxThroughput: 5000}\n"}}},
		// NW003: prod without private endpoints keeps the public endpoint.
		{"NW003", [2]any{"sample.yaml", []string{prodLine, prodLine + "    network: {privateEndpoints: false}\n"}}, [2]any{"sample.yaml", nil}},
		// CO003: dev runs a managed account; the mongo pod is quiet.
		{"CO003", [2]any{"mongo.yaml", []string{"    cosmosDB: {mode: pod}\n", ""}}, [2]any{"mongo.yaml", nil}},
	}
	for _, c := range cases {
		t.Run(c.rule, func(t *testing.T) {
			for i, v := range [][2]any{c.trigger, c.quiet} {
				name := v[0].(string)
				var data []byte
				if pairs, _ := v[1].([]string); pairs != nil {
					data = edit(t, name, pairs...)
				} else {
					data = read(t, name)
				}
				got := testplan.Findings(t, name, data, c.rule)
				if trigger := i == 0; trigger && len(got) == 0 {
					t.Errorf("the trigger spec does not trigger %s", c.rule)
				} else if !trigger && len(got) != 0 {
					t.Errorf("the quiet spec triggers %s: %s", c.rule, got[0].Message)
				}
			}
		})
	}
}

// TestNoHeadroomSaysWhy: the CP012 finding names the container and the
// share of its maximum the peak needs.
func TestNoHeadroomSaysWhy(t *testing.T) {
	got := testplan.Findings(t, "sample.yaml", edit(t, "sample.yaml", prodLine, "    cosmosDB: {readRegions: [japaneast], maxThroughput: 4000}\n"), "CP012")
	var msgs []string
	for _, f := range got {
		msgs = append(msgs, f.Message)
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"container carts needs 4000 RU/s at peak, 100% of its 4000 RU/s autoscale maximum", "container orders"} {
		if !strings.Contains(all, want) {
			t.Errorf("findings %q do not say %q", all, want)
		}
	}
}
