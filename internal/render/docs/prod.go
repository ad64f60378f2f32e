package docs

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
	"github.com/physarch/physarch/internal/spec"
)

// prodDoc writes the production-environment document: availability and
// security first, managed services, zones, WAF, private endpoints.
func prodDoc(pl *plan.Plan, e *plan.Env, cr *cost.Report, ar *availability.Report, dr *decision.Report, lang md.Lang) *md.Doc {
	d := md.New(lang)
	se := e.Settings
	d.H(1, fmt.Sprintf(d.T("%s - 물리 아키텍처 설계서 (%s 운영환경)", "%s - Physical Architecture (%s, production)"), text(d, pl.Title), e.Name))
	generatedNote(d)

	d.H(2, d.T("1. 개요", "1. Overview"))
	d.H(3, d.T("1.1 설계 목적", "1.1 Purpose"))
	d.List(
		fmt.Sprintf(d.T("%s의 운영환경(%s) Azure 물리 아키텍처 설계", "Azure physical architecture of the %s production environment (%s)"), text(d, pl.Title), e.Name),
		fmt.Sprintf(d.T("가용성 목표 %s, 최대 동시 사용자 %s명", "availability target %s, %s peak concurrent users"), pct(se.Targets.Availability), msg.Int(se.Targets.Users)),
	)
	d.H(3, d.T("1.2 설계 원칙", "1.2 Design principles"))
	d.List(
		highAvailability(d, e),
		d.T("확장성: HPA와 클러스터 자동 스케일러", "Scalability: HPA and the cluster autoscaler"),
		d.T("보안 우선: WAF, 프라이빗 엔드포인트, Key Vault, 최소 권한", "Security first: WAF, private endpoints, Key Vault, least privilege"),
		d.T("관측 가능성: Log Analytics, Application Insights, Container Insights", "Observability: Log Analytics, Application Insights, Container Insights"),
		fmt.Sprintf(d.T("재해복구: RTO %s, RPO %s", "Disaster recovery: RTO %s, RPO %s"), msg.Duration(d, e.RTO), msg.Duration(d, e.RPO)),
	)
	d.H(3, d.T("1.3 참조 아키텍처", "1.3 References"))
	refs(d, pl, e)

	d.H(2, d.T("2. 운영환경 아키텍처 개요", "2. Environment overview"))
	d.H(3, d.T("2.1 환경 특성", "2.1 Characteristics"))
	d.KV(d.T("구분", "Item"), d.T("값", "Value"),
		[2]string{d.T("목적", "Purpose"), d.T("실제 서비스 운영", "production service")},
		[2]string{d.T("사용자", "Users"), fmt.Sprintf(d.T("최대 동시 사용자 %s명 (피크 %s req/s)", "%s peak concurrent users (%s req/s at peak)"), msg.Int(se.Targets.Users), num(e.PeakRPS))},
		[2]string{d.T("가용성 목표", "Availability target"), downtime(d, e)},
		[2]string{d.T("구성 요소 기준 가용성", "Composite availability"), composite(d, ar)},
		[2]string{d.T("확장성", "Scalability"), fmt.Sprintf(d.T("HPA + 클러스터 자동 스케일러 (노드 %s대)", "HPA + cluster autoscaler (%s nodes)"), totalNodes(e))},
		[2]string{d.T("보안 수준", "Security level"), d.T("다층 보안 (L1–L4)", "layered (L1–L4)")},
		[2]string{d.T("가용 영역", "Zones"), zoneText(d, e)},
	)
	d.H(3, d.T("2.2 전체 아키텍처", "2.2 Architecture"))
	var comps []string
	if fe := summary(d, e, SummaryFrontEnd, ""); fe != "" {
		comps = append(comps, fe)
	}
	for _, s := range e.Network.Subnets {
		comps = append(comps, fmt.Sprintf("%s (%s): %s", s.Name, s.CIDR, subnetPurpose(d, s)))
	}
	comps = append(comps, fmt.Sprintf(d.T("다이어그램: [%s](./%s)", "Diagram: [%s](./%s)"), DiagramName(e), DiagramName(e)))
	d.List(comps...)

	d.H(2, d.T("3. 컴퓨팅 아키텍처", "3. Compute"))
	d.H(3, d.T("3.1 AKS 클러스터 구성", "3.1 AKS cluster"))
	d.H(4, d.T("3.1.1 클러스터 설정", "3.1.1 Cluster settings"))
	clusterSettings(d, e)
	d.H(4, d.T("3.1.2 노드 풀 구성", "3.1.2 Node pools"))
	poolTable(d, e)
	d.H(3, d.T("3.2 고가용성 구성", "3.2 High availability"))
	d.H(4, d.T("3.2.1 Multi-Zone 배포", "3.2.1 Multi-zone deployment"))
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"), zoneRows(d, e)...)
	var pdbRows [][]string
	for _, w := range budgeted(e) {
		pdbRows = append(pdbRows, []string{w.Name, strconv.Itoa(w.Min), pdb(w)})
	}
	d.Table([]string{d.T("서비스", "Service"), d.T("최소 레플리카", "Min replicas"), "Pod Disruption Budget"}, pdbRows)
	d.H(3, d.T("3.3 서비스별 리소스 할당", "3.3 Resources per service"))
	d.H(4, d.T("3.3.1 애플리케이션 서비스", "3.3.1 Application services"))
	workloadTable(d, pl, e, true)
	d.P(d.T("레플리카 산정: 피크 req/s × 요청당 CPU(ms) = 필요 CPU, 이를 CPU 요청 × HPA 목표로 나누어 필요 Pod 수를 구합니다. 최소는 영역 수와 비피크 비율, 최대는 여유율을 반영합니다.",
		"Replicas: peak req/s × CPU ms per request = CPU needed; divided by CPU request × HPA target gives the pods needed. The minimum covers the zones and the off-peak share, the maximum adds headroom."))
	var needRows [][]string
	for _, w := range autoscaled(e) {
		needRows = append(needRows, []string{w.Name, num(w.PeakRPS), strconv.FormatFloat(w.CPUNeededM, 'f', -1, 64) + "m", strconv.Itoa(w.Needed), strconv.Itoa(w.Min), strconv.Itoa(w.Max)})
	}
	d.Table([]string{d.T("서비스", "Service"), d.T("피크 req/s", "Peak req/s"), d.T("필요 CPU", "CPU needed"), d.T("필요 Pod", "Pods needed"), "Min", "Max"}, needRows)
	d.H(4, d.T("3.3.2 HPA 구성", "3.3.2 HPA"))
	var hpa strings.Builder
	hpa.WriteString("hpa_configuration:\n")
	for _, w := range autoscaled(e) {
		fmt.Fprintf(&hpa, "  %s:\n    min_replicas: %d\n    max_replicas: %d\n    metrics:\n      - cpu: %d%%\n", w.Name, w.Min, w.Max, w.HPACPU)
		if w.HPAMem > 0 { // the HPA has a memory metric only when the spec asks for one
			fmt.Fprintf(&hpa, "      - memory: %d%%\n", w.HPAMem)
		}
	}
	d.Code("yaml", hpa.String())
	workloadNotes(d, pl, e)

	d.H(2, d.T("4. 네트워크 아키텍처", "4. Network"))
	d.H(3, d.T("4.1 네트워크 토폴로지", "4.1 Topology"))
	d.P(fmt.Sprintf(d.T("네트워크 다이어그램: [%s](./%s)", "Network diagram: [%s](./%s)"), NetworkName(e), NetworkName(e)))
	d.H(4, d.T("4.1.1 Virtual Network 구성", "4.1.1 Virtual network"))
	d.KV(d.T("구성 항목", "Item"), d.T("값", "Value"), vnetRows(d, e, d.T("주소 공간", "Address space"))...)
	subnetTable(d, e)
	d.H(4, d.T("4.1.2 네트워크 보안 그룹", "4.1.2 Network security groups"))
	nsgTable(d, e)
	d.H(3, d.T("4.2 트래픽 라우팅", "4.2 Traffic routing"))
	routing := NewSections(d, "4.2", 4, 0)
	for _, c := range plan.Facets[Routed](e) {
		c.Routing(d, e, routing)
	}
	d.H(3, d.T("4.3 Network Policies", "4.3 Network policies"))
	d.H(4, d.T("4.3.1 마이크로서비스 간 통신 제어", "4.3.1 Service-to-service traffic"))
	flowTable(d, pl, e)
	d.H(3, d.T("4.4 서비스 디스커버리", "4.4 Service discovery"))
	d.Table(discoveryHead(d), discoveryRows(d, pl, e))

	d.H(2, d.T("5. 데이터 아키텍처", "5. Data"))
	data := NewSections(d, "5", 3, 0)
	for _, c := range plan.Facets[Stored](e) {
		c.Data(d, e, data)
	}
	data.Next(d.T("백업 및 복구", "Backup and recovery")).Next(d.T("백업 전략", "Backup"))
	backupTable(d, e)

	messaging(d, e)

	d.H(2, d.T("7. 보안 아키텍처", "7. Security"))
	d.H(3, d.T("7.1 다층 보안 아키텍처", "7.1 Security layers"))
	d.H(4, d.T("7.1.1 보안 계층 구성", "7.1.1 Layers"))
	d.Table([]string{d.T("계층", "Layer"), d.T("기술", "Technology"), d.T("적용", "Applied to")}, layerRows(d, e))
	d.H(3, d.T("7.2 인증 및 권한 관리", "7.2 Identity and access"))
	identityAndAccess(d, pl, e)
	d.H(3, d.T("7.3 네트워크 보안", "7.3 Network security"))
	d.H(4, d.T("7.3.1 Private Endpoints", "7.3.1 Private endpoints"))
	pe, _ := e.Network.Subnet("endpoints")
	var peRows [][]string
	// One row per endpoint, with the subresource it connects to and the
	// addresses it takes: their sum is the subnet's "addresses needed".
	for _, p := range e.PrivateEndpoints {
		peRows = append(peRows, []string{p.Title, pe.Name, p.DNSZone, p.Subresource, strconv.Itoa(p.Addresses())})
	}
	// What is reached privately without an endpoint takes none of its
	// addresses.
	for _, r := range rowsOf(e, func(c PrivatelyReached) [][]string { return c.PrivateAccess(d, e) }) {
		peRows = append(peRows, append(append([]string(nil), r...), "-", "-"))
	}
	d.Table([]string{d.T("서비스", "Service"), d.T("서브넷", "Subnet"), d.T("프라이빗 DNS 영역", "Private DNS zone"), d.T("하위 리소스", "Subresource"), d.T("필요 주소", "Addresses needed")}, peRows)
	d.H(3, d.T("7.4 시크릿 관리", "7.4 Secrets"))
	secrets := NewSections(d, "7.4", 4, 0)
	for _, c := range plan.Facets[SecretStored](e) {
		c.SecretStore(d, e, secrets)
	}
	d.P(d.T("시크릿 목록 (이름만, 값은 어떤 출력에도 쓰지 않습니다):", "Secrets (names only; values never appear in any output):"))
	d.List(e.Secrets...)
	if acc := plan.Facets[WayIn](e); len(acc) > 0 {
		d.H(3, d.T("7.5 운영자 접근", "7.5 Operator access"))
		as := NewSections(d, "7.5", 4, 0)
		for _, c := range acc {
			c.WayIn(d, e, as)
		}
	}

	d.H(2, d.T("8. 모니터링 및 관측 가능성", "8. Monitoring and observability"))
	d.H(3, d.T("8.1 모니터링 스택", "8.1 Monitoring stack"))
	mon := NewSections(d, "8.1", 4, 0)
	for _, c := range plan.Facets[Monitored](e) {
		c.Monitoring(d, e, mon)
	}
	mon.Next(d.T("알림 설정", "Alerts"))
	alertTable(d, e)
	if len(e.Diagnostics) > 0 {
		mon.Next(d.T("진단 설정", "Diagnostic settings"))
		diagnosticTable(d, e)
	}
	d.H(3, d.T("8.2 로깅 및 추적", "8.2 Logging and tracing"))
	d.H(4, d.T("8.2.1 중앙집중식 로깅", "8.2.1 Central logging"))
	d.Code("kusto", fmt.Sprintf("ContainerLogV2\n| where PodNamespace == \"%s\"\n| where LogLevel in (\"error\", \"critical\")\n| summarize count() by PodName, bin(TimeGenerated, 5m)", e.Namespace))
	d.H(4, d.T("8.2.2 APM 및 사용자 정의 메트릭", "8.2.2 APM and custom metrics"))
	d.Table(healthHead(d), healthRows(d, pl))

	d.H(2, d.T("9. 배포 관련 컴포넌트", "9. Deployment components"))
	deployTable(d, pl, e)
	var deploy []string
	if s := summary(d, e, SummaryImageScanning, ""); s != "" {
		deploy = append(deploy, s)
	}
	deploy = append(deploy, d.T("롤백: 수동 (`kubectl rollout undo deployment/<서비스>`)", "Rollback: by hand (`kubectl rollout undo deployment/<service>`)"))
	d.List(deploy...)

	d.H(2, d.T("10. 재해복구 및 고가용성", "10. Disaster recovery and high availability"))
	d.H(3, d.T("10.1 재해복구 전략", "10.1 Disaster recovery"))
	d.H(4, d.T("10.1.1 백업 및 복구 목표", "10.1.1 Objectives"))
	d.KV(d.T("항목", "Item"), d.T("값", "Value"),
		Row(d, "dr.rto", "RTO", msg.Duration(d, e.RTO)),
		Row(d, "dr.rpo", "RPO", msg.Duration(d, e.RPO)),
		Row(d, "dr.backup", d.T("백업", "Backup"), joinNonEmpty(", ", linesOf(e, func(c Recovered) []string { return []string{c.BackupSummary(d, e)} })...), backupLocators(d, e)...),
		Row(d, drModeID(e), d.T("DR 방식", "DR mode"), drMode(d, e), recoveryLocators(e)...),
	)
	recoverySteps(d, e)
	d.H(4, d.T("10.1.2 자동 장애조치", "10.1.2 Automatic failover"))
	failover := [][]string{{"AKS", d.T("노드 자동 복구", "node auto-repair")}}
	if e.RegionZones > 0 {
		failover[0][1] = fmt.Sprintf(d.T("%d개 영역에 Pod 분산, 노드 자동 복구", "pods over %d zones, node auto-repair"), len(e.Zones))
	}
	failover = append(failover, rowsOf(e, func(c FailingOver) [][]string { return c.Failover(d, e) })...)
	d.Table([]string{d.T("계층", "Tier"), d.T("장애조치", "Failover")}, failover)
	availabilitySection(d, ar)
	d.H(3, d.T("10.2 비즈니스 연속성", "10.2 Business continuity"))
	d.H(4, d.T("10.2.1 운영 절차", "10.2.1 Procedures"))
	// Only what the design has: the alerts' action group, the
	// maintenance window, the checks physarch runs; no on-call rota or
	// review process the spec does not state.
	var procs []string
	if e.ActionGroup.Name != "" {
		procs = append(procs, fmt.Sprintf(d.T("장애 대응: 알림이 심각도별로 작업 그룹 %s에 전달됨 (12.2)", "Incidents: the alerts notify the action group %s by severity (12.2)"), e.ActionGroup.Name))
	}
	if w := summary(d, e, SummaryMaintenance, ""); w != "" {
		procs = append(procs, w)
	}
	d.List(append(procs, d.T("변경 관리: 스펙 변경 후 `physarch check`로 규칙 검사, 다시 생성해 적용", "Change management: `physarch check` on the changed spec, then regenerate and apply"))...)

	d.H(2, d.T("11. 비용 최적화", "11. Cost"))
	d.H(3, d.T("11.1 운영환경 비용 구조", "11.1 Cost structure"))
	d.H(4, d.T("11.1.1 월간 비용 분석", "11.1.1 Monthly cost"))
	costTable(d, cr)
	d.H(4, d.T("11.1.2 비용 최적화 전략", "11.1.2 Strategies"))
	d.Table([]string{d.T("영역", "Area"), d.T("방안", "Measure"), d.T("절감률", "Saving")}, [][]string{
		{d.T("컴퓨팅", "Compute"), d.T("1년/3년 절감 플랜 또는 예약", "1- or 3-year savings plan or reservation"), savingsPlan(d, cr)},
		{d.T("자동 스케일링", "Autoscaling"), d.T("비피크 시간 최소 레플리카로 축소", "scale to minimum replicas off-peak"), notComputed(d)},
	})
	d.H(3, d.T("11.2 자동 스케일링 최적화", "11.2 Autoscaling for cost"))
	d.H(4, d.T("11.2.1 비용 기반 스케일링", "11.2.1 Scaling for cost"))
	var sc [][]string
	for _, p := range e.Pools {
		sc = append(sc, []string{p.Name, p.VMSize, strconv.Itoa(p.Min), strconv.Itoa(p.Max)})
	}
	d.Table([]string{d.T("노드 풀", "Node pool"), d.T("VM 크기", "VM size"), d.T("최소 노드", "Min nodes"), d.T("최대 노드", "Max nodes")}, sc)

	d.H(2, d.T("12. 운영 가이드", "12. Operations guide"))
	d.H(3, d.T("12.1 일상 운영", "12.1 Routine"))
	routineChecks(d, e)
	d.H(3, d.T("12.2 인시던트 대응", "12.2 Incidents"))
	incidentTable(d, e)
	d.List(d.T("자동 복구: `livenessProbe` 실패 시 컨테이너 재시작, HPA 확장, 노드 자동 복구", "Automatic recovery: `livenessProbe` restarts, HPA scale-out, node auto-repair"))

	d.H(2, d.T("13. 확장 계획", "13. Growth plan"))
	d.H(3, d.T("13.1 단계별 확장 로드맵", "13.1 Roadmap"))
	if dr != nil {
		roadmapTable(d, dr)
	}
	d.H(3, d.T("13.2 계층별 수평 확장", "13.2 Horizontal scaling per tier"))
	scaling := [][]string{
		{d.T("애플리케이션", "Applications"), "HPA", d.T("서비스별 최대 레플리카 (3.3.2)", "per-service max replicas (3.3.2)")},
		{d.T("노드", "Nodes"), d.T("클러스터 자동 스케일러", "Cluster Autoscaler"), totalNodes(e)},
	}
	scaling = append(scaling, rowsOf(e, func(c Scaled) [][]string { return c.Scaling(d, e) })...)
	d.Table([]string{d.T("계층", "Tier"), d.T("방식", "Method"), d.T("현재 한도", "Current limit")}, scaling)

	d.H(2, d.T("14. 운영환경 특성 요약", "14. Summary"))
	d.List(
		fmt.Sprintf(d.T("가용성: 목표 %s, %d개 영역", "Availability: target %s over %d zones"), pct(se.Targets.Availability), len(e.Zones)),
		fmt.Sprintf(d.T("확장성: 노드 %s대, 피크 %s req/s", "Scalability: %s nodes, %s req/s at peak"), totalNodes(e), num(e.PeakRPS)),
		d.T("보안: Front Door → WAF → 프라이빗 엔드포인트 → Key Vault", "Security: Front Door → WAF → private endpoints → Key Vault"),
	)
	return d
}

