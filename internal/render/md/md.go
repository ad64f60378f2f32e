// Package md writes GitHub-flavoured Markdown: headings, paragraphs, lists,
// tables and code blocks, escaped so that any value stays in its cell.
package md

import (
	"strings"

	"github.com/physarch/physarch/internal/render/claim"
)

// Lang selects the document language.
type Lang string

// Languages physarch writes.
const (
	Ko Lang = "ko"
	En Lang = "en"
)

// T picks ko or en by the language, as Doc.T does, where no document is at
// hand (a plan element's text is written once per language).
func (l Lang) T(ko, en string) string {
	if l == En {
		return en
	}
	return ko
}

// Doc accumulates one Markdown document in one language.
type Doc struct {
	b    strings.Builder
	Lang Lang
	// heading is the last heading written: the section a claim recorded
	// now is printed under.
	heading string
	claims  []claim.Claim
}

// New starts a document.
func New(lang Lang) *Doc { return &Doc{Lang: lang} }

// T picks the text for the document's language.
func (d *Doc) T(ko, en string) string {
	return d.Lang.T(ko, en)
}

// H writes a heading.
func (d *Doc) H(level int, text string) {
	d.heading = oneLine(text)
	d.b.WriteString(strings.Repeat("#", level) + " " + oneLine(text) + "\n\n")
}

// P writes a paragraph.
func (d *Doc) P(text string) { d.b.WriteString(text + "\n\n") }

// List writes a bullet list.
func (d *Doc) List(items ...string) {
	for _, it := range items {
		d.b.WriteString("- " + oneLine(it) + "\n")
	}
	d.b.WriteString("\n")
}

// KV writes a two-column table of settings.
func (d *Doc) KV(keyHead, valHead string, rows ...[2]string) {
	t := make([][]string, len(rows))
	for i, r := range rows {
		t[i] = []string{r[0], r[1]}
	}
	d.Table([]string{keyHead, valHead}, t)
}

// Table writes a table; cells are escaped so '|' and newlines cannot break it.
func (d *Doc) Table(head []string, rows [][]string) {
	d.row(head)
	sep := make([]string, len(head))
	for i := range sep {
		sep[i] = "---"
	}
	d.b.WriteString("| " + strings.Join(sep, " | ") + " |\n")
	for _, r := range rows {
		d.row(r)
	}
	d.b.WriteString("\n")
}

func (d *Doc) row(cells []string) {
	esc := make([]string, len(cells))
	for i, c := range cells {
		esc[i] = strings.ReplaceAll(oneLine(c), "|", `\|`)
		if esc[i] == "" {
			esc[i] = "-"
		}
		// A cell that is a URL is an autolink: Markdown linters (MD034)
		// reject bare URLs, and renderers link it either way.
		if (strings.HasPrefix(esc[i], "https://") || strings.HasPrefix(esc[i], "http://")) && !strings.ContainsAny(esc[i], " <>") {
			esc[i] = "<" + esc[i] + ">"
		}
	}
	d.b.WriteString("| " + strings.Join(esc, " | ") + " |\n")
}

// Code writes a fenced code block.
func (d *Doc) Code(lang, body string) {
	d.b.WriteString("```" + lang + "\n" + strings.TrimRight(body, "\n") + "\n```\n\n")
}

// Claim records a configuration statement printed under the current
// heading (a row's first cell, or a list item) with the artifacts that
// realise it; see package claim.
func (d *Doc) Claim(id, text string, at ...claim.Locator) {
	d.claims = append(d.claims, claim.Claim{ID: id, Section: d.heading, Text: oneLine(text), At: at})
}

// Claims are the statements recorded so far, in order.
func (d *Doc) Claims() []claim.Claim { return d.claims }

// String returns the document with exactly one trailing newline.
func (d *Doc) String() string { return strings.TrimRight(d.b.String(), "\n") + "\n" }

func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}
