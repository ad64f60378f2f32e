package spec

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a place in a source file. Values a profile supplied point into the
// profile ("profile dev").
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"column"`
}

// Before orders positions by file, line and column.
func (p Pos) Before(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is one problem in the input, with where it is and how to fix it.
type Error struct {
	Pos  Pos    `json:"pos"`
	Msg  string `json:"message"`
	Hint string `json:"hint,omitempty"`
}

func (e Error) Error() string {
	s := e.Pos.String() + ": " + e.Msg
	if e.Hint != "" {
		s += " (hint: " + e.Hint + ")"
	}
	return s
}

// Errors is every problem found in one run, in file order.
type Errors []Error

func (l Errors) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Sorted returns the errors in file, line, column order without duplicates,
// so the same input always reports the same way.
func (l Errors) Sorted() Errors {
	out := append(Errors(nil), l...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pos.Before(out[j].Pos) })
	dedup := out[:0]
	for i, e := range out {
		if i > 0 && e == out[i-1] {
			continue
		}
		dedup = append(dedup, e)
	}
	return dedup
}

// Err returns nil for an empty list so callers can write `if err := l.Err()`.
func (l Errors) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l.Sorted()
}

// MaxErrors is how many errors one run reports; beyond it the rest are
// counted, not listed (a spec with thousands of errors has one or two
// mistakes repeated).
const MaxErrors = 200

// capped keeps the first MaxErrors errors and says how many were left out.
func (l Errors) capped() Errors {
	if len(l) <= MaxErrors {
		return l
	}
	out := append(Errors(nil), l[:MaxErrors]...)
	return append(out, Error{Pos: Pos{File: l[MaxErrors].Pos.File}, Msg: fmt.Sprintf("and %d more errors, not listed", len(l)-MaxErrors), Hint: "fix the ones above first; they are often one mistake repeated"})
}
