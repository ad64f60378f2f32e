package docs

import (
	"fmt"
	"strings"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
)

// master writes the index document: every environment side by side.
func master(pl *plan.Plan, an Analysis, lang md.Lang) string {
	costs := an.Costs
	d := md.New(lang)
	d.H(1, fmt.Sprintf(d.T("%s - 물리 아키텍처 설계서 (마스터 인덱스)", "%s - Physical Architecture (master index)"), text(d, pl.Title)))
	generatedNote(d)

	d.H(2, d.T("1. 개요", "1. Overview"))
	d.H(3, d.T("1.1 설계 목적", "1.1 Purpose"))
	d.List(
		fmt.Sprintf(d.T("%s의 Azure 기반 물리 아키텍처 (%s 리전)", "Azure physical architecture of %s (region %s)"), text(d, pl.Title), pl.Region),
		fmt.Sprintf(d.T("환경 %d개 (%s)의 분리와 비교", "separation and comparison of %d environments (%s)"), len(pl.Envs), envNames(pl)),
		fmt.Sprintf(d.T("마이크로서비스 %d개: %s", "%d microservices: %s"), len(pl.Services), serviceNames(pl)),
	)
	d.H(3, d.T("1.2 아키텍처 분리 원칙", "1.2 Separation principles"))
	d.List(
		d.T("환경별 특화: 개발은 비용과 단순성, 운영은 가용성과 보안", "Per environment: development for cost and simplicity, production for availability and security"),
		d.T("단일 원천: 모든 수치는 하나의 spec에서 한 번 계산", "One source: every figure is computed once from one spec"),
		d.T("단계적 발전: 같은 서비스 구성, 다른 인프라 프로파일", "Gradual: the same services on different infrastructure profiles"),
	)
	d.H(3, d.T("1.3 문서 구조", "1.3 Documents"))
	var tree strings.Builder
	tree.WriteString("physical-architecture.md\n")
	for _, e := range pl.Envs {
		fmt.Fprintf(&tree, "├── %s\n├── %s\n├── %s\n", DocName(e), DiagramName(e), NetworkName(e))
	}
	d.Code("text", tree.String())
	d.H(3, d.T("1.4 참조 아키텍처", "1.4 References"))
	d.List(
		d.T("논리 아키텍처: design/backend/logical/logical-architecture.md", "Logical architecture: design/backend/logical/logical-architecture.md"),
		d.T("API 설계서: design/backend/api/*.yaml", "API design: design/backend/api/*.yaml"),
	)

	d.H(2, d.T("2. 환경별 아키텍처 개요", "2. Environments"))
	d.H(3, d.T("2.1 환경별 특성 비교", "2.1 Comparison"))
	head := []string{d.T("구분", "Item")}
	for _, e := range pl.Envs {
		head = append(head, e.Name)
	}
	row := func(label string, f func(e *plan.Env) string) []string {
		r := []string{label}
		for _, e := range pl.Envs {
			r = append(r, f(e))
		}
		return r
	}
	d.Table(head, [][]string{
		row(d.T("목적", "Purpose"), func(e *plan.Env) string {
			if e.IsProdLike() {
				return d.T("실제 서비스 운영", "production service")
			}
			return d.T("개발·검증", "development and validation")
		}),
		row(d.T("가용성 목표", "Availability target"), func(e *plan.Env) string { return downtime(d, e) }),
		row(d.T("구성 요소 기준 가용성", "Composite availability"), func(e *plan.Env) string { return composite(d, an.Avail[e.Name]) }),
		row(d.T("사용자", "Users"), func(e *plan.Env) string { return msg.Int(e.Settings.Targets.Users) }),
		row(d.T("확장성", "Scalability"), func(e *plan.Env) string { return fmt.Sprintf(d.T("노드 %s대", "%s nodes"), totalNodes(e)) }),
		row(d.T("보안", "Security"), func(e *plan.Env) string { return summary(d, e, SummarySecurity, "Network Policy") }),
		row(d.T("월 비용 (추정)", "Monthly cost (estimate)"), func(e *plan.Env) string { return totalCost(costs[e.Name]) }),
		// Nothing generated deploys (no pipeline, no GitOps controller):
		// every environment is applied by hand.
		row(d.T("배포", "Deployment"), func(e *plan.Env) string { return "`kubectl apply -k`" }),
		row(d.T("모니터링", "Monitoring"), func(e *plan.Env) string { return summary(d, e, SummaryMonitoring, "kubectl") }),
	})
	d.H(3, d.T("2.2 환경별 세부 문서", "2.2 Environment documents"))
	for _, e := range pl.Envs {
		d.H(4, fmt.Sprintf(d.T("%s 환경 (%s 프로필)", "%s (%s profile)"), e.Name, e.Profile))
		d.List(
			fmt.Sprintf(d.T("설계서: [%s](./%s)", "Design: [%s](./%s)"), DocName(e), DocName(e)),
			fmt.Sprintf(d.T("물리 다이어그램: [%s](./%s)", "Physical diagram: [%s](./%s)"), DiagramName(e), DiagramName(e)),
			fmt.Sprintf(d.T("네트워크 다이어그램: [%s](./%s)", "Network diagram: [%s](./%s)"), NetworkName(e), NetworkName(e)),
			fmt.Sprintf(d.T("VNet %s, 인그레스 %s, AKS %s", "VNet %s, ingress %s, AKS %s"), e.Network.VNet, ingressName(d, e), e.Settings.AKS.Tier),
		)
	}
	d.H(3, d.T("2.3 핵심 아키텍처 결정사항", "2.3 Key decisions"))
	d.H(4, d.T("2.3.1 공통 아키텍처 원칙", "2.3.1 Common principles"))
	principles := []string{d.T("서비스 메시 대신 Kubernetes Network Policy", "Kubernetes network policies instead of a service mesh")}
	if messages(pl) {
		principles = append(principles, d.T("장시간 작업만 큐로 비동기 처리 (6장 메시징)", "only long-running work goes asynchronous through queues (chapter 6, messaging)"))
	}
	// Not "keyless": Redis, Service Bus and the databases still take keys
	// or passwords; what the identities do give is that each workload
	// reads only its own secrets from the vault.
	for _, e := range pl.Envs {
		if vaultHoldsServiceSecrets(e) {
			principles = append(principles, d.T("서비스마다 자기 워크로드 ID로 Key Vault에서 자기 시크릿만 읽음", "each service reads only its own secrets from Key Vault, as its own workload identity"))
			break
		}
	}
	d.List(principles...)
	d.H(4, d.T("2.3.2 환경별 차별화 전략", "2.3.2 Per-environment strategy"))
	var strat [][]string
	for _, e := range pl.Envs {
		s := d.T("비용 우선: Pod 기반 백킹 서비스, Spot 노드", "cost first: backing services as pods, Spot nodes")
		if !spotPool(e) {
			s = d.T("비용 우선: Pod 기반 백킹 서비스", "cost first: backing services as pods")
		}
		if e.IsProdLike() {
			s = d.T("가용성 우선: 관리형 서비스, 영역 중복", "availability first: managed services, zone redundancy")
		}
		strat = append(strat, []string{e.Name, s})
	}
	d.Table([]string{d.T("환경", "Environment"), d.T("전략", "Strategy")}, strat)
	if len(an.Decisions) > 0 {
		d.H(4, d.T("2.3.3 환경별 결정 비교", "2.3.3 Decisions per environment"))
		decisionComparison(d, pl, an.Decisions)
	}

	d.H(2, d.T("3. 네트워크 아키텍처 비교", "3. Network comparison"))
	d.H(3, d.T("3.1 환경별 네트워크 전략", "3.1 Network per environment"))
	d.Table(head, [][]string{
		row(d.T("인그레스", "Ingress"), func(e *plan.Env) string { return ingressName(d, e) }),
		row(d.T("네트워크", "Network"), func(e *plan.Env) string {
			return fmt.Sprintf(d.T("VNet %s, 서브넷 %d개", "VNet %s, %d subnets"), e.Network.VNet, len(e.Network.Subnets))
		}),
		row(d.T("보안", "Security"), func(e *plan.Env) string { return summary(d, e, SummaryNetworkSecurity, "Network Policy") }),
		row(d.T("접근", "Access"), func(e *plan.Env) string {
			if e.Settings.Network.PrivateEndpoints {
				return d.T("프라이빗 엔드포인트", "Private endpoint")
			}
			return "Public LoadBalancer"
		}),
		row("DNS", func(e *plan.Env) string {
			if e.Settings.Network.PrivateEndpoints {
				return "CoreDNS + Azure Private DNS"
			}
			return "CoreDNS"
		}),
		row(d.T("트래픽", "Traffic"), func(e *plan.Env) string { return summary(d, e, SummaryTraffic, "HTTP/HTTPS") }),
	})
	d.H(3, d.T("3.2 네트워크 보안 전략", "3.2 Network security"))
	d.H(4, d.T("3.2.1 공통 보안 원칙", "3.2.1 Common principles"))
	d.List(d.T("기본 차단 Network Policy와 필요한 연결만 허용", "default-deny network policies with only the needed connections allowed"), d.T("전송 구간 TLS 1.2 이상", "TLS 1.2+ in transit"))
	d.H(4, d.T("3.2.2 환경별 보안 수준", "3.2.2 Security level per environment"))
	d.Table(head, [][]string{
		row(d.T("시크릿", "Secrets"), func(e *plan.Env) string { return summary(d, e, SummarySecrets, "Kubernetes Secret") }),
		row(d.T("웹 보안", "Web security"), func(e *plan.Env) string { return summary(d, e, SummaryWebSecurity, d.T("없음", "none")) }),
	})

	d.H(2, d.T("4. 데이터 아키텍처 비교", "4. Data comparison"))
	d.H(3, d.T("4.1 환경별 데이터 전략", "4.1 Database per environment"))
	dataRows := compareRows(pl, d, "data")
	dataRows = append(dataRows, row(d.T("데이터베이스 월 비용 (추정)", "Database monthly cost (estimate)"), func(e *plan.Env) string { return categoryCost(costs[e.Name], "database") }))
	d.Table(head, dataRows)
	d.H(3, d.T("4.2 캐시 전략 비교", "4.2 Cache comparison"))
	if cache := compareRows(pl, d, "cache"); len(cache) > 0 {
		d.Table([]string{d.T("캐시 레벨", "Level"), d.T("용도", "Use")}, [][]string{
			{"L1 Application", d.T("프로세스 내 메모리 캐시", "in-process memory cache")},
			{"L2 Distributed", d.T("공유 분산 캐시 (아래 표)", "shared distributed cache (table below)")},
		})
		d.Table(head, cache)
	} else {
		d.P(d.T("이 시스템은 공유 캐시를 두지 않습니다.", "This system has no shared cache."))
	}

	d.H(2, d.T("5. 보안 아키텍처 비교", "5. Security comparison"))
	d.H(3, d.T("5.1 다층 보안 아키텍처", "5.1 Security layers"))
	d.Table([]string{d.T("보안 계층", "Layer"), d.T("기술", "Technology"), d.T("목적", "Purpose")}, [][]string{
		{"L1 Network", "Network Policy, NSG", d.T("네트워크 격리", "network isolation")},
		{"L2 Gateway", "WAF, Rate limiting", d.T("애플리케이션 보호", "application protection")},
		{"L3 Identity", d.T("Entra ID, 관리형 ID", "Entra ID, managed identity"), d.T("ID 기반 보안", "identity-based security")},
		{"L4 Data", d.T("저장·전송 암호화", "encryption at rest and in transit"), d.T("데이터 보호", "data protection")},
	})
	d.H(3, d.T("5.2 환경별 보안 수준", "5.2 Per environment"))
	d.Table(head, [][]string{
		row(d.T("인증", "Authentication"), func(e *plan.Env) string {
			if e.Settings.AKS.EntraRBAC {
				return "Entra ID + RBAC"
			}
			return "Kubernetes RBAC"
		}),
		row(d.T("네트워크", "Network"), func(e *plan.Env) string { return "Network Policy (" + e.Settings.AKS.NetworkPolicy + ")" }),
		row(d.T("시크릿", "Secrets"), func(e *plan.Env) string { return summary(d, e, SummarySecretAccess, "Kubernetes Secret") }),
		row(d.T("암호화", "Encryption"), func(*plan.Env) string { return "TLS 1.2+" }),
	})

	d.H(2, d.T("6. 모니터링 및 운영", "6. Monitoring and operations"))
	d.H(3, d.T("6.1 환경별 모니터링 전략", "6.1 Monitoring per environment"))
	d.Table(head, [][]string{
		row(d.T("도구", "Tools"), func(e *plan.Env) string { return summary(d, e, SummaryMonitoringTools, "kubectl, metrics-server") }),
		row(d.T("로그 보관", "Log retention"), func(e *plan.Env) string { return summary(d, e, SummaryLogRetention, "-") }),
	})
	d.H(3, d.T("6.2 CI/CD 및 배포 전략", "6.2 CI/CD"))
	d.Table(head, [][]string{
		row(d.T("배포 방식", "Deployment"), func(e *plan.Env) string { return "`kubectl apply -k deploy/k8s/overlays/" + e.Name + "`" }),
		row(d.T("롤백", "Rollback"), func(e *plan.Env) string {
			return d.T("수동 (이전 커밋의 출력으로 `terraform apply` 재실행)", "manual (apply the previous commit's output again)")
		}),
	})

	d.H(2, d.T("7. 비용 분석", "7. Cost"))
	d.H(3, d.T("7.1 환경별 비용 구조", "7.1 Cost per environment"))
	d.H(4, d.T("7.1.1 월간 비용 비교", "7.1.1 Monthly cost"))
	var costRows [][]string
	for _, cat := range cost.CategoryOrder {
		costRows = append(costRows, row(categoryTitle(d, cat), func(e *plan.Env) string { return categoryCost(costs[e.Name], cat) }))
	}
	costRows = append(costRows, row(d.T("총 월간 비용", "Total per month"), func(e *plan.Env) string { return totalCost(costs[e.Name]) }))
	d.Table(head, costRows)
	d.P(d.T("최소–최대 규모(노드·게이트웨이 자동 스케일링 범위)의 월 비용 추정치입니다. 항목별 가격 리전과 추정 규칙은 각 환경 문서의 비용 절과 `physarch cost`에 있습니다.",
		"Monthly cost estimates at minimum–maximum scale (node and gateway autoscaling). Each row's priced region and estimate rule are in each environment document's cost section and in `physarch cost`."))
	d.H(4, d.T("7.1.2 환경별 비용 최적화 전략", "7.1.2 Cost strategies"))
	d.Table(head, [][]string{
		row(d.T("컴퓨팅", "Compute"), func(e *plan.Env) string {
			if e.Pool("apps") != nil && e.Pool("apps").Spot {
				return "Spot"
			}
			return d.T("절감 플랜/예약", "savings plan / reservation")
		}),
		row(d.T("백킹 서비스", "Backing services"), func(e *plan.Env) string {
			if len(e.Backing) > 0 {
				return d.T("Pod 기반", "pods")
			}
			return d.T("관리형 서비스", "managed services")
		}),
	})

	d.H(2, d.T("8. 전환 및 확장 계획", "8. Migration and growth"))
	d.H(3, d.T("8.1 개발환경 → 운영환경 전환 체크리스트", "8.1 Development → production checklist"))
	d.Table([]string{d.T("카테고리", "Category"), d.T("전환 작업", "Task")}, append(migrationRows(pl, d), transitionRows(pl, d)...))
	d.H(3, d.T("8.2 단계별 확장 로드맵", "8.2 Roadmap"))
	var phases [][]string
	for i, e := range pl.Envs {
		lo, hi := e.TotalNodes()
		phases = append(phases, []string{fmt.Sprintf("Phase %d", i+1), e.Name, msg.Int(e.Settings.Targets.Users), pct(e.Settings.Targets.Availability), nodes(d, lo, hi), totalCost(an.Costs[e.Name])})
	}
	// Then the production environments' growth steps, re-planned for
	// multiples of their users (13.1 of their documents).
	for _, e := range pl.Envs {
		if r := an.Decisions[e.Name]; r != nil && e.IsProdLike() {
			for _, st := range r.Steps[1:] {
				if st.Refused != "" {
					continue // its document says why
				}
				phases = append(phases, []string{fmt.Sprintf("Phase %d", len(phases)+1), fmt.Sprintf(d.T("%s, 사용자 %d배", "%s, %d× users"), e.Name, st.Factor), msg.Int(st.Users), pct(e.Settings.Targets.Availability), nodes(d, st.NodesMin, st.NodesMax), usd(st.CostMin, st.CostMax)})
			}
		}
	}
	d.Table([]string{d.T("단계", "Phase"), d.T("환경", "Environment"), d.T("사용자", "Users"), d.T("가용성", "Availability"), d.T("노드", "Nodes"), d.T("월 비용", "Monthly cost")}, phases)

	d.H(2, d.T("9. 핵심 SLA 지표", "9. Key service levels"))
	d.H(3, d.T("9.1 환경별 서비스 수준 목표", "9.1 Targets per environment"))
	d.Table(head, [][]string{
		row(d.T("가용성 목표", "Availability target"), func(e *plan.Env) string { return pct(e.Settings.Targets.Availability) }),
		row(d.T("구성 요소 기준 가용성", "Composite availability"), func(e *plan.Env) string { return composite(d, an.Avail[e.Name]) }),
		row(d.T("복구 시간 (RTO)", "Recovery time (RTO)"), func(e *plan.Env) string { return msg.Duration(d, e.RTO) }),
		row(d.T("데이터 손실 허용 (RPO)", "Data loss (RPO)"), func(e *plan.Env) string { return msg.Duration(d, e.RPO) }),
		row(d.T("동시 사용자", "Concurrent users"), func(e *plan.Env) string { return msg.Int(e.Settings.Targets.Users) }),
		row(d.T("피크 처리량", "Peak throughput"), func(e *plan.Env) string { return num(e.PeakRPS) + " req/s" }),
		row(d.T("월간 비용 (추정)", "Monthly cost (estimate)"), func(e *plan.Env) string { return totalCost(costs[e.Name]) }),
	})
	d.P(d.T("> 구성 요소 기준 가용성은 구성 요소 SLA의 곱으로 계산한 추정치이며, 금전적으로 보장되는 SLA가 아닙니다. 경로별 값과 가장 약한 구성 요소는 각 환경 문서에 있습니다.",
		"> Composite availability is an estimate from component SLAs, not a financially backed SLA. Per-route figures and the weakest links are in each environment document."))
	return d.String()
}

