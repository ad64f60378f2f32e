package audit_test

import (
	"testing"

	"github.com/physarch/physarch/internal/audit"
	"github.com/physarch/physarch/internal/audit/facts"
)

// FuzzAudit runs extraction and every check on arbitrary input, as a
// Markdown document and as a diagram: bad input is reported, never a
// panic, and every finding quotes a line.
func FuzzAudit(f *testing.F) {
	f.Add([]byte("| 구성 요소 | 개발환경 | 운영환경 |\n|---|---|---|\n| AKS | $1 | $2–$3 |\n| 총합 | $1 | $5 |\n"), []byte("graph TB\nA[\"10.0.0.1\"]\n"))
	f.Add([]byte("구분 개발환경 운영환경\n비용 $1/월 $2/월\n가용성: 99.9% (월 4분 다운타임)\n3개 마이크로서비스 (2배) $1 $3\n"), []byte("graph TB\nsubgraph S[\"snet-a<br/>10.0.0.0/33\"]\nX[\"x-service<br/>replicas 2, HPA 9–1\"]\nend\n"))
	f.Add([]byte("hpa_configuration:\nx_service:\nmin_replicas: 99999999999999999999\n"), []byte("@startuml\nnode \"a\" as A {\n[b] --> [c] : TCP:5432\n"))
	reg := audit.Default()
	f.Fuzz(func(t *testing.T, doc, diagram []byte) {
		set := facts.Extract([]facts.Input{{Name: "physical-architecture-prod.md", Data: doc}, {Name: "network-prod.mmd", Data: diagram}, {Name: "x.puml", Data: diagram}})
		for _, fd := range reg.Run(set) {
			if len(fd.Quotes) == 0 || fd.Key == "" {
				t.Fatalf("%s without a quote: %s", fd.ID, fd.Message)
			}
		}
	})
}
