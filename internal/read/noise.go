package read

import "regexp"

// noise is what a code host's web page puts around a file when the file
// is copied from the browser: the mirror banner, the file size and line
// count, the language label, and the line-number gutter's bare pipes.
var noise = []struct {
	re     *regexp.Regexp
	reason string
}{
	{regexp.MustCompile(`^\s*\|\s*$`), "a bare | (the web view's line gutter)"},
	{regexp.MustCompile(`^mirror of\s*$`), "page header (mirror banner)"},
	{regexp.MustCompile(`^https?://\S+\s*$`), "page header (a bare URL)"},
	{regexp.MustCompile(`^synced \d{4}-\d\d-\d\d`), "page header (sync date)"},
	{regexp.MustCompile(`^\d+(\.\d+)? (B|KiB|MiB|KB|MB)\s*$`), "page header (file size)"},
	{regexp.MustCompile(`^\d+ lines?( \(\d+ loc\))?\s*$`), "page header (line count)"},
	{regexp.MustCompile(`^(Plaintext|Markdown|Mermaid|Text)\s*$`), "page header (language label)"},
	{regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d\s*$`), "page header (commit date)"},
}

// Noise returns why a line is web-page noise, or "".
func Noise(line string) string {
	for _, n := range noise {
		if n.re.MatchString(line) {
			return n.reason
		}
	}
	return ""
}
