package docs

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/k8s"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
)

// devDoc writes the development-environment document: cost first, backing
// services as pods on managed disks, one zone.
func devDoc(pl *plan.Plan, e *plan.Env, cr *cost.Report, ar *availability.Report, lang md.Lang) *md.Doc {
	d := md.New(lang)
	se := e.Settings
	d.H(1, fmt.Sprintf(d.T("%s - 물리 아키텍처 설계서 (%s 개발환경)", "%s - Physical Architecture (%s, development)"), text(d, pl.Title), e.Name))
	generatedNote(d)

	d.H(2, d.T("1. 개요", "1. Overview"))
	d.H(3, d.T("1.1 설계 목적", "1.1 Purpose"))
	d.List(
		fmt.Sprintf(d.T("%s의 개발환경(%s) Azure 물리 아키텍처 설계", "Azure physical architecture of the %s development environment (%s)"), text(d, pl.Title), e.Name),
		fmt.Sprintf(d.T("마이크로서비스 %d개의 개발·검증·테스트 환경", "development, validation and test environment for %d microservices"), len(pl.Services)),
		fmt.Sprintf(d.T("최대 동시 사용자 %s명, 리전 %s", "up to %s concurrent users, region %s"), msg.Int(se.Targets.Users), pl.Region),
	)
	// The cost principle names Spot nodes only where a pool runs on Spot
	// (a B-series pool never does: azure.SpotOffered).
	// The tier is the plan's (a spec may set dev to Standard).
	costPrinciple := fmt.Sprintf(d.T("비용 최적화: Spot 노드, Pod 기반 백킹 서비스, AKS %s 계층", "Cost: Spot nodes, backing services as pods, AKS %s tier"), e.Settings.AKS.Tier)
	if !spotPool(e) {
		costPrinciple = fmt.Sprintf(d.T("비용 최적화: Pod 기반 백킹 서비스, AKS %s 계층", "Cost: backing services as pods, AKS %s tier"), e.Settings.AKS.Tier)
	}
	d.H(3, d.T("1.2 설계 원칙", "1.2 Design principles"))
	d.List(
		d.T("MVP 우선: 기능 개발과 검증에 필요한 최소 구성", "MVP first: the least that development and validation need"),
		costPrinciple,
		d.T("개발 편의성: kubectl 한 번으로 배포, 빠른 재시작", "Developer convenience: one kubectl apply, fast restarts"),
		d.T("단순성: 단일 영역, 단일 서브넷, 최소 보안 구성", "Simplicity: one zone, one subnet, basic security"),
	)
	d.H(3, d.T("1.3 참조 아키텍처", "1.3 References"))
	refs(d, pl, e)

	d.H(2, d.T("2. 개발환경 아키텍처 개요", "2. Environment overview"))
	d.H(3, d.T("2.1 환경 특성", "2.1 Characteristics"))
	d.KV(d.T("구분", "Item"), d.T("값", "Value"),
		[2]string{d.T("목적", "Purpose"), d.T("MVP 개발, 기능 검증, 통합 테스트", "MVP development, functional validation, integration tests")},
		[2]string{d.T("사용자", "Users"), fmt.Sprintf(d.T("최대 동시 사용자 %s명 (피크 %s req/s)", "%s peak concurrent users (%s req/s at peak)"), msg.Int(se.Targets.Users), num(e.PeakRPS))},
		[2]string{d.T("가용성 목표", "Availability target"), downtime(d, e)},
		[2]string{d.T("구성 요소 기준 가용성", "Composite availability"), composite(d, ar)},
		[2]string{d.T("확장성", "Scalability"), d.T("고정 리소스 (수동 확장)", "fixed resources (manual scaling)")},
		[2]string{d.T("보안 수준", "Security level"), d.T("기본 (Network Policy, Kubernetes Secret)", "basic (network policies, Kubernetes Secrets)")},
		[2]string{d.T("가용 영역", "Zones"), zones(e.Zones)},
		[2]string{"RTO / RPO", msg.Duration(d, e.RTO) + " / " + msg.Duration(d, e.RPO)},
	)
	availabilitySection(d, ar)
	d.H(3, d.T("2.2 전체 아키텍처", "2.2 Architecture"))
	comps := []string{
		fmt.Sprintf(d.T("인그레스: %s (LoadBalancer)", "Ingress: %s (LoadBalancer)"), ingressName(d, e)),
		fmt.Sprintf(d.T("애플리케이션: 서비스 %d개 (%s)", "Applications: %d services (%s)"), len(pl.Services), serviceNames(pl)),
	}
	comps = append(comps, linesOf(e, func(c Overviewed) []string { return c.Overview(d, e) })...)
	comps = append(comps, fmt.Sprintf(d.T("다이어그램: [%s](./%s)", "Diagram: [%s](./%s)"), DiagramName(e), DiagramName(e)))
	d.List(comps...)

	d.H(2, d.T("3. 컴퓨팅 아키텍처", "3. Compute"))
	d.H(3, d.T("3.1 AKS 클러스터 구성", "3.1 AKS cluster"))
	d.H(4, d.T("3.1.1 클러스터 설정", "3.1.1 Cluster settings"))
	clusterSettings(d, e)
	d.H(4, d.T("3.1.2 노드 풀 구성", "3.1.2 Node pools"))
	poolTable(d, e)
	d.H(3, d.T("3.2 서비스별 리소스 할당", "3.2 Resources per service"))
	d.H(4, d.T("3.2.1 애플리케이션 서비스", "3.2.1 Application services"))
	workloadTable(d, pl, e, false)
	workloadNotes(d, pl, e)
	d.H(4, d.T("3.2.2 백킹 서비스", "3.2.2 Backing services"))
	var brows [][]string
	for _, b := range e.Backing {
		brows = append(brows, []string{b.Name, b.Image, b.CPURequest, b.MemRequest, b.CPULimit, b.MemLimit, b.StorageClass, storageSize(b.StorageGB)})
	}
	d.Table([]string{d.T("서비스", "Service"), d.T("이미지", "Image"), "CPU Requests", "Memory Requests", "CPU Limits", "Memory Limits", d.T("스토리지 클래스", "Storage class"), d.T("스토리지", "Storage")}, brows)
	d.H(4, d.T("3.2.3 스토리지 클래스 구성", "3.2.3 Storage classes"))
	d.Table([]string{d.T("스토리지 클래스", "Storage class"), "Provisioner", "SKU", d.T("회수 정책 (reclaimPolicy)", "Reclaim policy"), d.T("용도", "Use")}, storageClassRows(d, e))
	d.P(d.T("hostPath 볼륨은 사용하지 않습니다. 노드가 교체되어도 데이터가 유지되도록 모든 상태는 Azure 관리 디스크에 둡니다.",
		"No hostPath volumes: all state lives on Azure managed disks so that it survives a node being replaced."))

	d.H(2, d.T("4. 네트워크 아키텍처", "4. Network"))
	d.H(3, d.T("4.1 네트워크 구성", "4.1 Layout"))
	d.H(4, d.T("4.1.1 네트워크 토폴로지", "4.1.1 Topology"))
	d.KV(d.T("구성 항목", "Item"), d.T("값", "Value"), vnetRows(d, e, "VNet")...)
	subnetTable(d, e)
	d.P(fmt.Sprintf(d.T("네트워크 다이어그램: [%s](./%s)", "Network diagram: [%s](./%s)"), NetworkName(e), NetworkName(e)))
	d.H(4, d.T("4.1.2 네트워크 보안", "4.1.2 Network security"))
	d.P(d.T("기본 정책은 모든 Pod 간 통신 차단이며, 아래 연결만 허용합니다. 데이터베이스 포트에는 데이터베이스를 소유한 서비스만 접근합니다.",
		"Pods deny all traffic by default; only the connections below are allowed. Only the services that own a database reach the database port."))
	flowTable(d, pl, e)
	d.H(3, d.T("4.2 서비스 디스커버리", "4.2 Service discovery"))
	d.Table(discoveryHead(d), discoveryRows(d, pl, e))

	d.H(2, d.T("5. 데이터 아키텍처", "5. Data"))
	d.H(3, d.T("5.1 데이터베이스 구성", "5.1 Databases"))
	data := NewSections(d, "5.1", 4, 0)
	for _, c := range plan.Facets[Stored](e) {
		c.Data(d, e, data)
	}
	d.H(3, d.T("5.2 데이터 관리 전략", "5.2 Data management"))
	d.H(4, d.T("5.2.1 데이터 초기화", "5.2.1 Data initialisation"))
	var jrows [][]string
	for i, r := range rowsOf(e, func(c Initialised) [][]string { return c.InitJobs(d, e) }) {
		jrows = append(jrows, append([]string{strconv.Itoa(i + 1)}, r...))
	}
	d.Table([]string{d.T("순서", "Order"), "Job", d.T("작업", "Work"), d.T("검증", "Verification")}, jrows)
	d.H(4, d.T("5.2.2 백업 전략", "5.2.2 Backup"))
	backupTable(d, e)

	messaging(d, e)

	d.H(2, d.T("7. 보안 아키텍처", "7. Security"))
	d.H(3, d.T("7.1 개발환경 보안 정책", "7.1 Security policy"))
	d.H(4, d.T("7.1.1 기본 보안 설정", "7.1.1 Basic settings"))
	d.Table([]string{d.T("계층", "Layer"), d.T("설정", "Setting")}, [][]string{
		{d.T("네트워크", "Network"), fmt.Sprintf(d.T("Network Policy (%s), 기본 차단", "Network Policy (%s), default deny"), se.AKS.NetworkPolicy)},
		{d.T("Pod", "Pod"), d.T("non-root, 읽기 전용 루트 파일시스템, 권한 상승 금지", "non-root, read-only root filesystem, no privilege escalation")},
		{d.T("인증", "Authentication"), d.T("애플리케이션 JWT 검증", "application JWT validation")},
	})
	d.P(d.T("시크릿 목록 (값은 어떤 출력에도 쓰지 않습니다):", "Secrets (values never appear in any output):"))
	d.List(e.Secrets...)
	d.H(4, d.T("7.1.2 시크릿 관리", "7.1.2 Secret management"))
	d.KV(d.T("구성 항목", "Item"), d.T("값", "Value"),
		Row(d, "secrets.store", d.T("저장소", "Store"), d.T("Kubernetes Secret (사용자가 직접 생성)", "Kubernetes Secret (created by the user)"),
			claim.File(path.Join(k8s.Dir, "overlays", e.Name, "SECRETS.md"), "create secret generic")),
	)
	d.H(3, d.T("7.2 Network Policies", "7.2 Network policies"))
	d.H(4, d.T("7.2.1 Network Policy 상세", "7.2.1 Network policy details"))
	flowTable(d, pl, e)
	if acc := plan.Facets[WayIn](e); len(acc) > 0 {
		d.H(3, d.T("7.3 운영자 접근", "7.3 Operator access"))
		as := NewSections(d, "7.3", 4, 0)
		for _, c := range acc {
			c.WayIn(d, e, as)
		}
	}

	d.H(2, d.T("8. 모니터링 및 로깅", "8. Monitoring and logging"))
	d.H(3, d.T("8.1 모니터링", "8.1 Monitoring"))
	d.H(4, d.T("8.1.1 Kubernetes 모니터링", "8.1.1 Kubernetes monitoring"))
	if len(e.Alerts) > 0 {
		alertTable(d, e)
	} else {
		// No alert rules in dev: the thresholds are checks run by hand,
		// each with its command.
		d.P(d.T("개발환경에는 알림 규칙이 없습니다. 아래 점검은 직접 실행합니다.", "Development has no alert rules; these checks are run by hand."))
		d.Table([]string{d.T("메트릭", "Metric"), d.T("임계값", "Threshold"), d.T("명령", "Command"), d.T("조치", "Action")}, [][]string{
			{d.T("노드 CPU", "Node CPU"), summary(d, e, SummaryCPUAlert, "-"), "`kubectl top nodes`", d.T("노드 추가 검토", "consider another node")},
			{d.T("Pod 재시작", "Pod restarts"), d.T("10분 내 3회", "3 in 10 min"), fmt.Sprintf("`kubectl get pods -n %s --sort-by=.status.containerStatuses[0].restartCount`", e.Namespace), d.T("로그 확인", "check logs")},
		})
	}
	d.H(4, d.T("8.1.2 헬스 체크", "8.1.2 Health checks"))
	d.Table(healthHead(d), healthRows(d, pl))
	d.H(3, d.T("8.2 로깅", "8.2 Logging"))
	d.H(4, d.T("8.2.1 로그 수집", "8.2.1 Log collection"))
	logs := [][2]string{Row(d, "logs.collection", d.T("수집", "Collection"), d.T("`kubectl logs`로 컨테이너 표준 출력(stdout) 조회", "`kubectl logs` / stdout"), claim.Manually("kubectl logs"))}
	// Retention is printed only where something keeps the logs that long.
	if at := summaryAt(e, SummaryLogRetention); len(at) > 0 {
		logs = append(logs, Row(d, "logs.retention", d.T("보관", "Retention"), summary(d, e, SummaryLogRetention, "-"), at...))
	}
	d.KV(d.T("구성 항목", "Item"), d.T("값", "Value"), logs...)

	d.H(2, d.T("9. 배포 관련 컴포넌트", "9. Deployment components"))
	deployTable(d, pl, e)

	d.H(2, d.T("10. 비용 최적화", "10. Cost"))
	d.H(3, d.T("10.1 개발환경 비용 구조", "10.1 Cost structure"))
	d.H(4, d.T("10.1.1 주요 비용 요소", "10.1.1 Main cost items"))
	costTable(d, cr)
	d.H(4, d.T("10.1.2 비용 절약 전략", "10.1.2 Saving measures"))
	var saving [][]string
	if spotPool(e) {
		saving = append(saving, []string{d.T("컴퓨팅", "Compute"), d.T("애플리케이션 노드 풀 Spot", "Spot application pool"), notComputed(d)})
	}
	saving = append(saving,
		[]string{d.T("백킹 서비스", "Backing services"), d.T("관리형 대신 Pod", "pods instead of managed services"), notComputed(d)},
		[]string{d.T("운영 시간", "Hours"), d.T("업무 시간 외 클러스터 중지 (`az aks stop`)", "stop the cluster out of hours (`az aks stop`)"), notComputed(d)})
	d.Table([]string{d.T("영역", "Area"), d.T("방안", "Measure"), d.T("절감률", "Saving")}, saving)

	d.H(2, d.T("11. 개발환경 운영 가이드", "11. Operations guide"))
	d.H(3, d.T("11.1 일상 운영", "11.1 Daily operations"))
	d.H(4, d.T("11.1.1 환경 시작/종료", "11.1.1 Start and stop"))
	d.Code("bash", fmt.Sprintf("az aks start --resource-group %[1]s --name %[2]s\nkubectl -n %[3]s get pods\nkubectl -n %[3]s scale deployment --all --replicas=0   # "+d.T("워크로드 일시 중지", "pause workloads")+"\naz aks stop --resource-group %[1]s --name %[2]s", e.Names.ResourceGroup, e.Names.Cluster, e.Namespace))
	d.H(4, d.T("11.1.2 데이터 관리", "11.1.2 Data"))
	if cmds := linesOf(e, func(c Operated) []string { return c.DevCommands(d, e) }); len(cmds) > 0 {
		d.Code("bash", strings.Join(cmds, "\n"))
	} else {
		d.P(d.T("이 환경에는 데이터를 가진 구성 요소가 없습니다.", "This environment has no component that holds data."))
	}
	d.H(3, d.T("11.2 트러블슈팅", "11.2 Troubleshooting"))
	d.H(4, d.T("11.2.1 일반적인 문제 해결", "11.2.1 Common problems"))
	d.Table([]string{d.T("문제", "Problem"), d.T("원인", "Cause"), d.T("해결", "Fix"), d.T("예방", "Prevention")}, append([][]string{
		{d.T("Pod Pending", "Pod pending"), pendingCause(d, e), d.T("노드 풀 확장", "scale the node pool"), d.T("requests 검토", "review requests")},
		{d.T("DB 연결 실패", "DB connection fails"), d.T("Network Policy 또는 Secret 누락", "network policy or missing Secret"), d.T("정책·Secret 확인", "check policy and Secret"), d.T("배포 전 `physarch validate` 실행", "`physarch validate` before deploying")},
	}, rowsOf(e, func(c Troubleshot) [][]string { return c.Troubles(d, e) })...))

	d.H(2, d.T("12. 개발환경 특성 요약", "12. Summary"))
	d.List(
		fmt.Sprintf(d.T("원칙: 비용 우선, 단순성 (노드 %s대, 서비스 %d개)", "Principles: cost first, simplicity (%s nodes, %d services)"), totalNodes(e), len(pl.Services)),
		devConstraints(d, e, se.Targets.Availability),
		d.T("목표: 빠른 개발 주기와 운영환경과 같은 서비스 구성", "Goal: fast iterations on the same services as production"),
	)
	return d
}

