package msg

import (
	"regexp"
	"strings"
	"unicode"
)

// The rule of the Korean-language test (README, "Testing"): in a Korean
// document, prose holds no English phrase, that is no two or more
// consecutive plain lowercase English words. Exempt, because a Korean
// architect writes them as they are:
//   - code blocks and code spans, URLs and HTML comments; but a comment in
//     a code block (after "# ", "// " or "-- ") is prose, since a reader
//     reads it as a sentence;
//   - identifiers, SKUs, resource names, paths, units and figures: a token
//     with a digit, a capital letter after its first, or one of _ - . / = : @
//     inside it is not a plain word (Standard_D4s_v3, snet-aks, req/s, 1.2+);
//   - capitalised words: Azure product and feature names (Application
//     Gateway, Front Door, Key Vault) and acronyms are written in English by
//     Korean architects too; a lowercase word between two of them (the "for"
//     of "Azure Cache for Redis") is one word alone, not a phrase.
//
// An English document has no Hangul at all.

var (
	fence     = regexp.MustCompile("(?ms)^```.*?^```[ \t]*$")
	codeSpan  = regexp.MustCompile("`[^`\n]*`")
	url       = regexp.MustCompile(`(?i)\b(?:https?://|[a-z0-9-]+\.)[^\s|)]*`)
	comment   = regexp.MustCompile(`(?s)<!--.*?-->`)
	plainWord = regexp.MustCompile(`^[a-z]+$`)
	// quoted is a string in a code line, blanked before looking for a
	// comment: echo "a # b" holds none.
	quoted = regexp.MustCompile(`"[^"]*"|'[^']*'`)
)

// commentMarkers are the comment markers of a fenced block's language;
// a language without one (text, mermaid, json) has no comments to read.
var commentMarkers = markers()

func markers() map[string]*regexp.Regexp {
	commentMarkers := map[string]*regexp.Regexp{}
	// A marker at the line's start or after a blank, followed by a
	// blank, so that "a#b", "https://x/#y" and "--name" are no comments.
	marker := func(m string) *regexp.Regexp { return regexp.MustCompile(`(?:^|\s)` + m + ` (.*)$`) }
	hash, dash, slash := marker("#"), marker("--"), marker("//")
	for _, l := range []string{"", "sh", "bash", "shell", "console", "yaml", "yml", "hcl", "terraform", "tf", "toml", "ini", "dockerfile", "python"} {
		commentMarkers[l] = hash
	}
	for _, l := range []string{"sql", "psql", "pgsql"} {
		commentMarkers[l] = dash
	}
	for _, l := range []string{"kusto", "kql", "go", "js", "javascript", "ts", "typescript", "java"} {
		commentMarkers[l] = slash
	}
	return commentMarkers
}

// prose is a document with the exempt parts blanked out, line by line;
// blanked code keeps its lines, so line numbers are the document's.
func prose(doc string) []string {
	doc = fence.ReplaceAllStringFunc(doc, codeComments)
	doc = comment.ReplaceAllStringFunc(doc, keepLines)
	doc = codeSpan.ReplaceAllString(doc, " ")
	doc = url.ReplaceAllString(doc, " ")
	return strings.Split(doc, "\n")
}

// codeComments is a fenced block reduced to its comments, one a line.
func codeComments(block string) string {
	lines := strings.Split(block, "\n")
	lang := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(lines[0], "```")))
	re := commentMarkers[lang]
	for i, l := range lines {
		var m []string
		if re != nil && i > 0 && i < len(lines)-1 {
			m = re.FindStringSubmatch(quoted.ReplaceAllStringFunc(l, blank))
		}
		if m == nil {
			lines[i] = ""
			continue
		}
		lines[i] = m[1]
	}
	return strings.Join(lines, "\n")
}

// keepLines is s reduced to its line breaks, so that the lines after it
// keep their numbers.
func keepLines(s string) string { return strings.Repeat("\n", strings.Count(s, "\n")) }

// blank is s as spaces, so that what follows keeps its place.
func blank(s string) string { return strings.Repeat(" ", len(s)) }

// EnglishPhrases returns the English phrases in a Korean document's prose,
// each as "line N: phrase", in document order.
func EnglishPhrases(doc string) []string {
	var out []string
	for i, line := range prose(doc) {
		var run []string
		flush := func() {
			if len(run) >= 2 {
				out = append(out, "line "+Int(i+1)+": "+strings.Join(run, " "))
			}
			run = nil
		}
		// "snapshot(2026-12-01" is a word and a figure: split at the
		// parenthesis, so the word counts.
		for _, tok := range strings.Fields(strings.ReplaceAll(line, "(", " (")) {
			left := strings.TrimLeft(tok, "(\"'[<")
			w := strings.TrimRight(left, ")\"'],;:.!?>")
			if plainWord.MatchString(w) {
				run = append(run, w)
				// punctuation after a word ends the phrase it belongs to, so
				// a list of names (carts, orders) is single words
				if w != left {
					flush()
				}
				continue
			}
			flush()
		}
		flush()
	}
	return out
}

// Hangul returns the lines of an English document that hold Hangul.
func Hangul(doc string) []string {
	var out []string
	for i, line := range strings.Split(doc, "\n") {
		for _, r := range line {
			if unicode.Is(unicode.Hangul, r) {
				out = append(out, "line "+Int(i+1)+": "+line)
				break
			}
		}
	}
	return out
}

// ungrouped is a dollar amount of four or more whole digits with no
// thousands separator ($6000, +$1242.36).
var ungrouped = regexp.MustCompile(`\$[0-9]{4,}`)

// UngroupedDollars returns the dollar amounts a document's prose (either
// language) writes without thousands separators, each as "line N: $6000":
// both languages group thousands (USD). Code is exempt: a command or a
// file prints figures as its tool reads them.
func UngroupedDollars(doc string) []string {
	// Not prose(): its URL pattern also blanks decimals ("1242.36").
	doc = fence.ReplaceAllStringFunc(doc, keepLines)
	doc = comment.ReplaceAllStringFunc(doc, keepLines)
	doc = codeSpan.ReplaceAllString(doc, " ")
	var out []string
	for i, line := range strings.Split(doc, "\n") {
		for _, m := range ungrouped.FindAllString(line, -1) {
			out = append(out, "line "+Int(i+1)+": "+m)
		}
	}
	return out
}
