package spec

import (
	"fmt"
	"strconv"
	"strings"
)

// cronField is one field of a five-field schedule as Kubernetes reads it:
// the CronJob controller parses schedules with robfig/cron's standard
// parser, so the ranges and names below are that parser's.
type cronField struct {
	name     string
	lo, hi   int
	names    map[string]int // JAN…DEC, SUN…SAT
	question bool           // '?' is allowed (day of month, day of week)
}

var (
	months = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
	days   = map[string]int{"sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6}

	cronFields = []cronField{
		{name: "minute", lo: 0, hi: 59},
		{name: "hour", lo: 0, hi: 23},
		{name: "day of month", lo: 1, hi: 31, question: true},
		{name: "month", lo: 1, hi: 12, names: months},
		{name: "day of week", lo: 0, hi: 6, names: days, question: true},
	}

	cronMacros = map[string]bool{"@yearly": true, "@annually": true, "@monthly": true, "@weekly": true, "@daily": true, "@midnight": true, "@hourly": true}
)

// ParseCron checks a CronJob schedule: five space-separated fields, each a
// list of values, ranges (a-b) and steps (*/n, a-b/n, a/n) within the
// field's range, or one of the macros. It returns what is wrong, naming
// the field, so the error can say it.
func ParseCron(s string) error {
	if cronMacros[s] {
		return nil
	}
	if strings.HasPrefix(s, "@") {
		return fmt.Errorf("%q is not a schedule macro (@hourly, @daily, @weekly, @monthly, @yearly)", s)
	}
	fields := strings.Split(s, " ")
	if len(fields) != 5 {
		return fmt.Errorf("has %d fields; cron has five (minute hour day-of-month month day-of-week)", len(fields))
	}
	for i, f := range fields {
		if err := cronFields[i].check(f); err != nil {
			return fmt.Errorf("%s field %q: %w", cronFields[i].name, f, err)
		}
	}
	return nil
}

func (c cronField) check(f string) error {
	if f == "" {
		return fmt.Errorf("is empty")
	}
	for _, part := range strings.Split(f, ",") {
		if part == "" {
			return fmt.Errorf("has an empty item in its list")
		}
		if err := c.part(part); err != nil {
			return err
		}
	}
	return nil
}

// part is one item of a field's list: *, ?, a value, a range, with an
// optional step.
func (c cronField) part(p string) error {
	rng, step, hasStep := strings.Cut(p, "/")
	if hasStep {
		n, err := strconv.Atoi(step)
		// Atoi takes a sign; cron (and the schema's pattern) does not.
		if err != nil || n < 1 || strings.ContainsAny(step, "+-") {
			return fmt.Errorf("step %q is not a whole number of at least 1", step)
		}
		if n > c.hi-c.lo+1 {
			return fmt.Errorf("step %d is larger than the field's range %d–%d", n, c.lo, c.hi)
		}
	}
	switch {
	case rng == "*":
		return nil
	case rng == "?":
		if !c.question {
			return fmt.Errorf("'?' is allowed only in day of month and day of week")
		}
		if hasStep {
			return fmt.Errorf("'?' takes no step")
		}
		return nil
	}
	lo, hi, isRange := strings.Cut(rng, "-")
	a, err := c.value(lo)
	if err != nil {
		return err
	}
	if !isRange {
		return nil
	}
	b, err := c.value(hi)
	if err != nil {
		return err
	}
	if a > b {
		return fmt.Errorf("range %d-%d runs backwards", a, b)
	}
	return nil
}

// value is one number or name within the field's range.
func (c cronField) value(v string) (int, error) {
	if n, ok := c.names[strings.ToLower(v)]; ok {
		return n, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || strings.ContainsAny(v, "+-") {
		if c.names != nil {
			return 0, fmt.Errorf("%q is neither a number from %d to %d nor a name such as %s", v, c.lo, c.hi, c.example())
		}
		return 0, fmt.Errorf("%q is not a number from %d to %d", v, c.lo, c.hi)
	}
	if n < c.lo || n > c.hi {
		return 0, fmt.Errorf("%d is out of range %d–%d", n, c.lo, c.hi)
	}
	return n, nil
}

func (c cronField) example() string {
	if c.lo == 1 {
		return "JAN"
	}
	return "MON"
}
