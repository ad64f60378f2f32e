// Package yamlout writes JSON-shaped values (what typed Kubernetes objects
// and the compose file marshal to) as block-style YAML, fast and exactly.
package yamlout

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
)

// Emit writes a JSON-shaped value (maps, slices, strings, integers,
// floats, booleans) as block-style YAML with sorted keys.
//
// Why not yaml.v3's encoder: on a 1,000-service spec it took 80% of the
// build (its reflection, natural-order key sort and libyaml-style emitter
// ran at about 3 MB/s) and broke the 1 s target. The outputs only ever
// hold JSON-shaped data, for which block YAML is small: a string is
// written plain when it cannot be read as anything else, double-quoted
// (Go escapes, all valid in YAML) otherwise, literal-block when it spans
// lines. Tests decode every generated file with yaml.v3 and compare it
// with the objects, and a fuzz test does the same for arbitrary strings.
func Emit(buf *bytes.Buffer, v any) {
	emitValue(buf, v, 0, true)
}

func emitValue(buf *bytes.Buffer, v any, indent int, afterDash bool) {
	switch t := v.(type) {
	case map[string]any:
		if len(t) == 0 {
			buf.WriteString(" {}\n")
			return
		}
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if !afterDash {
			buf.WriteByte('\n')
		}
		for i, k := range keys {
			if !(afterDash && i == 0) {
				pad(buf, indent)
			}
			if !writeKey(buf, k) {
				// An explicit key: YAML limits implicit keys to 1024
				// characters.
				buf.WriteByte('\n')
				pad(buf, indent)
			}
			buf.WriteByte(':')
			emitValue(buf, t[k], indent+2, false)
		}
	case []any:
		if len(t) == 0 {
			buf.WriteString(" []\n")
			return
		}
		buf.WriteByte('\n')
		for _, x := range t {
			pad(buf, indent)
			buf.WriteString("- ")
			if m, ok := x.(map[string]any); ok && len(m) > 0 {
				emitValue(buf, m, indent+2, true)
				continue
			}
			if s, ok := x.([]any); ok && len(s) > 0 {
				// A sequence inside a sequence: start it on its own line.
				buf.Truncate(buf.Len() - 1)
				emitValue(buf, s, indent+2, false)
				continue
			}
			emitScalar(buf, x, indent+2)
		}
	default:
		buf.WriteByte(' ')
		emitScalar(buf, v, indent)
	}
}

func emitScalar(buf *bytes.Buffer, v any, indent int) {
	switch t := v.(type) {
	case string:
		writeString(buf, t, indent)
	case int64:
		buf.WriteString(strconv.FormatInt(t, 10))
	case int:
		buf.WriteString(strconv.Itoa(t))
	case float64:
		buf.WriteString(strconv.FormatFloat(t, 'f', -1, 64))
	case bool:
		buf.WriteString(strconv.FormatBool(t))
	case map[string]any:
		buf.WriteString("{}")
	case []any:
		buf.WriteString("[]")
	default:
		buf.WriteString("null")
	}
	buf.WriteByte('\n')
}

func pad(buf *bytes.Buffer, n int) {
	for range n {
		buf.WriteByte(' ')
	}
}

// writeKey writes a mapping key: plain or double-quoted, never a block.
// A key too long to be implicit is written explicitly ("? key") and
// writeKey reports false: the caller then puts ":" on the next line.
func writeKey(buf *bytes.Buffer, k string) bool {
	q := k
	if !plain(k) {
		q = strconv.Quote(k)
	}
	if len(q) > 1000 {
		buf.WriteString("? " + q)
		return false
	}
	buf.WriteString(q)
	return true
}

// writeString writes a string plain, as a literal block, or double-quoted,
// whichever reads back as exactly the same string.
func writeString(buf *bytes.Buffer, s string, indent int) {
	switch {
	case plain(s):
		buf.WriteString(s)
	case literal(s):
		buf.WriteString("|")
		if !strings.HasSuffix(s, "\n") {
			buf.WriteString("-")
		}
		body := strings.TrimSuffix(s, "\n")
		for _, line := range strings.Split(body, "\n") {
			buf.WriteByte('\n')
			if line != "" {
				pad(buf, indent)
				buf.WriteString(line)
			}
		}
	default:
		buf.WriteString(strconv.Quote(s))
	}
}

// reserved are the words YAML 1.1 or 1.2 would read as booleans or null.
var reserved = map[string]bool{
	"true": true, "false": true, "yes": true, "no": true, "on": true, "off": true,
	"y": true, "n": true, "null": true, "~": true,
}

// plain reports whether s can be written without quotes: it starts with a
// letter, underscore or slash (so it is never a number, date or indicator),
// holds only characters with no YAML meaning, and is no reserved word.
func plain(s string) bool {
	if s == "" || reserved[strings.ToLower(s)] {
		return false
	}
	c := s[0]
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '/') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == '_' || c == '-' || c == '.' || c == '/' || c == '@' || c == '+' || c == '=':
		case c == ':' && i+1 < len(s) && s[i+1] != ' ':
		default:
			return false
		}
	}
	return true
}

// literal reports whether s reads back exactly from a literal block: it
// spans lines, holds no control characters or YAML line breaks other than
// \n, its first line does not start with a space (the first line fixes the
// block's indentation), no line is only spaces or ends in one, and it ends
// with at most one newline.
func literal(s string) bool {
	if !strings.Contains(s, "\n") || strings.HasSuffix(s, "\n\n") || strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\n") {
		return false
	}
	for _, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if strings.HasSuffix(line, " ") {
			return false
		}
		for _, r := range line {
			if r < 0x20 || r == 0x7f || r == 0xfeff || r == 0x85 || r == 0x2028 || r == 0x2029 {
				return false
			}
		}
	}
	return true
}