func refs(d *md.Doc, pl *plan.Plan, e *plan.Env) {
	items := []string{
		d.T("마스터 물리 아키텍처: [physical-architecture.md](./physical-architecture.md)", "Master: [physical-architecture.md](./physical-architecture.md)"),
	}
	for _, o := range pl.Envs {
		if o != e {
			items = append(items, fmt.Sprintf(d.T("%s 환경: [%s](./%s)", "%s environment: [%s](./%s)"), o.Name, DocName(o), DocName(o)))
		}
	}
	items = append(items,
		d.T("논리 아키텍처: design/backend/logical/logical-architecture.md", "Logical architecture: design/backend/logical/logical-architecture.md"),
		d.T("API 설계서: design/backend/api/*.yaml", "API design: design/backend/api/*.yaml"),
	)
	d.List(items...)
}

func clusterSettings(d *md.Doc, e *plan.Env) {
	a := e.Settings.AKS
	rbac := Row(d, "aks.rbac", "RBAC", d.T("Kubernetes RBAC", "Kubernetes RBAC"), claim.TF(tfCluster, ""))
	if a.EntraRBAC {
		rbac = Row(d, "aks.rbac", "RBAC", d.T("Entra ID 통합", "Entra ID integrated"), claim.TF(tfCluster, "azure_active_directory_role_based_access_control.azure_rbac_enabled").Is("true"))
	}
	rows := [][2]string{
		Row(d, "aks.version", d.T("Kubernetes 버전", "Kubernetes version"), a.KubernetesVersion, claim.TF(tfCluster, "kubernetes_version").Is(a.KubernetesVersion)),
		Row(d, "aks.tier", d.T("서비스 계층", "Tier"), a.Tier, claim.TF(tfCluster, "sku_tier").Is(a.Tier)),
		Row(d, "aks.network-plugin", d.T("네트워크 플러그인", "Network plugin"), "Azure CNI", claim.TF(tfCluster, "network_profile.network_plugin").Is("azure")),
		Row(d, "aks.network-policy", d.T("네트워크 정책", "Network policy"), a.NetworkPolicy, claim.TF(tfCluster, "network_profile.network_policy").Is(a.NetworkPolicy)),
		Row(d, "aks.ingress", d.T("인그레스", "Ingress"), ingressName(d, e), summaryAt(e, SummaryIngress)...),
		Row(d, "aks.dns", "DNS", fmt.Sprintf("CoreDNS (%s)", e.Network.DNSServiceIP), claim.TF(tfCluster, "network_profile.dns_service_ip").Is(e.Network.DNSServiceIP)),
		rbac,
		Row(d, "aks.private-cluster", d.T("프라이빗 클러스터", "Private cluster"), msg.Bool(d, a.PrivateCluster), claim.TF(tfCluster, "private_cluster_enabled").Is(strconv.FormatBool(a.PrivateCluster))),
	}
	for _, c := range plan.Facets[ClusterConfigured](e) {
		rows = append(rows, c.ClusterSettings(d, e)...)
	}
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"), rows...)
}

