package msg

import "strings"

// Term is one concept of the glossary: the one Korean word the documents
// use for it, and the variants a Korean document must not use instead.
type Term struct {
	Concept   string
	Preferred string
	Avoid     []string
}

// Glossary is the documents' vocabulary: one Korean term per concept,
// used by every renderer. "구독" is kept for a topic's subscription: a
// queue's messages are received (수신) or consumed (소비).
var Glossary = []Term{
	{"autoscaling", "자동 스케일링", []string{"자동 확장", "오토스케일러", "오토스케일링", "오토스케일 "}},
	{"managed identity", "관리형 ID", []string{"managed identity", "관리 ID"}},
	{"private endpoint", "프라이빗 엔드포인트", []string{"Private Endpoint", "private endpoint", "사설 엔드포인트"}},
	{"tier", "계층", []string{"티어"}},
	{"secret", "시크릿", []string{"비밀 저장소", "비밀 "}},
	{"private cluster", "프라이빗 클러스터", []string{"비공개 클러스터"}},
	{"pay-as-you-go", "종량제", []string{"정규 가격"}},
	{"origin (of Front Door)", "원본", []string{"오리진"}},
	{"window of planned upgrades", "유지보수 시간대", []string{"유지보수 창"}},
	{"Key Vault", "Key Vault", []string{"자격 증명 모음", "볼트"}},
}

// GlossaryViolations returns, for a Korean document, each variant it uses
// in place of a glossary term, as "variant → preferred". Headings are
// exempt: the package format (shared/reference/package-format.md) fixes
// their wording, such as "7.3.1 Private Endpoints".
func GlossaryViolations(doc string) []string {
	var out []string
	var lines []string
	for _, l := range prose(doc) {
		if !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	text := strings.Join(lines, "\n")
	for _, t := range Glossary {
		for _, v := range t.Avoid {
			if strings.Contains(text, v) {
				out = append(out, v+" → "+t.Preferred)
			}
		}
	}
	return out
}
