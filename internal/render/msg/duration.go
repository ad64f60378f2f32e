package msg

import (
	"strconv"
	"strings"
)

// Duration prints a duration written the spec's way ("30m", "1h", "14d",
// "10s", "1h30m") in the document's language: 30분, 1시간, 14일, 10초 in
// Korean; 30 min, 1 hour, 14 days, 10 s in English. A value that is not such
// a duration is returned as it is, so that a caller never loses text.
func Duration(t T, s string) string {
	parts, ok := splitDuration(s)
	if !ok {
		return s
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = unit(t, p.n, p.unit)
	}
	return strings.Join(out, " ")
}

// Minutes prints a number of minutes the same way as Duration.
func Minutes(t T, n int) string { return unit(t, n, "m") }

// Hours prints a number of hours the same way as Duration.
func Hours(t T, n int) string { return unit(t, n, "h") }

// Days prints a number of days the same way as Duration.
func Days(t T, n int) string { return unit(t, n, "d") }

// Seconds prints a number of seconds the same way as Duration.
func Seconds(t T, n int) string { return unit(t, n, "s") }

type part struct {
	n    int
	unit string
}

func splitDuration(s string) ([]part, bool) {
	if s == "" {
		return nil, false
	}
	var parts []part
	for s != "" {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 || i == len(s) {
			return nil, false
		}
		n, err := strconv.Atoi(s[:i])
		if err != nil {
			return nil, false
		}
		u := s[i : i+1]
		if !strings.Contains("smhdw", u) {
			return nil, false
		}
		parts = append(parts, part{n, u})
		s = s[i+1:]
	}
	return parts, true
}

func unit(t T, n int, u string) string {
	v := Int(n)
	switch u {
	case "s":
		return t.T(v+"초", v+" s")
	case "m":
		return t.T(v+"분", v+" min")
	case "h":
		return t.T(v+"시간", v+plural(n, " hour", " hours"))
	case "d":
		return t.T(v+"일", v+plural(n, " day", " days"))
	case "w":
		return t.T(v+"주", v+plural(n, " week", " weeks"))
	}
	return v + u
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
