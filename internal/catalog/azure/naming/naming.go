// Package naming turns the names physarch wants into names the platforms
// accept. Each Azure resource type and Kubernetes kind has one Rule
// (length, characters, first and last character, hyphen rules, global
// uniqueness) and one function that derives a valid name from the wanted
// one and says when, and why, it had to change it. The rules cite where
// they come from; Valid checks a name against them, for tests and checks.
package naming

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// class is a set of characters, as the naming rules describe them.
type class uint16

const (
	lower class = 1 << iota
	upper
	digit
	hyphen
	underscore
	period
	slash
	tilde
	paren

	letter = lower | upper
	alnum  = letter | digit
)

func (c class) has(b byte) bool {
	switch {
	case b >= 'a' && b <= 'z':
		return c&lower != 0
	case b >= 'A' && b <= 'Z':
		return c&upper != 0
	case b >= '0' && b <= '9':
		return c&digit != 0
	case b == '-':
		return c&hyphen != 0
	case b == '_':
		return c&underscore != 0
	case b == '.':
		return c&period != 0
	case b == '/':
		return c&slash != 0
	case b == '~':
		return c&tilde != 0
	case b == '(' || b == ')':
		return c&paren != 0
	}
	return false
}

// String spells a class the way error messages and documents do.
func (c class) String() string {
	var parts []string
	switch {
	case c&letter == letter:
		parts = append(parts, "letters")
	case c&lower != 0:
		parts = append(parts, "lowercase letters")
	case c&upper != 0:
		parts = append(parts, "uppercase letters")
	}
	if c&digit != 0 {
		parts = append(parts, "digits")
	}
	for _, p := range []struct {
		c    class
		name string
	}{{hyphen, "hyphens"}, {underscore, "underscores"}, {period, "periods"}, {slash, "slashes"}, {tilde, "tildes"}, {paren, "parentheses"}} {
		if c&p.c != 0 {
			parts = append(parts, p.name)
		}
	}
	return strings.Join(parts, ", ")
}

// Korean spells a class the way the Korean documents do.
func (c class) Korean() string {
	var parts []string
	switch {
	case c&letter == letter:
		parts = append(parts, "영문자")
	case c&lower != 0:
		parts = append(parts, "영문 소문자")
	case c&upper != 0:
		parts = append(parts, "영문 대문자")
	}
	if c&digit != 0 {
		parts = append(parts, "숫자")
	}
	for _, p := range []struct {
		c    class
		name string
	}{{hyphen, "하이픈"}, {underscore, "밑줄"}, {period, "마침표"}, {slash, "슬래시"}, {tilde, "물결표"}, {paren, "괄호"}} {
		if c&p.c != 0 {
			parts = append(parts, p.name)
		}
	}
	return strings.Join(parts, ", ")
}

// Rule is what one platform accepts as the name of one kind of resource.
type Rule struct {
	Kind     string // "Key Vault", "Kubernetes namespace"
	Min, Max int    // length in characters (all allowed characters are ASCII)
	chars    class  // every character
	first    class  // the first character
	last     class  // the last character
	// noDoubleHyphen: "--" is refused (Key Vault, Redis, DNS labels
	// are not, but the platform says so for these).
	noDoubleHyphen bool
	// dotLabels: every part between periods must itself start and end
	// with the first and last characters (DNS subdomains).
	dotLabels bool
	// badSuffixes are endings the platform refuses (Service Bus: -sb, -mgmt).
	badSuffixes []string
	// Global: the name must be unique across Azure (it becomes a DNS name),
	// so a valid name can still be taken.
	Global bool
	// Source is where the rule is written down.
	Source string
}

// Name is a derived name: what was wanted, what the platform gets, and why
// they differ (empty when they do not).
type Name struct {
	Kind   string
	Wanted string
	Got    string
	Why    string
	// WhyKo is Why in Korean, for the Korean documents.
	WhyKo string
}

// Changed reports whether the derived name differs from the wanted one.
func (n Name) Changed() bool { return n.Got != n.Wanted }

// Valid reports whether a name satisfies the rule, and if not, the first
// reason why.
func (r Rule) Valid(name string) error {
	if len(name) < r.Min || len(name) > r.Max {
		return fmt.Errorf("%s name %q has %d characters; %d to %d are allowed", r.Kind, name, len(name), r.Min, r.Max)
	}
	if name == "" {
		return nil
	}
	for i := 0; i < len(name); i++ {
		if !r.chars.has(name[i]) {
			return fmt.Errorf("%s name %q contains %q; only %s are allowed", r.Kind, name, name[i], r.chars)
		}
	}
	if !r.first.has(name[0]) {
		return fmt.Errorf("%s name %q must start with one of: %s", r.Kind, name, r.first)
	}
	if !r.last.has(name[len(name)-1]) {
		return fmt.Errorf("%s name %q must end with one of: %s", r.Kind, name, r.last)
	}
	if r.dotLabels {
		for _, part := range strings.Split(name, ".") {
			if part == "" || !r.first.has(part[0]) || !r.last.has(part[len(part)-1]) {
				return fmt.Errorf("%s name %q has a part between periods that is empty or does not start and end with: %s", r.Kind, name, r.last)
			}
		}
	}
	if r.noDoubleHyphen && strings.Contains(name, "--") {
		return fmt.Errorf("%s name %q contains consecutive hyphens", r.Kind, name)
	}
	for _, s := range r.badSuffixes {
		if strings.HasSuffix(name, s) {
			return fmt.Errorf("%s name %q must not end with %q", r.Kind, name, s)
		}
	}
	return nil
}

