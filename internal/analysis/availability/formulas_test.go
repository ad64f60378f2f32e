package availability

import (
	"math"
	"testing"
)

func TestFormulas(t *testing.T) {
	// Serial: 99.95% × 99.99% = 99.94% (the reference's example).
	b := &builder{comps: map[string]Component{"a": {Percent: 99.95}, "b": {Percent: 99.99}}}
	if p, _ := product(b, []string{"a", "b"}); math.Abs(p-99.94) > 0.001 {
		t.Errorf("serial %v", p)
	}
	// Redundant: two 99.9% alternatives give 99.9999%.
	if p := Parallel(99.9, 99.9); math.Abs(p-99.9999) > 1e-9 {
		t.Errorf("parallel %v", p)
	}
	if p := Parallel(99.95); math.Abs(p-99.95) > 1e-9 {
		t.Errorf("one alternative %v", p)
	}
	// Allowed downtime: 99.9% of 730 h is 43.8 minutes.
	if d := downtime(99.9); d != 43.8 {
		t.Errorf("downtime %v", d)
	}
}
