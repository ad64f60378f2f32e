package msg

import (
	"strings"
	"unicode"
)

// Particle returns word followed by the Korean particle its last sound
// asks for: after a final consonant the first form (이, 을, 은, 과, 으로),
// after a vowel the second (가, 를, 는, 와, 로); 으로/로 also takes 로
// after ㄹ. Names are often English or digits: a final letter or digit
// is read as Koreans read it (pgadmin → 어드민, job-7 → 칠, an acronym
// letter by letter: ACR → 알).
func Particle(word, consonant, vowel string) string {
	final, rieul := finalSound(word)
	switch {
	case consonant == "으로" && rieul:
		return word + vowel
	case final:
		return word + consonant
	}
	return word + vowel
}

// ParticleOf is only the particle Particle would put after word, for a
// particle that follows a parenthesis after the word.
func ParticleOf(word, consonant, vowel string) string {
	return strings.TrimPrefix(Particle(word, consonant, vowel), word)
}

// finalSound says whether word ends in a consonant sound, and whether
// that consonant is ㄹ.
func finalSound(word string) (final, rieul bool) {
	w := strings.TrimRight(word, ")]}`'\" .,")
	if w == "" {
		return false, false
	}
	r := []rune(w)
	last := r[len(r)-1]
	switch {
	case last >= 0xAC00 && last <= 0xD7A3:
		jong := (last - 0xAC00) % 28
		return jong != 0, jong == 8
	case unicode.IsDigit(last):
		// 영 일 이 삼 사 오 육 칠 팔 구
		return strings.ContainsRune("013678", last), strings.ContainsRune("178", last)
	case last <= unicode.MaxASCII && unicode.IsUpper(last) && (len(r) == 1 || !unicode.IsLower(r[len(r)-2])):
		// An acronym is read letter by letter: ACR → 에이씨알, NSG → 엔에스지;
		// of the letters' names only 엘, 엠, 엔 and 알 end in a consonant.
		return strings.ContainsRune("LMNR", last), last == 'L' || last == 'R'
	case unicode.IsLetter(last):
		l := unicode.ToLower(last)
		if l == 'l' {
			return true, true
		}
		// b c d g k m n p t read with a final consonant (잡, 싱크, 어드민,
		// 이닛); the others end in a vowel (e, o, y, r: 어, 오, 이, 어).
		return strings.ContainsRune("bcdgkmnpt", l), false
	}
	return false, false
}
