package terraform

import (
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// layout sets the whitespace of one top-level block's tokens the way
// terraform fmt (hclwrite's formatter) does, for the token shapes this
// package writes: identifiers, quoted strings, numbers, references, lists,
// objects, type constraints such as map(string) and nested blocks. It reports false, and changes nothing that
// matters, when it meets anything else (for-expressions, templates,
// comments, non-ASCII names); the caller then lets hclwrite format.
//
// Why: hclwrite's formatter counts grapheme clusters of every attribute
// name with a fresh bufio.Scanner (4 KB each); that was 60% of rendering
// and kept an example over its 20 ms budget. TestLayoutMatchesHCLWrite
// compares every generated block with hclwrite's own formatting.
func layout(toks hclwrite.Tokens) bool {
	for _, t := range toks {
		switch t.Type {
		case hclsyntax.TokenIdent, hclsyntax.TokenEqual, hclsyntax.TokenOQuote, hclsyntax.TokenQuotedLit,
			hclsyntax.TokenCQuote, hclsyntax.TokenNumberLit, hclsyntax.TokenOBrace, hclsyntax.TokenCBrace,
			hclsyntax.TokenOBrack, hclsyntax.TokenCBrack, hclsyntax.TokenComma, hclsyntax.TokenDot,
			hclsyntax.TokenNewline, hclsyntax.TokenMinus, hclsyntax.TokenEOF,
			hclsyntax.TokenOParen, hclsyntax.TokenCParen:
		default:
			return false
		}
	}
	type line struct {
		toks   hclwrite.Tokens
		assign int // index of the aligned "=", or -1
	}
	var lines []line
	start := 0
	for i, t := range toks {
		if t.Type == hclsyntax.TokenNewline || i == len(toks)-1 {
			lines = append(lines, line{toks: toks[start : i+1], assign: -1})
			start = i + 1
		}
	}
	depth := 0
	for li := range lines {
		l := &lines[li]
		if l.toks[0].Type == hclsyntax.TokenNewline || l.toks[0].Type == hclsyntax.TokenEOF {
			l.toks[0].SpacesBefore = 0
			continue
		}
		net := 0
		for _, t := range l.toks {
			net += bracketChange(t)
		}
		if net < 0 {
			depth += net
		}
		if depth < 0 {
			return false
		}
		l.toks[0].SpacesBefore = 2 * depth
		if net > 0 {
			depth += net
		}
		for i := 1; i < len(l.toks); i++ {
			l.toks[i].SpacesBefore = spaces(l.toks[i-1], l.toks[i], before(l.toks, i-1))
		}
		for i, t := range l.toks {
			if i > 0 && t.Type == hclsyntax.TokenEqual {
				rest := 0
				for _, u := range l.toks[i:] {
					rest += bracketChange(u)
				}
				if rest == 0 {
					l.assign = i
					t.SpacesBefore = 1
				}
				break
			}
		}
	}
	// Align the "=" of consecutive assignments.
	for i := 0; i < len(lines); {
		if lines[i].assign < 0 {
			i++
			continue
		}
		j, width := i, 0
		for ; j < len(lines) && lines[j].assign >= 0; j++ {
			w, ok := columns(lines[j].toks[:lines[j].assign])
			if !ok {
				return false
			}
			width = max(width, w)
		}
		for k := i; k < j; k++ {
			w, _ := columns(lines[k].toks[:lines[k].assign])
			lines[k].toks[lines[k].assign].SpacesBefore = width - w + 1
		}
		i = j
	}
	return true
}

func before(toks hclwrite.Tokens, i int) *hclwrite.Token {
	if i == 0 {
		return nil
	}
	return toks[i-1]
}

// columns is the width of ASCII tokens; false for anything wider.
func columns(toks hclwrite.Tokens) (int, bool) {
	n := 0
	for _, t := range toks {
		n += t.SpacesBefore
		for _, b := range t.Bytes {
			if b >= 0x80 {
				return 0, false
			}
		}
		n += len(t.Bytes)
	}
	return n, true
}

func bracketChange(t *hclwrite.Token) int {
	switch t.Type {
	case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenOParen:
		return 1
	case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen:
		return -1
	}
	return 0
}

// spaces is terraform fmt's spacing between two tokens of one line, for
// the token types layout accepts.
func spaces(subject, after, prev *hclwrite.Token) int {
	s, a := subject.Type, after.Type
	switch {
	case a == hclsyntax.TokenNewline || a == hclsyntax.TokenEOF:
		return 0
	case s == hclsyntax.TokenDot || a == hclsyntax.TokenDot:
		return 0
	case a == hclsyntax.TokenComma:
		return 0
	case s == hclsyntax.TokenComma:
		return 1
	case s == hclsyntax.TokenQuotedLit || s == hclsyntax.TokenOQuote || a == hclsyntax.TokenQuotedLit || a == hclsyntax.TokenCQuote:
		return 0
	case a == hclsyntax.TokenOParen && s == hclsyntax.TokenIdent:
		return 0
	case a == hclsyntax.TokenOBrack && (s == hclsyntax.TokenIdent || s == hclsyntax.TokenNumberLit || bracketChange(subject) < 0):
		return 0
	case s == hclsyntax.TokenMinus:
		if prev == nil {
			return 0
		}
		switch prev.Type {
		case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenEqual, hclsyntax.TokenComma, hclsyntax.TokenMinus:
			return 0
		}
		return 1
	case s == hclsyntax.TokenOBrace || a == hclsyntax.TokenCBrace:
		if s == hclsyntax.TokenOBrace && a == hclsyntax.TokenCBrace {
			return 0
		}
		return 1
	case bracketChange(subject) > 0, bracketChange(after) < 0:
		return 0
	}
	return 1
}