// zoneRows state the zones and how the pods spread over them: the node
// pools' zones in Terraform, and each zone-spread Deployment's constraint
// and anti-affinity.
func zoneRows(d *md.Doc, e *plan.Env) [][2]string {
	zs := make([]string, len(e.Zones))
	for i, z := range e.Zones {
		zs[i] = strconv.Itoa(z)
	}
	var spread, anti []claim.Locator
	for _, w := range e.Workloads {
		if w.Kind == spec.WorkloadCronJob {
			continue
		}
		if p := e.Pool(poolOf(w)); p == nil || len(p.Zones) < 2 {
			continue
		}
		spread = append(spread, claim.K8s("Deployment", w.Name, "spec.template.spec.topologySpreadConstraints.topologyKey").Is("topology.kubernetes.io/zone"))
		anti = append(anti, claim.K8s("Deployment", w.Name, "spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution.podAffinityTerm.topologyKey").Is("kubernetes.io/hostname"))
	}
	at := claim.TF(tfCluster, "default_node_pool.zones").Is(strings.Join(zs, ","))
	if e.RegionZones == 0 {
		// Nothing is pinned to a zone: the pool itself is what realises
		// "Azure places the nodes".
		at = claim.TF(tfCluster, "default_node_pool.vm_size")
	}
	rows := [][2]string{Row(d, "zones", d.T("가용 영역", "Zones"), zoneText(d, e), at)}
	if len(spread) == 0 {
		// One zone (or a region without zones): no Deployment spreads.
		return rows
	}
	return [][2]string{
		rows[0],
		Row(d, "zones.pod-spread", d.T("Pod 분산", "Pod spread"), "topologySpreadConstraints topology.kubernetes.io/zone, maxSkew 1", spread...),
		Row(d, "zones.anti-affinity", "Anti-Affinity", d.T("같은 서비스는 다른 노드 선호", "prefer different nodes for one service"), anti...),
	}
}

