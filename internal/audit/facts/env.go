package facts

import (
	"regexp"
	"strings"
)

// envWords names environments as the documents do, in Korean and English.
var envWords = regexp.MustCompile(`(?i)(개발\s?환경|운영\s?환경|스테이징|\bdev\b|\bdevelopment\b|\bprod\b|\bproduction\b|\bstaging\b|\bstage\b)`)

// envWord maps one word to an environment name, or "".
func envWord(w string) string {
	switch strings.ToLower(strings.ReplaceAll(w, " ", "")) {
	case "개발환경", "dev", "development", "개발":
		return "dev"
	case "운영환경", "prod", "production", "운영":
		return "prod"
	case "스테이징", "staging", "stage":
		return "staging"
	}
	return ""
}

// envsIn lists the environments a text names, in order, with their offsets.
func envsIn(s string) []struct {
	env string
	at  int
} {
	var out []struct {
		env string
		at  int
	}
	for _, m := range envWords.FindAllStringIndex(s, -1) {
		if e := envWord(s[m[0]:m[1]]); e != "" {
			out = append(out, struct {
				env string
				at  int
			}{e, m[0]})
		}
	}
	return out
}

// soleEnv is the one environment a text names, or "" for none or several.
func soleEnv(s string) string {
	env := ""
	for _, e := range envsIn(s) {
		if env != "" && env != e.env {
			return ""
		}
		env = e.env
	}
	return env
}

// columnEnvs maps a table header's columns to environments.
func columnEnvs(header []string) map[int]string {
	out := map[int]string{}
	taken := map[string]bool{}
	for i, h := range header {
		// A second column of one environment ("운영환경 (3년 예약 시)") is a
		// what-if, not the environment's figure.
		if e := soleEnv(h); e != "" && i > 0 && !taken[e] {
			out[i] = e
			taken[e] = true
		}
	}
	return out
}
