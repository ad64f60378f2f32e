package terraform

import (
	"strings"
	"testing"
)

func TestIdent(t *testing.T) {
	for in, want := range map[string]string{
		"auth-db": "auth_db",
		"jobs":    "jobs",
		"1queue":  "_1queue",
	} {
		if got := ident(in); got != want {
			t.Errorf("ident(%q) = %q, want %q", in, got, want)
		}
	}
	if q := ident("ai.recommendation_jobs"); !strings.HasPrefix(q, "ai_recommendation_jobs_") || len(q) != len("ai_recommendation_jobs_")+6 {
		t.Errorf("queue identifier %q", q)
	}
	if ident("a.b") == ident("a_b") || ident("a.b") == ident("a/b") {
		t.Errorf("names that differ in punctuation share an identifier")
	}
	m := &module{}
	if a, b := m.uniqueIdent("db", "auth-db"), m.uniqueIdent("db", "auth_db"); a == b {
		t.Errorf("auth-db and auth_db share %s", a)
	}
}
