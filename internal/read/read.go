// Package read holds what the package readers (markdown, mermaid,
// plantuml) share: a line that was skipped and why. The readers are
// tolerant: a package copied from a web page carries header lines and
// stray gutter characters, and a reader reads what it can and reports the
// rest instead of failing.
package read

import "strings"

// Skip is a line a reader could not read, kept so that the audit can say
// what it ignored.
type Skip struct {
	Line   int    `json:"line"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Lines splits a file into lines without their line ends (\n or \r\n), so
// that line numbers match what an editor shows.
func Lines(src []byte) []string {
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
