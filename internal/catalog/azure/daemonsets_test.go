package azure

import (
	"regexp"
	"testing"
)

// TestDaemonSetsSourced: every DaemonSet figure the node packing takes off
// a node's allocatable names where it comes from and when, belongs to a
// group the documents can name, and appears once.
func TestDaemonSetsSourced(t *testing.T) {
	date := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	seen := map[string]bool{}
	for _, d := range AllDaemonSets() {
		if d.Source.Ref == "" || !date.MatchString(d.Source.Date) {
			t.Errorf("%s: source %+v lacks a reference or a YYYY-MM-DD date", d.Name, d.Source)
		}
		if _, ok := groupLabels[d.Addon]; !ok {
			t.Errorf("%s: group %q has no label for the documents", d.Name, d.Addon)
		}
		if d.CPUM < 0 || d.MemMiB < 0 {
			t.Errorf("%s: negative request %dm/%dMi", d.Name, d.CPUM, d.MemMiB)
		}
		if d.Estimate && d.UpperBound {
			t.Errorf("%s: both an estimate and an upper bound", d.Name)
		}
		if seen[d.Name] {
			t.Errorf("%s listed twice", d.Name)
		}
		seen[d.Name] = true
	}
	if len(DaemonSets(DSCore)) == 0 {
		t.Error("no DaemonSet runs on every AKS node")
	}
}
