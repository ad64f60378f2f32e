package facts_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/audit/facts"
)

// one renders a fact compactly for table tests.
func one(f facts.Fact) string {
	s := fmt.Sprintf("%d %s", f.Src.Line, f.Kind)
	if f.Env != "" {
		s += " " + f.Env
	}
	if f.Subject != "" {
		s += " " + f.Subject
	}
	if f.Value != "" {
		s += " =" + f.Value
	}
	if f.Num != 0 || f.Max != 0 {
		s += fmt.Sprintf(" %g", f.Num)
		if f.Max != 0 && f.Max != f.Num {
			s += fmt.Sprintf("/%g", f.Max)
		}
	}
	if f.Bound {
		s += " bound"
	}
	return s
}

func kinds(s *facts.Set, ks ...facts.Kind) []string {
	var out []string
	for _, f := range s.Facts {
		for _, k := range ks {
			if f.Kind == k {
				out = append(out, one(f))
			}
		}
	}
	return out
}

// Excerpts of the seeds (../shared/seeds), reduced to the lines a fact is
// read from.
func TestExtract(t *testing.T) {
	cases := []struct {
		name, file, src string
		kinds           []facts.Kind
		want            []string
	}{{
		name: "000 master: costs in a table whose pipes the web page dropped, and the environments' costs in prose",
		file: "000.txt",
		src: "- 비용 최적화: 개발환경 월 $143, 운영환경 월 $2,860\n" +
			"KT 소상공인 이벤트 자동 생성 서비스 - 물리 아키텍처 설계서 (마스터 인덱스)\n1. 개요\n" +
			"2.1 환경별 특성 비교\n\n구분 개발환경 운영환경\n목적 MVP 실제 운영\n비용 최소화($200/월) 최적화($3,500/월)\n\n" +
			"7.1.1 월간 비용 비교\n\n구성 요소 개발환경 운영환경 비용 차이\nAKS 클러스터 $30 (Basic) $400 (Standard) 13배\n총 월간 비용 $143 $2,860 20배\n",
		kinds: []facts.Kind{facts.Cost, facts.Total, facts.EnvCost, facts.Tier, facts.Ratio},
		want: []string{"1 envCost dev 143", "1 envCost prod 2860", "8 envCost dev 200", "8 envCost prod 3500",
			"13 cost dev AKS 클러스터 30", "13 tier dev aks =Free", "13 cost prod AKS 클러스터 400", "13 tier prod aks =Standard", "13 ratio 13/13.3333",
			"14 total dev 총 월간 비용 143", "14 envCost dev 143", "14 total prod 총 월간 비용 2860", "14 envCost prod 2860", "14 ratio 20"},
	}, {
		name: "002 prod: pipe tables without blank lines, YAML without indentation",
		file: "002.txt",
		src: "물리 아키텍처 설계서 - 운영환경\n1. 개요\n- 가용성: 99.9% (월 43분 다운타임 허용)\n3.3.1 애플리케이션 서비스\n" +
			"| 서비스 | CPU Requests | Replicas |\n|---|---|---|\n| Auth Service | 200m | 3 |\n3.3.2 HPA 구성\nhpa_configuration:\nauth_service:\nmin_replicas: 3\nmax_replicas: 10\n" +
			"5.2.1 Redis 클러스터 구성\n| 구성 항목 | 설정 값 |\n|---|---|\n| 서비스 티어 | Premium |\n| 용량 | P2 (6GB) |\n",
		kinds: []facts.Kind{facts.Downtime, facts.Replicas, facts.HPAMin, facts.HPAMax, facts.Tier, facts.CacheSize},
		want: []string{"3 downtime prod =43분 43/99.9", "7 replicas prod auth-service 3", "11 hpaMin prod auth-service 3", "12 hpaMax prod auth-service 10",
			"16 tier prod redis =Premium", "17 cacheSize prod P2 6"},
	}, {
		// The VNet stated in a settings table: the | between key and
		// value must not hide it (AU010 never fired on 002 before).
		name:  "002 prod: the VNet's address space in a settings table",
		file:  "002.txt",
		src:   "물리 아키텍처 설계서 - 운영환경\n4.1.1 Virtual Network 구성\n| 구성 항목 | 설정 값 | 설명 |\n|---|---|---|\n| 주소 공간 | 10.0.0.0/16 | 전체 VNet 대역대 |\n",
		kinds: []facts.Kind{facts.VNet},
		want:  []string{"5 vnet prod =10.0.0.0/16"},
	}, {
		name: "001 network diagram: subnets, a fixed IP in its subnet, services with replicas, queues, ports on edges",
		file: "001.txt",
		src: "190 lines\ngraph TB\n|\n%% AI 기반 여행 일정 생성 서비스 - 운영환경\nsubgraph VNet[\"Virtual Network (VNet)<br/>주소 공간: 10.0.0.0/16\"]\n" +
			"subgraph GatewaySubnet[\"🚪 Gateway Subnet<br/>10.0.4.0/24\"]\nPrivateIP[\"📍 Private IP<br/>(10.0.4.10)\"]\nend\n" +
			"subgraph App[\"Application Subnet<br/>10.0.1.0/24\"]\nUserServiceHA[\"👤 User Service<br/>(3 replicas, HPA)\"]\nPG[\"PostgreSQL<br/>Private Endpoint\"]\nend\nend\n" +
			"subgraph Q[\"Premium Message Queues\"]\nAIQ[\"🤖 ai-schedule-generation<br/>(Partitioned)\"]\nend\nUserServiceHA -->|\"Private Link<br/>TCP:5432\"| PG\n",
		kinds: []facts.Kind{facts.System, facts.VNet, facts.Subnet, facts.IP, facts.Service, facts.Replicas, facts.Queue, facts.Port},
		want: []string{"4 system prod =AI 기반 여행 일정 생성 서비스", "5 vnet prod =10.0.0.0/16", "6 subnet prod gateway =10.0.4.0/24",
			"7 ip prod 10.0.4.0/24 =10.0.4.10", "9 subnet prod application =10.0.1.0/24", "10 service prod user-service", "10 replicas prod user-service 3",
			"15 queue prod ai-schedule-generation", "17 port prod postgresql 5432"},
	}, {
		// 002 states the Deployment's rollingUpdate.maxUnavailable: 0,
		// which is no PDB (AU041 fired on it once).
		name:  "YAML: a PDB's figures only inside a PDB",
		file:  "physical-architecture-prod.md",
		src:   "# X\nkos_mock_service:\nstrategy:\nrollingUpdate:\nmaxUnavailable: 0\n```yaml\nkind: PodDisruptionBudget\nmetadata:\n  name: order-service-pdb\nspec:\n  minAvailable: 2\n```\n",
		kinds: []facts.Kind{facts.PDBMin, facts.PDBMaxUnav},
		want:  []string{"11 pdbMinAvailable prod order-service 2"},
	}, {
		name: "a comparison table read cell by cell, with each column's environment",
		file: "physical-architecture.md",
		src: "# X - 물리 아키텍처 설계서\n## 9. 지표\n| 지표 | 개발환경 | 운영환경 |\n|---|---|---|\n| 복구 목표 (RTO/RPO) | 해당 없음 | RTO 30분 / RPO 15분 |\n" +
			"| Region | Korea Central | Korea Central (DR: Korea South) |\n| 가용성 | 95% | 99.5% |\n| 사용자 | 50명 | 5,000명 (100배) |\n",
		kinds: []facts.Kind{facts.RTO, facts.RPO, facts.Region, facts.Availability, facts.Ratio},
		want: []string{"5 rto prod =30분 30", "5 rpo prod =15분 15", "6 region dev =koreacentral", "6 region prod =koreacentral", "6 region prod =koreasouth",
			"7 availability dev 95", "7 availability prod 99.5", "8 ratio 100"},
	}, {
		name: "downtime and availability as teams phrase them; high availability is no target",
		file: "physical-architecture-prod.md",
		src: "# X\n- **가용성 목표**: 95% (월 최대 36시간 중단 허용)\n- 99.9% (월 허용 중단 약 43분)\n- **Availability target**: 99.5% (about 216 minutes of downtime a month)\n" +
			"| 고가용성 | Zone Redundant 99.99% |\n- Availability: 99.95%\n",
		kinds: []facts.Kind{facts.Downtime, facts.Availability},
		want:  []string{"2 downtime prod =36시간 2160/95", "2 availability prod 95", "3 downtime prod =43분 43/99.9", "4 downtime prod =216minutes 216/99.5", "4 availability prod 99.5", "6 availability prod 99.95"},
	}, {
		name:  "a bold label heads the lines under it; a subnet named in its own column; Min/Max Replicas",
		file:  "physical-architecture.md",
		src:   "# X - 물리 아키텍처 설계서\n## 2. 요약\n**운영환경** ([문서](./physical-architecture-prod.md))\n- AKS Premium 티어\n\n| Component | Subnet | Range |\n|---|---|---|\n| Azure Bastion | AzureBastionSubnet | 10.60.19.0/26 |\n\n| 서비스 | Min Replicas | Max Replicas |\n|---|---|---|\n| order-service | 3 | 15 |\n",
		kinds: []facts.Kind{facts.Tier, facts.Subnet, facts.HPAMin, facts.HPAMax},
		want:  []string{"4 tier prod aks =Premium", "8 subnet prod azurebastion =10.60.19.0/26", "12 hpaMin prod order-service 3", "12 hpaMax prod order-service 15"},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := kinds(facts.Extract([]facts.Input{{Name: c.file, Data: []byte(c.src)}}), c.kinds...)
			var rounded []string
			for _, g := range got {
				rounded = append(rounded, roundTail(g))
			}
			if strings.Join(rounded, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(rounded, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// roundTail shortens a long float at the end of a rendered fact.
func roundTail(s string) string {
	if i := strings.LastIndex(s, "/"); i > 0 && len(s)-i > 8 && !strings.Contains(s[i:], "=") && !strings.Contains(s[i:], " ") {
		return s[:i+8]
	}
	return s
}

func TestSniffAndEnv(t *testing.T) {
	cases := []struct{ name, src, format, role, env string }{
		{"network-prod.mmd", "graph TB\n", "mermaid", "diagram", "prod"},
		{"physical-architecture.md", "# X - 물리 아키텍처 설계서 (마스터 인덱스)\n", "markdown", "master", ""},
		{"physical-architecture-dev.md", "# X\n", "markdown", "document", "dev"},
		{"seed.txt", "mirror of\n190 lines\ngraph TB\n%% 운영환경 네트워크 다이어그램\n", "mermaid", "diagram", "prod"},
		{"seed.txt", "28 KiB\n물리 아키텍처 설계서 - 운영환경\n1. 개요\n", "markdown", "document", "prod"},
		{"c.puml", "@startuml\nnote \"prod\" as N\n@enduml\n", "plantuml", "diagram", "prod"},
	}
	for _, c := range cases {
		f := facts.Read(facts.Input{Name: c.name, Data: []byte(c.src)})
		if string(f.Format) != c.format || string(f.Role) != c.role || f.Env != c.env {
			t.Errorf("%s %q: %s %s %q, want %s %s %q", c.name, c.src, f.Format, f.Role, f.Env, c.format, c.role, c.env)
		}
	}
}