// poolOf is the node pool a workload runs on.
func poolOf(w plan.Workload) string {
	if w.Pool != "" {
		return w.Pool
	}
	return "apps"
}

func nsgTable(d *md.Doc, e *plan.Env) {
	var rows [][]string
	for _, r := range e.SecurityRules {
		sn, _ := e.Network.Subnet(r.Subnet)
		dir := d.T("인바운드", "inbound")
		if r.Direction == "Outbound" {
			dir = d.T("아웃바운드", "outbound")
		}
		rows = append(rows, []string{sn.Name, dir, strconv.Itoa(r.Priority), r.Name, strings.Join(r.Ports, ","), r.Source + " → " + r.Destination, r.Access})
	}
	d.Table([]string{"NSG", d.T("방향", "Direction"), d.T("우선순위", "Priority"), d.T("규칙 이름", "Rule"), d.T("포트", "Port"), d.T("소스 → 대상", "Source → destination"), d.T("동작", "Action")}, rows)
	d.P(fmt.Sprintf(d.T("모든 NSG는 허용 규칙 뒤에 DenyVnetInBound(우선순위 %d)로 끝납니다. Azure 기본 규칙 AllowVnetInBound(65000)는 VNet 내 모든 주소에 모든 포트를 열기 때문에, 이 규칙이 없으면 위 허용 규칙은 실제로 아무것도 막지 않습니다. 그 직전에 서브넷 자신의 주소(%d: AKS 노드·Pod 간, Flexible Server HA 복제, 게이트웨이 인스턴스 간)와 Azure Load Balancer 상태 프로브(%d, 168.63.129.16은 VirtualNetwork 태그에 포함)를 허용합니다. 아웃바운드는 Azure 기본값(VNet·인터넷 허용)입니다.",
		"Every NSG ends, after its allows, with DenyVnetInBound (priority %d): Azure's default AllowVnetInBound (65000) opens every port to every address of the VNet, so without it the allows above would block nothing. Just before it the subnet's own addresses (%d: AKS nodes and pods, Flexible Server's HA replication, gateway instances) and Azure Load Balancer's health probes (%d; 168.63.129.16 is in the VirtualNetwork tag) are allowed. Outbound is Azure's default (VNet and internet allowed)."),
		plan.PriorityDenyVnet, plan.PriorityAllowSubnet, plan.PriorityAllowLoadBalancer))
}

