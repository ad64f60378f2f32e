// Package read holds what the package readers (markdown, mermaid,
// plantuml) share: a line that was skipped and why. The readers are
// tolerant: a package copied from a web page carries header lines and
// stray gutter characters, and a reader reads what it can and reports the
// rest instead of failing.
package read

import (
	"fmt"
	"strings"
)

// Skip is a line a reader could not read, kept so that the audit can say
// what it ignored.
type Skip struct {
	Line   int    `json:"line"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// MaxLine bounds a line the readers parse: some parsers are quadratic
// in a line's length (goldmark's link destinations, an error's column),
// and no line of a package is near this long. Longer lines are skipped
// and reported.
const MaxLine = 16 << 10

// LongLine is the Skip for a line over MaxLine.
func LongLine(n int, l string) Skip {
	return Skip{Line: n, Text: strings.ToValidUTF8(l[:min(len(l), 80)], ""), Reason: fmt.Sprintf("a line of %d bytes (at most %d are read)", len(l), MaxLine)}
}

// Normalize drops a UTF-8 byte order mark and ends every line with \n.
func Normalize(src []byte) []byte {
	s := strings.TrimPrefix(string(src), "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return []byte(s)
}

// Lines splits a file into lines without their line ends (\n, \r\n, or a
// lone \r as classic Mac files end them), so that line numbers match what
// an editor shows. A byte order mark is dropped, as editors and Mermaid
// and PlantUML do.
func Lines(src []byte) []string {
	s := string(Normalize(src))
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
