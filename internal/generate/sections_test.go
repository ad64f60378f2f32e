package generate

import (
	"path"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/component/postgresql"
	"github.com/physarch/physarch/internal/component/redis"
	"github.com/physarch/physarch/internal/component/servicebus"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan"
)

// The sections shared/reference/package-format.md lists for each document,
// by number and Korean title (a heading must start with the number and
// contain the title).
var (
	devSections = []string{
		"1. 개요", "1.1 설계 목적", "1.2 설계 원칙", "1.3 참조 아키텍처",
		"2. 개발환경 아키텍처 개요", "2.1 환경 특성", "2.2 전체 아키텍처",
		"3. 컴퓨팅 아키텍처", "3.1.1 클러스터 설정", "3.1.2 노드 풀 구성", "3.2.1 애플리케이션 서비스", "3.2.2 백킹 서비스", "3.2.3 스토리지 클래스 구성",
		"4. 네트워크 아키텍처", "4.1.1 네트워크 토폴로지", "4.1.2 네트워크 보안", "4.2 서비스 디스커버리",
		"5. 데이터 아키텍처", "5.1.1 PostgreSQL", "5.1.2 Redis", "5.2.1 데이터 초기화", "5.2.2 백업 전략",
		"6. 메시징 아키텍처", "6.1.1 Service Bus", "6.1.2 연결 설정",
		"7. 보안 아키텍처", "7.1.1 기본 보안 설정", "7.1.2 시크릿 관리", "7.2.1 Network Policy",
		"8. 모니터링 및 로깅", "8.1.1 Kubernetes 모니터링", "8.1.2 헬스 체크", "8.2.1 로그 수집",
		"9. 배포 관련 컴포넌트",
		"10. 비용 최적화", "10.1.1 주요 비용 요소", "10.1.2 비용 절약 전략",
		"11. 개발환경 운영 가이드", "11.1.1", "11.1.2", "11.2.1",
		"12. 개발환경 특성 요약",
	}
	prodSections = []string{
		"1. 개요", "1.1", "1.2 설계 원칙", "1.3 참조 아키텍처",
		"2. 운영환경 아키텍처 개요", "2.1 환경 특성", "2.2 전체 아키텍처",
		"3. 컴퓨팅 아키텍처", "3.1.1 클러스터 설정", "3.1.2 노드 풀 구성", "3.2.1 Multi-Zone 배포", "3.3.1", "3.3.2 HPA 구성",
		"4. 네트워크 아키텍처", "4.1.1 Virtual Network", "4.1.2 네트워크 보안 그룹", "4.2.1 Application Gateway", "4.2.2 WAF", "4.3.1", "4.4 서비스 디스커버리",
		"5. 데이터 아키텍처", "5.1.1", "5.1.2", "5.2.1", "5.2.2 캐시 전략", "5.3.1 백업 전략",
		"6. 메시징 아키텍처", "6.1.1 Service Bus Premium", "6.1.2",
		"7. 보안 아키텍처", "7.1.1", "7.2.1 Entra ID", "7.2.2 RBAC", "7.3.1 Private Endpoints", "7.4.1 Azure Key Vault",
		"8. 모니터링 및 관측 가능성", "8.1.1", "8.1.2 알림", "8.2.1", "8.2.2 APM",
		"9. 배포 관련 컴포넌트",
		"10. 재해복구 및 고가용성", "10.1.1", "10.1.2 자동 장애조치", "10.2.1",
		"11. 비용 최적화", "11.1.1 월간 비용 분석", "11.1.2", "11.2.1",
		"12. 운영 가이드", "13. 확장 계획", "14. 운영환경 특성 요약",
	}
	// blockSections are required only where the system uses the block:
	// an absent block's sections are not written as filler.
	blockSections = map[string]string{
		"6.1.1 Service Bus": servicebus.Name, "6.1.2 연결 설정": servicebus.Name,
		"6.1.1 Service Bus Premium": servicebus.Name, "6.1.2": servicebus.Name,
		"5.1.1 PostgreSQL": postgresql.Name, "5.1.2 Redis": redis.Name,
	}
	// chapterSections are numbered by the blocks before them: the data
	// chapter's backup section follows one section per data block, so
	// only its chapter is fixed.
	chapterSections = map[string]string{"5.3.1 백업 전략": "5."}
	masterSections  = []string{
		"1. 개요", "2. 환경별 아키텍처 개요", "2.1 환경별 특성 비교", "2.2 환경별 세부 문서", "2.3 핵심 아키텍처 결정사항",
		"3. 네트워크 아키텍처 비교", "4. 데이터 아키텍처 비교", "5. 보안 아키텍처 비교", "6. 모니터링 및 운영",
		"7. 비용 분석", "7.1.1 월간 비용 비교", "7.1.2", "8. 전환 및 확장 계획", "9. 핵심 SLA 지표",
	}
)

func TestEverySectionOfTheFormat(t *testing.T) {
	for _, name := range examples.Names() {
		files := build(t, name, md.Ko)
		pl := testplan.Example(t, name)
		uses := func(kind string) bool {
			for _, e := range pl.Envs {
				if _, ok := e.Component(kind); ok {
					return true
				}
			}
			return false
		}
		for _, f := range files {
			var want []string
			switch base := path.Base(f.Path); {
			case base == "physical-architecture.md":
				want = masterSections
			case strings.HasSuffix(base, "-dev.md"):
				want = devSections
			case strings.HasSuffix(base, "-prod.md"):
				want = prodSections
			default:
				continue
			}
			heads := headings(f.Data)
			for _, w := range want {
				if kind, ok := blockSections[w]; ok && !uses(kind) {
					continue
				}
				num, title, _ := strings.Cut(w, " ")
				prefix := num + " "
				if ch, ok := chapterSections[w]; ok {
					prefix = ch
				}
				found := false
				for _, h := range heads {
					if strings.HasPrefix(h, prefix) && strings.Contains(h, title) {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("%s/%s: no section %q", name, path.Base(f.Path), w)
				}
			}
		}
	}
}

func headings(src []byte) []string {
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	var out []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			out = append(out, nodeText(h, src))
		}
		return ast.WalkContinue, nil
	})
	return out
}
