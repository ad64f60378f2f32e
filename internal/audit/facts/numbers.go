package facts

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	amountR = regexp.MustCompile(`\$\s?(\d[\d,]*(?:\.\d+)?)(?:\s*[–-]\s*\$\s?(\d[\d,]*(?:\.\d+)?))?`)
	cidrR   = regexp.MustCompile(`\b(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/\d{1,3})\b`)
	ipR     = regexp.MustCompile(`\b(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})\b(?:[^/\d]|$)`)
	pctR    = regexp.MustCompile(`(\d+(?:\.\d+)?)\s?%`)
	intR    = regexp.MustCompile(`\d+`)
)

// num parses "1,200" or "99.9".
func num(s string) float64 {
	f, _ := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return f
}

// amount is a dollar figure or range.
type amount struct {
	min, max float64
	at       int // byte offset in the text
	end      int
}

func amounts(s string) []amount {
	var out []amount
	for _, m := range amountR.FindAllStringSubmatchIndex(s, -1) {
		a := amount{min: num(s[m[2]:m[3]]), at: m[0], end: m[1]}
		a.max = a.min
		if m[4] >= 0 {
			a.max = num(s[m[4]:m[5]])
		}
		out = append(out, a)
	}
	return out
}

// firstInt returns the first integer in s, or -1.
func firstInt(s string) int {
	m := intR.FindString(s)
	if m == "" {
		return -1
	}
	n, _ := strconv.Atoi(m)
	return n
}

// intRange reads "3", "3개", "3–15", "3-15", "3~15": min and max (equal
// for one number); ok is false without a number.
func intRange(s string) (lo, hi int, ok bool) {
	ns := intR.FindAllString(s, 3)
	if len(ns) == 0 {
		return 0, 0, false
	}
	lo, _ = strconv.Atoi(ns[0])
	hi = lo
	if len(ns) >= 2 && strings.ContainsAny(s, "–-~") {
		hi, _ = strconv.Atoi(ns[1])
	}
	return lo, hi, true
}

// minutes reads a duration such as "30분", "1시간", "30 min", "4h".
func minutes(n float64, unit string) float64 {
	switch strings.ToLower(unit) {
	case "시간", "h", "hour", "hours", "hr", "hrs":
		return n * 60
	case "초", "s", "sec", "seconds":
		return n / 60
	case "일", "d", "day", "days":
		return n * 1440
	}
	return n
}