func envNames(pl *plan.Plan) string {
	names := make([]string, len(pl.Envs))
	for i, e := range pl.Envs {
		names[i] = e.Name
	}
	return strings.Join(names, ", ")
}

func categoryTitle(d *md.Doc, cat string) string {
	ko := map[string]string{"cluster": "AKS 클러스터", "compute": "컴퓨팅", "storage": "스토리지", "database": "데이터베이스", "cache": "캐시", "messaging": "메시징", "network": "네트워킹", "security": "보안", "monitoring": "모니터링", "registry": "컨테이너 레지스트리"}
	en := map[string]string{"cluster": "AKS cluster", "compute": "Compute", "storage": "Storage", "database": "Database", "cache": "Cache", "messaging": "Messaging", "network": "Networking", "security": "Security", "monitoring": "Monitoring", "registry": "Container registry"}
	return d.T(ko[cat], en[cat])
}

// compareRows merges the components' comparison rows of a part over the
// environments: one row per title, in the order first seen, "-" where an
// environment has no such row.
func compareRows(pl *plan.Plan, d *md.Doc, part string) [][]string {
	var titles []string
	values := map[string]map[string]string{}
	for _, e := range pl.Envs {
		for _, c := range plan.Facets[Compared](e) {
			for _, r := range c.Compare(d, e, part) {
				if values[r[0]] == nil {
					titles = append(titles, r[0])
					values[r[0]] = map[string]string{}
				}
				values[r[0]][e.Name] = r[1]
			}
		}
	}
	var rows [][]string
	for _, t := range titles {
		r := []string{t}
		for _, e := range pl.Envs {
			v, ok := values[t][e.Name]
			if !ok {
				v = "-"
			}
			r = append(r, v)
		}
		rows = append(rows, r)
	}
	return rows
}