// hashLen is how many hex digits of SHA-256 a shortened or padded name
// carries: 24 bits, so two long names that share a prefix stay distinct.
const hashLen = 6

// shortHash is a stable digest of the whole wanted name.
func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])[:hashLen]
}

// Derive turns a wanted name into one the rule accepts: it fixes the case
// and the characters, trims what may not start or end a name, and when
// the name is too long keeps its start plus a short stable hash of the
// whole wanted name (too short: appends the hash). A valid wanted name is
// returned unchanged.
func (r Rule) Derive(wanted string) Name {
	n := Name{Kind: r.Kind, Wanted: wanted, Got: wanted}
	if r.Valid(wanted) == nil {
		return n
	}
	var why, whyKo []string
	note := func(s, ko string) {
		for _, w := range why {
			if w == s {
				return
			}
		}
		why = append(why, s)
		whyKo = append(whyKo, ko)
	}
	s := wanted
	if r.chars&upper == 0 && strings.ToLower(s) != s {
		s = strings.ToLower(s)
		note("lowercased", "소문자로 변환")
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case r.chars.has(c):
			b.WriteByte(c)
		case r.chars&hyphen != 0:
			b.WriteByte('-')
			note(fmt.Sprintf("characters other than %s replaced by hyphens", r.chars), fmt.Sprintf("%s 외의 문자를 하이픈으로 바꿈", r.chars.Korean()))
		default:
			note(fmt.Sprintf("characters other than %s removed", r.chars), fmt.Sprintf("%s 외의 문자를 제거", r.chars.Korean()))
		}
	}
	s = b.String()
	if r.noDoubleHyphen && strings.Contains(s, "--") {
		for strings.Contains(s, "--") {
			s = strings.ReplaceAll(s, "--", "-")
		}
		note("consecutive hyphens collapsed", "연속된 하이픈을 하나로 합침")
	}
	if r.dotLabels {
		var parts []string
		for _, part := range strings.Split(s, ".") {
			if part = r.trim(part); part != "" {
				parts = append(parts, part)
			}
		}
		if t := strings.Join(parts, "."); t != s {
			s = t
			note("parts between periods trimmed", "마침표 사이의 각 부분을 다듬음")
		}
	}
	if t := r.trim(s); t != s {
		s = t
		note("characters not allowed at the start or end removed", "처음이나 끝에 올 수 없는 문자를 제거")
	}
	sep := ""
	if r.chars&hyphen != 0 {
		sep = "-"
	}
	h := shortHash(wanted)
	join := func(base string) string {
		if base == "" {
			return h
		}
		return base + sep + h
	}
	suffixed := false
	for _, bad := range r.badSuffixes {
		if strings.HasSuffix(s, bad) {
			suffixed = true
			note(fmt.Sprintf("may not end with %q: a hash of the wanted name appended", bad), fmt.Sprintf("%q(으)로 끝날 수 없어 원래 이름의 해시를 덧붙임", bad))
		}
	}
	switch {
	case len(s) > r.Max || (suffixed && len(s)+len(sep)+hashLen > r.Max):
		s = join(r.trim(s[:max(0, r.Max-len(sep)-hashLen)]))
		note(fmt.Sprintf("shortened to at most %d characters, ending in a hash of the wanted name", r.Max), fmt.Sprintf("최대 %d자로 줄이고 끝에 원래 이름의 해시를 붙임", r.Max))
	case len(s) < r.Min:
		s = join(s)
		note(fmt.Sprintf("padded to at least %d characters with a hash of the wanted name", r.Min), fmt.Sprintf("원래 이름의 해시를 붙여 최소 %d자로 늘림", r.Min))
	case suffixed:
		s = join(s)
	}
	if s != "" && !r.first.has(s[0]) {
		// Only the hash is left, and it starts with a digit where a
		// letter is required.
		s = "n" + s
	}
	if r.Valid(s) != nil {
		// Every rule accepts a letter and hex digits; this is the last
		// resort, and the property tests make sure it is never needed.
		s = "n" + shortHash(wanted)
		note("replaced by a hash of the wanted name", "원래 이름의 해시로 대체")
	}
	n.Got = s
	n.Why = strings.Join(why, "; ")
	n.WhyKo = strings.Join(whyKo, "; ")
	return n
}

// trim removes characters that may not start or end a name (and, where
// "--" is refused, the hyphens a cut may leave at the end).
func (r Rule) trim(s string) string {
	for s != "" && !r.first.has(s[0]) {
		s = s[1:]
	}
	for s != "" && !r.last.has(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	if r.dotLabels {
		// A cut may end a part: "a.-b" cut after "-" leaves "a.-".
		for strings.HasSuffix(s, ".") || strings.Contains(s, ".-") {
			s = strings.TrimRight(strings.ReplaceAll(s, ".-", "."), ".")
		}
	}
	return s
}