// vnetRows state the virtual network's address space and the cluster's
// service range and DNS address.
func vnetRows(d *md.Doc, e *plan.Env, space string) [][2]string {
	return [][2]string{
		Row(d, "network.vnet", space, e.Network.VNet, claim.TF(tfVNet, "address_space").Is(e.Network.VNet)),
		Row(d, "network.service-cidr", "Service CIDR", e.Network.ServiceCIDR, claim.TF(tfCluster, "network_profile.service_cidr").Is(e.Network.ServiceCIDR)),
		Row(d, "network.dns-service-ip", d.T("DNS 서비스 IP", "DNS service IP"), e.Network.DNSServiceIP, claim.TF(tfCluster, "network_profile.dns_service_ip").Is(e.Network.DNSServiceIP)),
	}
}

// The Terraform addresses of what the core documents describe (the
// cluster and its network), as the Terraform renderer names them.
const (
	tfCluster = "azurerm_kubernetes_cluster.main"
	tfVNet    = "azurerm_virtual_network.main"
)

func workloadTable(d *md.Doc, pl *plan.Plan, e *plan.Env, hpa bool) {
	var rows [][]string
	for _, w := range e.Workloads {
		reps, peak, scaling := workloadCells(d, pl, w)
		row := []string{w.Name, w.CPURequest, w.MemRequest, w.CPULimit, w.MemLimit, reps, peak}
		if hpa {
			row = append(row, scaling)
		}
		rows = append(rows, row)
	}
	head := []string{d.T("서비스", "Service"), "CPU Requests", "Memory Requests", "CPU Limits", "Memory Limits", "Replicas", d.T("피크 req/s", "Peak req/s")}
	if hpa {
		head = append(head, "HPA Target")
	}
	d.Table(head, rows)
}

