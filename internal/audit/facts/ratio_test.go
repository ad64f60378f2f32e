package facts

import "testing"

func TestRatioOf(t *testing.T) {
	for _, c := range []struct {
		line string
		want float64
		ok   bool
	}{
		{"운영 $3,000 vs 개발 $600 (5배)", 5, true},
		{"가용성 99.9% 대 99% (10배)", 10, true},
		// a range is one figure's bounds, not a comparison
		{"| 사용자 5배 | 5000 | 416.66 | apps 3–9대 | $2867.77–$5315.83 |", 0, false},
		{"| Phase 4 | prod, 사용자 5배 | 5000 | 99.5% | 6–14대 | $2,867.77–$5,315.83 |", 0, false},
		{"비용 $100~$200, 운영 $1,000 (5배)", 0, false},
		{"three figures $1 $2 $3 (2배)", 0, false},
	} {
		got, ok := ratioOf(c.line)
		if ok != c.ok || ok && (got < c.want-0.01 || got > c.want+0.01) {
			t.Errorf("ratioOf(%q) = %g, %v; want %g, %v", c.line, got, ok, c.want, c.ok)
		}
	}
}