// migrationRows are the components' tasks of the development →
// production checklist, once per component.
func migrationRows(pl *plan.Plan, d *md.Doc) [][]string {
	seen := map[string]bool{}
	var rows [][]string
	for _, e := range pl.Envs {
		for _, c := range e.Components {
			m, ok := c.(Migrated)
			if !ok || seen[c.ID()] {
				continue
			}
			seen[c.ID()] = true
			rows = append(rows, m.Migration(d)...)
		}
	}
	return rows
}

// transitionRows are what changes from development to production where
// the plans differ: the secret store, the ingress, the network security,
// the monitoring and the private access, each "development → production"
// as the comparison tables above print them. What the two plans share is
// not a task, so it is left out (an ingress both environments use, a WAF
// neither has).
func transitionRows(pl *plan.Plan, d *md.Doc) [][]string {
	var dev *plan.Env
	var prods []*plan.Env
	for _, e := range pl.Envs {
		switch {
		case e.IsProdLike():
			prods = append(prods, e)
		case dev == nil:
			dev = e
		}
	}
	if dev == nil {
		return nil
	}
	access := func(e *plan.Env) string {
		if e.Settings.Network.PrivateEndpoints {
			return d.T("프라이빗 엔드포인트", "private endpoints")
		}
		return d.T("공용 엔드포인트", "public endpoints")
	}
	aspects := []struct {
		category string
		of       func(e *plan.Env) string
	}{
		{d.T("설정", "Settings"), func(e *plan.Env) string { return summary(d, e, SummarySecrets, "Kubernetes Secret") }},
		{d.T("네트워크", "Network"), func(e *plan.Env) string { return ingressName(d, e) }},
		{d.T("보안", "Security"), func(e *plan.Env) string { return summary(d, e, SummaryNetworkSecurity, "Network Policy") }},
		{d.T("모니터링", "Monitoring"), func(e *plan.Env) string { return summary(d, e, SummaryMonitoring, "kubectl") }},
		{d.T("접근", "Access"), access},
	}
	var rows [][]string
	seen := map[string]bool{}
	for _, e := range prods {
		for _, a := range aspects {
			from, to := a.of(dev), a.of(e)
			if from == to {
				continue
			}
			task := from + " → " + to
			if len(prods) > 1 {
				task += " (" + e.Name + ")"
			}
			if !seen[a.category+task] {
				seen[a.category+task] = true
				rows = append(rows, []string{a.category, task})
			}
		}
	}
	return rows
}

// messages reports whether some environment carries messages.
func messages(pl *plan.Plan) bool {
	for _, e := range pl.Envs {
		if len(plan.Facets[Messaged](e)) > 0 {
			return true
		}
	}
	return false
}

// vaultHoldsServiceSecrets is whether the environment's services read
// their secrets from a store outside the cluster.
func vaultHoldsServiceSecrets(e *plan.Env) bool {
	for _, st := range plan.Facets[plan.SecretStore](e) {
		if st.HoldsServiceSecrets() {
			return true
		}
	}
	return false
}