func deployTable(d *md.Doc, pl *plan.Plan, e *plan.Env) {
	// Deploying is a manual step with its exact command: nothing generated
	// runs it (no pipeline, no GitOps controller).
	overlay := path.Join(k8s.Dir, "overlays", e.Name)
	apply := "kubectl apply -k " + overlay
	rows := rowsOf(e, func(c Deployed) [][]string { return c.Deployment(d, e) })
	rows = append(rows, [][]string{
		Cells(d, "deploy.cd", []string{"CD", fmt.Sprintf(d.T("수동: `%s`", "manual: `%s`"), apply)}, claim.Manually(apply)),
		Cells(d, "deploy.packaging", []string{d.T("패키징", "Packaging"), "Kustomize (deploy/k8s)"}, claim.File(path.Join(overlay, "kustomization.yaml"), "")),
		Cells(d, "deploy.overlay", []string{d.T("환경별 설정", "Per-environment values"), overlay}, claim.File(path.Join(overlay, "kustomization.yaml"), "")),
	}...)
	d.Table([]string{d.T("구성 요소", "Component"), d.T("설정", "Setting")}, rows)
	nameChanges(d, e)
}

// nameChanges says which names physarch had to change to meet the
// platforms' naming rules (length, characters, hyphens), one row each.
func nameChanges(d *md.Doc, e *plan.Env) {
	if len(e.NameChanges) == 0 {
		return
	}
	d.P(d.T("이름 규칙에 맞추려고 바꾼 이름 (Terraform 변수로 다시 정할 수 있습니다):", "Names changed to meet the platforms' naming rules (Terraform variables can override them):"))
	var rows [][]string
	for _, c := range e.NameChanges {
		rows = append(rows, []string{twin(d, c.ResourceKo, c.Resource), "`" + c.Wanted + "`", "`" + c.Got + "`", twin(d, c.WhyKo, c.Why)})
	}
	d.Table([]string{d.T("리소스", "Resource"), d.T("원하던 이름", "Wanted"), d.T("사용하는 이름", "Used"), d.T("이유", "Why")}, rows)
}

