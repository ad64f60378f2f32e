package facts

import (
	"math"
	"regexp"
)

// quantityR finds figures with a unit: dollars, people, percentages (not
// percentiles), durations and sizes.
var quantityR = regexp.MustCompile(`\$\s?(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s*(명|%|ms|초|분|시간|GB|GiB|MB|TB)(ile)?`)

// rangeR is a range of two figures: lower and upper bound of one.
var rangeR = regexp.MustCompile(`\$?\s?\d[\d,]*(?:\.\d+)?\s*(?:명|%|대)?\s*[–~]\s*\$?\s?\d[\d,]*(?:\.\d+)?`)

// ratioOf is what the two figures of one kind on a line give as a ratio
// (larger over smaller; for percentages of availability, the downtimes'
// ratio). ok is false unless the line holds exactly two figures of one
// kind, the only case where a reader can tell which figures a "N배" is
// about.
func ratioOf(l string) (float64, bool) {
	// A range ("$2,867.77–$5,315.83", "3~5대") is one figure's bounds, not
	// two figures a ratio compares: "사용자 5배 | ... | $2,867.77–$5,315.83"
	// states a what-if, and its cost range is no 1.9배 claim.
	l = rangeR.ReplaceAllString(l, " ")
	byUnit := map[string][]float64{}
	for _, m := range quantityR.FindAllStringSubmatch(l, -1) {
		if m[4] != "" {
			continue
		}
		if m[1] != "" {
			byUnit["$"] = append(byUnit["$"], num(m[1]))
			continue
		}
		v, unit := num(m[2]), m[3]
		switch unit {
		case "초":
			v, unit = v*1000, "ms"
		case "분":
			v, unit = v*60000, "ms"
		case "시간":
			v, unit = v*3600000, "ms"
		case "GiB", "GB":
			v, unit = v*1024, "MB"
		case "TB":
			v, unit = v*1024*1024, "MB"
		}
		byUnit[unit] = append(byUnit[unit], v)
	}
	var pair []float64
	unit := ""
	for u, vs := range byUnit {
		if len(vs) == 2 {
			if pair != nil {
				return 0, false // two kinds of pairs: ambiguous
			}
			pair, unit = vs, u
		} else if len(vs) > 2 {
			return 0, false
		}
	}
	if pair == nil {
		return 0, false
	}
	a, b := pair[0], pair[1]
	if unit == "%" {
		if a < 90 || b < 90 || a >= 100 || b >= 100 {
			return 0, false
		}
		a, b = 100-a, 100-b
	}
	if a <= 0 || b <= 0 {
		return 0, false
	}
	return math.Max(a, b) / math.Min(a, b), true
}
