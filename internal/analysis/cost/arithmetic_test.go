package cost

import "testing"

// TestTierArithmeticInKorean: the Korean documents' sum of a tiered meter
// is the same sum, with its tier words in Korean and thousands grouped.
func TestTierArithmeticInKorean(t *testing.T) {
	ts := []TierUse{{From: 0, To: 50000, Units: 50000, UnitPrice: 0}, {From: 50000, Units: 30000, UnitPrice: 0.0163}}
	if got, want := arithmetic(ts, false, 489, true), "50,000 × $0 (무료 포함분) + 30,000 × $0.0163 (50,000 초과 구간) = $489.00"; got != want {
		t.Errorf("Korean arithmetic %q, want %q", got, want)
	}
	if got, want := arithmetic(ts, false, 489, false), "50000 × $0 (included) + 30000 × $0.0163 (tier from 50000) = $489.00"; got != want {
		t.Errorf("English arithmetic %q, want %q", got, want)
	}
	if got := grouped(1234567.5); got != "1,234,567.5" {
		t.Errorf("grouped(1234567.5) = %q", got)
	}
}
