package spec

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Rule constrains one field of a spec type. It is declared once, in code,
// by the type that owns the field (its FieldRules method); the loader
// enforces it with the value's position and the JSON Schema carries it, so
// editors and physarch cannot disagree about what is allowed. Patterns are
// written in the part of RE2 that ECMA-262 reads the same way (no
// lookaround, no possessive or named groups), because editors validate with
// JavaScript regular expressions.
type Rule struct {
	Min, Max *float64 // inclusive bounds of a number
	// ExclMin and ExclMax make Min and Max exclusive (percentages lie in
	// (0, 100)).
	ExclMin, ExclMax bool
	Enum             []string // allowed texts
	EnumInt          []int    // allowed whole numbers
	Pattern          string   // a text's form
	MaxLen           int      // a text's length in characters
	MinItems         int      // a list's least length
	MaxItems         int      // a list's length
	Items            *Rule    // each element of a list of texts; each value of a mapping
	// Keys constrains the keys of a mapping (map fields, and the keys a
	// struct's inline map takes: its FieldRules entry "*").
	Keys *Rule
	// Number marks a text field that also accepts a plain number, as
	// Kubernetes quantities do (cpu: 1).
	Number bool
	// Hint says how to fix a value the rule refuses.
	Hint string
}

// Rules are a type's field rules by YAML key.
type Rules map[string]Rule

// fieldRuler is implemented by every spec type that constrains its fields.
type fieldRuler interface{ FieldRules() Rules }

// Between bounds a number, both ends included.
func Between(lo, hi float64) Rule { return Rule{Min: &lo, Max: &hi} }

// Percent is a share in (0, 100): 0% and 100% are never real targets.
func Percent() Rule {
	r := Between(0, 100)
	r.ExclMin, r.ExclMax = true, true
	r.Hint = "a percentage above 0 and below 100, such as 99.9; no design reaches 100%"
	return r
}

// OneOf allows a fixed set of texts.
func OneOf(values ...string) Rule { return Rule{Enum: values} }

// Pattern constrains a text's form and length.
func Pattern(pattern string, maxLen int, hint string) Rule {
	return Rule{Pattern: pattern, MaxLen: maxLen, Hint: hint}
}

// List bounds a list's length and constrains its items.
func List(maxItems int, item *Rule) Rule { return Rule{MaxItems: maxItems, Items: item} }

// WithHint gives the rule its own hint.
func (r Rule) WithHint(h string) Rule { r.Hint = h; return r }

// Patterns shared by several fields.
const (
	// A DNS-1123 label that starts with a letter and has no double or
	// trailing hyphen: names that end up in Kubernetes and Azure names.
	namePattern = `^[a-z][a-z0-9]*(-[a-z0-9]+)*$`
	// A Kubernetes resource quantity as resource.ParseQuantity reads it.
	quantityPattern = `^\+?([0-9]+(\.[0-9]*)?|\.[0-9]+)([numkMGTPE]|[KMGTPE]i|[eE][-+]?[0-9]+)?$`
	// A duration such as 30m, 4h or 14d.
	durationPattern = `^[0-9]{1,6}[smhd]$`
	// An IPv4 CIDR such as 10.20.0.0/16.
	cidrPattern = `^([0-9]{1,3}\.){3}[0-9]{1,3}/[0-9]{1,2}$`
	// An HTTP path.
	pathPattern = `^/[A-Za-z0-9/_.~-]*$`
)

// Quantity is a Kubernetes CPU or memory quantity.
func Quantity(kind string) Rule {
	hint := "write a CPU quantity such as 250m or 1"
	if kind == "memory" {
		hint = "write a memory quantity such as 512Mi or 1Gi"
	}
	return Rule{Pattern: quantityPattern, MaxLen: 32, Number: true, Hint: hint}
}

// Duration is a duration such as 30m, 4h or 14d.
func Duration() Rule {
	return Pattern(durationPattern, 7, "write a duration such as 30m, 4h or 14d")
}

// checkNumber reports what is wrong with a number, or "".
func (r Rule) checkNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "is not a finite number"
	}
	if len(r.EnumInt) > 0 {
		for _, e := range r.EnumInt {
			if float64(e) == v {
				return ""
			}
		}
		return "must be one of " + joinInts(r.EnumInt)
	}
	lo, hi := r.Min, r.Max
	below := lo != nil && (v < *lo || r.ExclMin && v == *lo)
	above := hi != nil && (v > *hi || r.ExclMax && v == *hi)
	if !below && !above {
		return ""
	}
	return "is out of range: must be " + r.rangeText()
}

func (r Rule) rangeText() string {
	switch {
	case r.Min != nil && r.Max != nil:
		lo, hi := "from ", " to "
		if r.ExclMin {
			lo = "above "
		}
		if r.ExclMax {
			hi = " and below "
		} else if r.ExclMin {
			hi = " and at most "
		}
		return lo + num(*r.Min) + hi + num(*r.Max)
	case r.Min != nil:
		if r.ExclMin {
			return "above " + num(*r.Min)
		}
		return "at least " + num(*r.Min)
	case r.Max != nil:
		return "at most " + num(*r.Max)
	}
	return "a number"
}

// checkText reports what is wrong with a text, or "".
func (r Rule) checkText(s string, re func(string) *regexp.Regexp) string {
	if len(r.Enum) > 0 {
		for _, e := range r.Enum {
			if s == e {
				return ""
			}
		}
		return "is not allowed here"
	}
	if r.MaxLen > 0 && len([]rune(s)) > r.MaxLen {
		return fmt.Sprintf("is longer than %d characters", r.MaxLen)
	}
	if r.Pattern != "" && !re(r.Pattern).MatchString(s) {
		return "is not in the expected form"
	}
	return ""
}

// hint is the rule's own hint, or one derived from its enum.
func (r Rule) hint(val string) string {
	if r.Hint != "" {
		return r.Hint
	}
	if len(r.Enum) > 0 {
		return DidYouMean(val, r.Enum, "one of "+strings.Join(r.Enum, ", "))
	}
	if len(r.EnumInt) > 0 {
		return "one of " + joinInts(r.EnumInt)
	}
	return "a number " + r.rangeText()
}

func num(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	// Thousands separators make large bounds readable in messages.
	if intPart, frac, _ := strings.Cut(s, "."); len(intPart) > 4 {
		var b strings.Builder
		for i, c := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(c)
		}
		if frac != "" {
			b.WriteString("." + frac)
		}
		return b.String()
	}
	return s
}

func joinInts(v []int) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ", ")
}
