package naming

import (
	"strings"
	"testing"
	"unicode"
)

// TestEveryReasonHasItsKoreanTwin: a changed name says why in both
// languages, reason for reason (the Korean documents print WhyKo), and
// the Korean reason is Korean.
func TestEveryReasonHasItsKoreanTwin(t *testing.T) {
	for _, c := range []struct {
		n    Name
		want string
	}{
		{KeyVault("kv-kt-event-marketing-prod"), "최대 24자로 줄이고 끝에 원래 이름의 해시를 붙임"},
		{KeyVault("KV_Shop--Prod"), "외의 문자를 하이픈으로 바꿈; 연속된 하이픈을 하나로 합침"},
		{ActionGroupShort("staging-alerts"), "최대 12자로"},
	} {
		if !c.n.Changed() {
			t.Fatalf("%s %q: unchanged, want a derived name", c.n.Kind, c.n.Wanted)
		}
		en, ko := strings.Split(c.n.Why, "; "), strings.Split(c.n.WhyKo, "; ")
		if len(en) != len(ko) {
			t.Errorf("%s %q: %d reasons %q, %d Korean ones %q", c.n.Kind, c.n.Wanted, len(en), c.n.Why, len(ko), c.n.WhyKo)
		}
		if !strings.Contains(c.n.WhyKo, c.want) {
			t.Errorf("%s %q: Korean reason %q, want it to hold %q", c.n.Kind, c.n.Wanted, c.n.WhyKo, c.want)
		}
		for _, r := range ko {
			if !strings.ContainsFunc(r, func(c rune) bool { return unicode.Is(unicode.Hangul, c) }) {
				t.Errorf("%s %q: Korean reason %q holds no Hangul", c.n.Kind, c.n.Wanted, r)
			}
		}
	}
}
