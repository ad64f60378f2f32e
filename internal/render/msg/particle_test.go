package msg

import "testing"

// TestParticle: the particle follows the word's last sound, for Hangul,
// English names and digits.
func TestParticle(t *testing.T) {
	for _, c := range []struct{ word, c, v, want string }{
		{"postgresql-init", "이", "가", "postgresql-init이"},
		{"pgadmin", "으로", "로", "pgadmin으로"},
		{"koreacentral", "과", "와", "koreacentral과"},
		{"eastus", "과", "와", "eastus와"},
		{"서버", "을", "를", "서버를"},
		{"시간", "을", "를", "시간을"},
		{"서울", "으로", "로", "서울로"},
		{"job-7", "이", "가", "job-7이"},
		{"asm-1-26", "은", "는", "asm-1-26은"},
		{"node-2", "은", "는", "node-2는"},
		{"`url`", "이", "가", "`url`이"},
		{"registry", "이", "가", "registry가"},
		{"ACR", "이", "가", "ACR이"},
		{"NSG", "이", "가", "NSG가"},
		{"DB", "이", "가", "DB가"},
		{"AKS", "은", "는", "AKS는"},
		{"VM", "을", "를", "VM을"},
		{"URL", "으로", "로", "URL로"},
		{"v1.", "이", "가", "v1.이"},
		{"", "이", "가", "가"},
	} {
		if got := Particle(c.word, c.c, c.v); got != c.want {
			t.Errorf("Particle(%q, %q, %q) = %q, want %q", c.word, c.c, c.v, got, c.want)
		}
	}
}
