package msg

import (
	"strconv"
	"strings"
)

// Int prints a whole number with thousands separators (10,000), as both
// Korean and English documents write figures.
func Int(n int) string { return group(strconv.Itoa(n)) }

// Int64 is Int for int64 counts.
func Int64(n int64) string { return group(strconv.FormatInt(n, 10)) }

// Num prints a figure with as many decimals as it has and thousands
// separators in its whole part (1,233.34).
func Num(f float64) string { return group(strconv.FormatFloat(f, 'f', -1, 64)) }

// USD prints a dollar amount with cents and thousands separators
// ($3,783.32); a negative amount keeps its sign before the dollar sign.
func USD(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	if strings.HasPrefix(s, "-") {
		return "-$" + group(s[1:])
	}
	return "$" + group(s)
}

// USDRange prints a monthly cost range, or one figure when the ends agree.
func USDRange(lo, hi float64) string {
	if lo == hi {
		return USD(lo)
	}
	return USD(lo) + "–" + USD(hi)
}

// group inserts a comma every three digits of the whole part of a decimal
// number as strconv writes it.
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		whole, frac = s[:i], s[i:]
	}
	if len(whole) <= 3 {
		return sign + whole + frac
	}
	var b strings.Builder
	head := len(whole) % 3
	if head > 0 {
		b.WriteString(whole[:head])
	}
	for i := head; i < len(whole); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(whole[i : i+3])
	}
	return sign + b.String() + frac
}