func storageSize(gb int) string {
	if gb == 0 {
		return "-"
	}
	return fmt.Sprintf("%dGi", gb)
}

func serviceNames(pl *plan.Plan) string {
	names := make([]string, len(pl.Services))
	for i, s := range pl.Services {
		names[i] = s.Name
	}
	return strings.Join(names, ", ")
}

func totalNodes(e *plan.Env) string {
	lo, hi := e.TotalNodes()
	if lo == hi {
		return strconv.Itoa(lo)
	}
	return fmt.Sprintf("%d–%d", lo, hi)
}

// storageClassRows are the storage classes the environment's pods keep
// their data on, with the pods that use each.
func storageClassRows(d *md.Doc, e *plan.Env) [][]string {
	var classes []string
	users := map[string][]string{}
	for _, b := range e.Backing {
		if b.StorageClass == "" {
			continue
		}
		if users[b.StorageClass] == nil {
			classes = append(classes, b.StorageClass)
		}
		users[b.StorageClass] = append(users[b.StorageClass], b.Title)
	}
	var rows [][]string
	for _, c := range classes {
		who := strings.Join(users[c], "/")
		// What AKS defines the class as (reclaimPolicy Delete for its
		// built-in classes: the disk goes with the claim); a class the
		// spec names that AKS does not create is the cluster owner's.
		prov, sku, reclaim := "-", "-", d.T("클러스터에서 정의", "as the cluster defines it")
		if sc, ok := azure.LookupAKSStorageClass(c); ok {
			prov, sku, reclaim = sc.Provisioner, sc.SKU, sc.ReclaimPolicy
		}
		rows = append(rows, []string{c, prov, sku, reclaim, fmt.Sprintf(d.T("%s 데이터 (Azure 관리 디스크)", "%s data (Azure managed disk)"), who)})
	}
	return rows
}

// spotPool reports whether one of the environment's node pools is Spot.
func spotPool(e *plan.Env) bool {
	for _, p := range e.Pools {
		if p.Spot {
			return true
		}
	}
	return false
}

// pendingCause is why a pod stays pending here: node capacity, and Spot
// eviction only where a pool is Spot.
func pendingCause(d *md.Doc, e *plan.Env) string {
	if spotPool(e) {
		return d.T("노드 리소스 부족 또는 Spot 회수", "node capacity or Spot eviction")
	}
	return d.T("노드 리소스 부족", "node capacity")
}

// devConstraints are the environment's constraints as its plan has them:
// its zones, its availability target and, with a Spot pool, the restarts
// an eviction brings.
func devConstraints(d *md.Doc, e *plan.Env, availability float64) string {
	zones := d.T("단일 영역", "one zone")
	if len(e.Zones) > 1 {
		zones = fmt.Sprintf(d.T("%d개 영역", "%d zones"), len(e.Zones))
	}
	c := fmt.Sprintf(d.T("제약: %s, 가용성 목표 %s", "Constraints: %s, availability target %s"), zones, pct(availability))
	if spotPool(e) {
		c += d.T(", Spot 회수 시 재시작", ", restarts on Spot eviction")
	}
	return c
}