// layerRows are the security layers, by number: the components' (the
// perimeter, the gateway) and the core's identity and data layers.
func layerRows(d *md.Doc, e *plan.Env) [][]string {
	var layers []Layer
	for _, c := range plan.Facets[Layered](e) {
		layers = append(layers, c.SecurityLayers(d, e)...)
	}
	layers = append(layers,
		Layer{3, d.T("ID", "Identity"), d.T("Entra ID, 관리형 ID, 워크로드 ID", "Entra ID, managed identity, workload identity"), d.T("서비스 인증·인가", "service authentication and authorisation")},
		Layer{4, d.T("데이터", "Data"), d.T("TLS 1.2+, Key Vault, 프라이빗 엔드포인트, 저장 데이터 암호화", "TLS 1.2+, Key Vault, private endpoints, encryption at rest"), d.T("저장·전송 데이터", "data at rest and in transit")},
	)
	sort.SliceStable(layers, func(i, j int) bool { return layers[i].N < layers[j].N })
	rows := make([][]string, len(layers))
	for i, l := range layers {
		rows[i] = []string{fmt.Sprintf("L%d %s", l.N, l.Name), l.Technology, l.Applies}
	}
	return rows
}

// savingsPlan shows compute at minimum scale under pay-as-you-go and the
// savings plans, as the cost report has them.
func savingsPlan(d *md.Doc, cr *cost.Report) string {
	if cr == nil || cr.ComputeSP1Y == 0 {
		return notComputed(d)
	}
	s := fmt.Sprintf(d.T("컴퓨팅(최소 규모) %s → 1년 %s, 3년 %s", "compute at minimum scale %s → 1 year %s, 3 years %s"), msg.USD(cr.ComputePAYG), msg.USD(cr.ComputeSP1Y), msg.USD(cr.ComputeSP3Y))
	if cr.ComputeSPEstimated {
		s += d.T(" (추정: 절감 플랜 가격은 출처가 없어 eastus D2s_v3의 비율로 계산)", " (estimate: no source has these savings-plan prices; they follow eastus D2s_v3's ratios)")
	}
	return s
}
