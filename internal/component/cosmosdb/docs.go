package cosmosdb

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
)

// throughputLabel is the account's capacity in one phrase, in English
// (the diagrams' label); throughputText in the document's language.
func (c *Component) throughputLabel() string { return c.throughputText(md.En) }

func (c *Component) throughputText(l md.Lang) string {
	t := func(ko, en string) string {
		if l == md.Ko {
			return ko
		}
		return en
	}
	switch {
	case !c.Managed():
		return t("mongo Pod (", "mongo pod (") + c.Pod.Image + ")"
	case c.Capacity == "serverless":
		return "serverless"
	case c.Capacity == "autoscale":
		return t("autoscale 최대 ", "autoscale max ") + thousands(c.TotalRUs()) + " RU/s"
	}
	return t("프로비저닝 ", "provisioned ") + thousands(c.TotalRUs()) + " RU/s"
}

// regionList names the regions in failover order.
func (c *Component) regionList() string {
	names := make([]string, len(c.Regions))
	for i, r := range c.Regions {
		names[i] = r.Name
	}
	return strings.Join(names, ", ")
}

// apiLabel is the API with its server version.
func (c *Component) apiLabel() string {
	if c.API == "MongoDB" {
		return "MongoDB " + c.MongoVersion
	}
	return c.API
}

// consistencyLabel is the consistency level with its bounds.
func (c *Component) consistencyLabel(d *md.Doc) string {
	if c.Consistency == "BoundedStaleness" {
		return fmt.Sprintf(d.T("BoundedStaleness (%d초, %s개 버전)", "BoundedStaleness (%d s, %s versions)"), stalenessSeconds, thousands(stalenessPrefix))
	}
	return c.Consistency
}

// Overview implements docs.Overviewed.
func (c *Component) Overview(d *md.Doc, _ *plan.Env) []string {
	if !c.Managed() {
		return []string{fmt.Sprintf(d.T("문서 데이터베이스: MongoDB %s Pod (Cosmos DB for MongoDB 대체, 컨테이너 %d개)", "Document database: MongoDB %s pod (standing in for Cosmos DB for MongoDB, %d containers)"), c.MongoVersion, len(c.Containers))}
	}
	return []string{fmt.Sprintf(d.T("문서 데이터베이스: Azure Cosmos DB for %s %s (%s, 컨테이너 %d개)", "Document database: Azure Cosmos DB for %s %s (%s, %d containers)"), c.API, c.throughputText(d.Lang), c.Account, len(c.Containers))}
}

// Discovery implements docs.Discovered.
func (c *Component) Discovery(d *md.Doc, _ *plan.Env) [][]string {
	purpose := d.T("문서 데이터베이스 (NoSQL API, 게이트웨이 모드)", "document database (NoSQL API, gateway mode)")
	if c.API == "MongoDB" {
		purpose = d.T("문서 데이터베이스 (MongoDB API)", "document database (MongoDB API)")
	}
	return [][]string{{"Cosmos DB", c.Host, strconv.Itoa(c.Port), purpose}}
}

// Data implements docs.Stored: the account, its regions, its containers
// with their RU/s and partition keys, and the data the RU/s come from,
// each default marked.
func (c *Component) Data(d *md.Doc, e *plan.Env, s *docs.Sections) {
	sub := s.Next("Azure Cosmos DB")
	sub.Next(d.T("Cosmos DB 계정", "Cosmos DB account"))
	if c.Managed() {
		c.accountTable(d)
		sub.Next(d.T("리전", "Regions"))
		c.regionTable(d)
	} else {
		c.podTable(d)
	}
	sub.Next(d.T("컨테이너와 RU/s", "Containers and RU/s"))
	c.containerTable(d)
	c.derivation(d)
	sub.Next(d.T("데이터와 요청 비용", "Data and request cost"))
	c.dataTables(d)
}

func (c *Component) accountTable(d *md.Doc) {
	capacity := map[string]string{
		"provisioned": d.T("provisioned (수동 RU/s)", "provisioned (manual RU/s)"),
		"autoscale":   d.T("autoscale (최대 RU/s의 10%–100%)", "autoscale (10%–100% of the maximum RU/s)"),
		"serverless":  d.T("serverless (요청당 과금, 단일 리전)", "serverless (billed per request, one region)"),
	}[c.Capacity]
	network := d.T("공용 엔드포인트", "public endpoint")
	if c.endpoint {
		_, zone := c.subresource()
		network = fmt.Sprintf(d.T("프라이빗 엔드포인트 (%s), 공용 접근 차단", "private endpoint (%s), public access disabled"), zone)
	}
	endpoint := fmt.Sprintf("<https://%s:%d/> (%s)", c.Host, c.Port, d.T("게이트웨이 모드", "gateway mode"))
	if c.API == "MongoDB" {
		endpoint = fmt.Sprintf("%s:%d (TLS)", c.Host, c.Port)
	}
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"),
		docs.Row(d, "cosmosdb.api", "API", c.apiLabel(), claim.TF(tfAccount, "kind").Is(c.kind())),
		docs.Row(d, "cosmosdb.account", d.T("계정", "Account"), c.Account, claim.TF(tfAccount, "name").Is(c.Account)),
		docs.Row(d, "cosmosdb.capacity", d.T("용량 모드", "Capacity mode"), capacity, c.capacityAt()),
		docs.Row(d, "cosmosdb.consistency", d.T("일관성", "Consistency"), c.consistencyLabel(d), claim.TF(tfAccount, "consistency_policy.consistency_level").Is(c.Consistency)),
		docs.Row(d, "cosmosdb.multi-region-writes", d.T("다중 리전 쓰기", "Multi-region writes"), msg.Bool(d, c.MultiRegionWrites), claim.TF(tfAccount, "multiple_write_locations_enabled").Is(strconv.FormatBool(c.MultiRegionWrites))),
		docs.Row(d, "cosmosdb.backup", d.T("백업", "Backup"), c.backupLabel(d), c.backupAt()),
		docs.Row(d, "cosmosdb.network", d.T("네트워크", "Network"), network, c.networkAt()...),
		docs.Row(d, "cosmosdb.endpoint", d.T("엔드포인트", "Endpoint"), endpoint, claim.TF(tfAccount, "name").Is(c.Account)),
		// account keys are the account's default authentication
		docs.Row(d, "cosmosdb.auth", d.T("인증", "Authentication"), fmt.Sprintf(d.T("계정 키 (시크릿 %s)", "account key (secret %s)"), Secret), claim.TF(tfAccount, "")),
	)
}

func (c *Component) backupLabel(d *md.Doc) string {
	if c.Backup.Type == "continuous" {
		days := 7
		if c.Backup.Tier == "Continuous30Days" {
			days = 30
		}
		return fmt.Sprintf(d.T("연속 백업 %s (%d일 내 특정 시점 복원)", "continuous %s (point-in-time restore within %d days)"), c.Backup.Tier, days)
	}
	return fmt.Sprintf(d.T("주기 백업 %d분마다, %d시간 보관, %s 중복", "periodic every %d min, kept %d hours, %s redundancy"), c.Backup.IntervalMinutes, c.Backup.RetentionHours, c.Backup.Redundancy)
}

func (c *Component) regionTable(d *md.Doc) {
	var rows [][]string
	for _, r := range c.Regions {
		role := d.T("쓰기", "write")
		if r.FailoverPriority > 0 && !c.MultiRegionWrites {
			role = d.T("읽기", "read")
		}
		rows = append(rows, []string{r.Name, role, strconv.Itoa(r.FailoverPriority), msg.Bool(d, r.ZoneRedundant)})
	}
	d.Table([]string{d.T("리전", "Region"), d.T("역할", "Role"), d.T("장애조치 우선순위", "Failover priority"), d.T("영역 중복", "Zone redundancy")}, rows)
}

func (c *Component) podTable(d *md.Doc) {
	b := c.Pod
	d.KV(d.T("구성 항목", "Item"), d.T("값", "Value"),
		docs.Row(d, "cosmosdb.pod.image", d.T("이미지", "Image"), b.Image, docs.PodImage(b)),
		docs.Row(d, "cosmosdb.pod.resources", d.T("리소스", "Resources"), fmt.Sprintf("requests %s / %s, limits %s / %s", b.CPURequest, b.MemRequest, b.CPULimit, b.MemLimit), docs.PodResources(b)...),
		docs.Row(d, "cosmosdb.pod.storage", d.T("스토리지", "Storage"), fmt.Sprintf("%s, %s, %s", b.StorageClass, docs.StorageSize(b.StorageGB), mongoDataDir),
			append(docs.PodStorage(b), claim.K8s("StatefulSet", b.Name, "spec.template.spec.containers.volumeMounts.mountPath").Is(mongoDataDir))...),
		docs.Row(d, "cosmosdb.pod.endpoint", d.T("접속", "Endpoint"), fmt.Sprintf("%s:%d", c.Host, c.Port), claim.K8s("Service", b.Name, "spec.ports.port").Is(strconv.Itoa(c.Port))),
		docs.Row(d, "cosmosdb.pod.stands-in", d.T("대체 범위", "Stands in for"), d.T("Cosmos DB for MongoDB: RU/s, 일관성 수준, 리전이 없는 단일 mongod", "Cosmos DB for MongoDB: one mongod, without RU/s, consistency levels or regions"), docs.PodImage(b)),
	)
}

func (c *Component) containerTable(d *md.Doc) {
	var rows [][]string
	for _, ct := range c.Containers {
		value, mode := "-", d.T("없음 (Pod)", "none (pod)")
		switch {
		case !c.Managed():
		case c.Capacity == "serverless":
			mode = fmt.Sprintf(d.T("serverless (최대 %s RU/s 버스트)", "serverless (bursts up to %s RU/s)"), thousands(ct.Burst))
		case c.Capacity == "autoscale":
			value = thousands(ct.RUs)
			mode = fmt.Sprintf(d.T("autoscale 최대 (%s–%s RU/s)", "autoscale max (scales %s–%s RU/s)"), thousands(ct.FloorRUs), thousands(ct.RUs))
		default:
			value, mode = thousands(ct.RUs), d.T("수동", "manual")
		}
		rows = append(rows, []string{ct.Database, ct.Name, ct.PartitionKey, strings.Join(ct.Users, ", "), rus(ct.NeedRUs), mode, value, c.basis(d, ct)})
	}
	d.Table([]string{d.T("데이터베이스", "Database"), d.T("컨테이너", "Container"), d.T("파티션 키", "Partition key"), d.T("사용 서비스", "Used by"),
		d.T("피크 필요 RU/s", "Peak need RU/s"), d.T("처리량", "Throughput"), "RU/s", d.T("근거", "Basis")}, rows)
}

// basis says what decided a container's RU/s.
func (c *Component) basis(d *md.Doc, ct *ContainerPlan) string {
	l := azure.Cosmos()
	step, minimum, perGB := l.ManualStep, l.ManualMin, l.ManualPerGB
	if c.Capacity == "autoscale" {
		step, minimum, perGB = l.AutoscaleStep, l.AutoscaleMin, l.AutoscalePerGB
	}
	switch {
	case !c.Managed():
		return "-"
	case c.Capacity == "serverless":
		return fmt.Sprintf(d.T("저장 %s GB 기준 버스트 한도", "burst limit at %s GB stored"), gb(ct.StorageGB))
	case ct.Why == "pinned":
		return d.T("환경에서 고정", "pinned by the environment")
	case ct.Why == "storage":
		return fmt.Sprintf(d.T("저장 GB당 %d RU/s × %s GB", "%d RU/s per stored GB × %s GB"), perGB, gb(ct.StorageGB))
	case ct.Why == "minimum":
		return fmt.Sprintf(d.T("최소값 %s", "the minimum %s"), thousands(minimum))
	}
	return fmt.Sprintf(d.T("피크 × %.2f, %s 단위 올림", "peak × %.2f, rounded up to %s"), 1+float64(c.HeadroomPercent)/100, thousands(step))
}

// needRule says how a container's peak need is derived: the services'
// requests and the messages they consume, each service's figure rounded
// once in the plan.
func needRule(d *md.Doc) string {
	return d.T("피크 필요 RU/s = 컨테이너를 쓰는 서비스마다 (피크 요청/초 × 요청당 RU + 소비 메시지/초 × 메시지당 RU) ÷ 서비스가 쓰는 컨테이너 수의 합이며, 서비스별 값은 0.1 RU/s 단위로 반올림합니다. 소비 메시지/초는 서비스가 소비하는 큐·토픽·이벤트 허브의 피크 유입률입니다 (명세에 비율이 있으면 그 값, 없으면 생산 서비스의 피크 요청당 메시지 1개; 한 큐를 여러 서비스가 소비하면 나누어 받음). 메시지 하나는 쓰기 1회로 계산합니다 (ruPerWrite가 명시되면 그 값, 아니면 서비스의 요청당 RU).",
		"Peak need RU/s = the sum, over the services using the container, of (peak req/s × RU per request + messages consumed/s × RU per message) ÷ the containers the service uses; each service's figure is rounded to 0.1 RU/s. Messages consumed/s is the peak rate into the queues, topics and event hubs the service consumes (the rate the spec states, else one message per request of the producing services; services consuming one queue share it). Each message counts as one write (ruPerWrite where the spec states it, else the service's RU per request).")
}

// derivation says how RU/s were derived, in one paragraph.
func (c *Component) derivation(d *md.Doc) {
	if !c.Managed() {
		d.P(needRule(d) + " " + d.T("Pod에는 RU/s가 없습니다. 피크 필요 RU/s는 운영 계정의 산정 근거로 함께 표시합니다. 단일 mongod에는 샤드 키가 없으며, 컬렉션은 서비스가 처음 쓸 때 만들어집니다.",
			"A pod has no RU/s; the peak need is shown as the basis of a managed account's sizing. A single mongod has no shard keys; the services' first writes create the collections."))
		return
	}
	l := azure.Cosmos()
	head := needRule(d) + " "
	switch c.Capacity {
	case "serverless":
		d.P(head + fmt.Sprintf(d.T("serverless에는 RU/s 설정이 없고 요청당 과금됩니다. 컨테이너는 저장 250 GB까지 %s RU/s, 이후 50 GB마다 1,000 RU/s씩 더 버스트하며 최대 %s GB를 저장합니다. 월 요청 단위는 %.1f백만 RU로 추정합니다 (피크의 %.0f%% 평균 부하).",
			"Serverless has no RU/s setting and is billed per request: a container bursts to %s RU/s up to 250 GB stored, 1,000 RU/s more per further 50 GB, and stores at most %s GB. Request units a month are estimated at %.1f million (%.0f%% of the peak on average)."),
			thousands(l.ServerlessBaseRUs), thousands(l.ServerlessMaxGB), c.MonthlyMillionRU, serverlessLoad*100))
	case "autoscale":
		d.P(head + fmt.Sprintf(d.T("autoscale 최대 RU/s = 피크 필요 × (1 + 여유 %d%%)을 %s 단위로 올림, 최소 %s, 저장 GB당 %d RU/s 이상. 컨테이너는 최대의 %d%%–100%% 사이에서 조정되고, 시간마다 도달한 최고 RU/s로 과금됩니다.",
			"Autoscale maximum RU/s = peak need × (1 + %d%% headroom), rounded up to %s, at least %s and at least %d RU/s per stored GB. The container scales between %d%% and 100%% of it and is billed each hour for the highest RU/s it reached."),
			c.HeadroomPercent, thousands(l.AutoscaleStep), thousands(l.AutoscaleMin), l.AutoscalePerGB, l.AutoscaleFloorPercent))
	default:
		d.P(head + fmt.Sprintf(d.T("수동 RU/s = 피크 필요 × (1 + 여유 %d%%)을 %d 단위로 올림, 최소 %d, 저장 GB당 %d RU/s 이상.",
			"Manual RU/s = peak need × (1 + %d%% headroom), rounded up to %d, at least %d and at least %d RU/s per stored GB."),
			c.HeadroomPercent, l.ManualStep, l.ManualMin, l.ManualPerGB))
	}
}

func (c *Component) dataTables(d *md.Doc) {
	dp := c.Figures
	n := max(1, len(c.Containers))
	d.KV(d.T("구성 항목", "Item"), d.T("값", "Value"),
		[2]string{d.T("현재 저장량", "Stored now"), docs.Assumed(d, gb(dp.StoredGB)+" GB", dp.StoredStated)},
		[2]string{d.T("월 증가량", "Growth"), docs.Assumed(d, gb(dp.GrowthGBPerMonth)+d.T(" GB/월", " GB/month"), dp.GrowthStated)},
		[2]string{d.T("1년 후 저장량", "Storage in a year"), fmt.Sprintf(d.T("%s GB (컨테이너 %d개에 고르게 가정: 각 %s GB)", "%s GB (assumed even over %d containers: %s GB each)"), gb(dp.PlannedGB), n, gb(dp.PlannedGB/float64(n)))},
		[2]string{d.T("읽기당 RU", "RU per read"), docs.Assumed(d, gb(dp.RUPerRead)+" RU", dp.ReadStated)},
		[2]string{d.T("쓰기당 RU", "RU per write"), docs.Assumed(d, gb(dp.RUPerWrite)+" RU", dp.WriteStated)},
		[2]string{d.T("읽기 비율", "Read share"), docs.Assumed(d, gb(dp.ReadPercent)+"%", dp.MixStated)},
		[2]string{d.T("여유율", "Headroom"), docs.Assumed(d, strconv.Itoa(c.HeadroomPercent)+"%", c.HeadroomStated)},
	)
	var rows [][]string
	for _, u := range c.Users {
		rpr := gb(u.RUPerRequest) + " RU"
		if !u.Stated {
			rpr = docs.Assumed(d, rpr+fmt.Sprintf(d.T(" (읽기 %s%% × %s + 쓰기 × %s)", " (%s%% reads × %s + writes × %s)"), gb(dp.ReadPercent), gb(dp.RUPerRead), gb(dp.RUPerWrite)),
				dp.ReadStated && dp.WriteStated && dp.MixStated)
		}
		consumed, rpm := "-", "-"
		if u.ConsumedRate > 0 {
			consumed = rate(u.ConsumedRate)
			rpm = docs.Assumed(d, gb(u.RUPerMessage)+" RU", u.MessageStated)
		}
		rows = append(rows, []string{u.Service, strings.Join(u.Containers, ", "), rate(u.PeakRPS), rpr, consumed, rpm, rus(u.NeedRUs)})
	}
	d.Table([]string{d.T("서비스", "Service"), d.T("컨테이너", "Containers"), d.T("피크 요청/초", "Peak req/s"), d.T("요청당 RU", "RU per request"),
		d.T("소비 메시지/초", "Messages consumed/s"), d.T("메시지당 RU", "RU per message"), d.T("피크 RU/s", "Peak RU/s")}, rows)
}

// Backups implements docs.BackedUp: a mongo pod by hand in development
// (the commands of 11.1.2); the account by its continuous or periodic
// backup, as its Terraform sets it. A pod in production has no backup
// step the documents print, so it has no row.
func (c *Component) Backups(d *md.Doc, e *plan.Env) []docs.Backup {
	if !c.Managed() {
		if e.IsProdLike() || c.Pod == nil {
			return nil
		}
		return []docs.Backup{{Tier: docs.TierData, Target: "Cosmos DB (mongo Pod)", Method: d.T("mongodump (수동)", "mongodump (manual)"), Frequency: d.T("필요 시", "on demand"),
			Retention: "-", Geo: msg.Bool(d, false), Recover: "mongorestore", Source: d.T("운영 명령 (11.1.2)", "the data commands (11.1.2)"),
			At: []claim.Locator{claim.Manually(c.DevCommands(d, e)[0])}}}
	}
	if c.Backup.Type == "continuous" {
		days := 7
		if c.Backup.Tier == "Continuous30Days" {
			days = 30
		}
		f := azure.CosmosContinuousBackup
		return []docs.Backup{{Tier: docs.TierData, Target: "Cosmos DB", Method: d.T("연속 백업 + 특정 시점 복원", "continuous backup + point-in-time restore"),
			Frequency: d.T(f.Frequency.Ko, f.Frequency.En), Retention: docs.Days(d, days), Geo: msg.Bool(d, len(c.Regions) > 1),
			Recover: d.T(f.Recovery.Ko, f.Recovery.En), Source: f.Source.String(),
			At: []claim.Locator{claim.TF(tfAccount, "backup.type").Is("Continuous"), c.backupAt()}}}
	}
	return []docs.Backup{{Tier: docs.TierData, Target: "Cosmos DB", Method: fmt.Sprintf(d.T("주기 백업 (%s)", "periodic (%s)"), c.Backup.Redundancy),
		Frequency: fmt.Sprintf(d.T("%d분마다", "every %d min"), c.Backup.IntervalMinutes), Retention: fmt.Sprintf(d.T("%d시간", "%d hours"), c.Backup.RetentionHours),
		Geo: msg.Bool(d, c.Backup.Redundancy == "Geo"), Recover: d.T("Azure 지원 요청 (주기 백업 복원)", "Azure support request (periodic backups are restored by support)"), Source: d.T("Terraform 설정", "the Terraform's setting"),
		At: []claim.Locator{claim.TF(tfAccount, "backup.interval_in_minutes").Is(strconv.Itoa(c.Backup.IntervalMinutes)),
			claim.TF(tfAccount, "backup.retention_in_hours").Is(strconv.Itoa(c.Backup.RetentionHours)),
			claim.TF(tfAccount, "backup.storage_redundancy").Is(c.Backup.Redundancy)}}}
}

// BackupSummary implements docs.Recovered.
func (c *Component) BackupSummary(d *md.Doc, _ *plan.Env) string {
	switch {
	case !c.Managed():
		return d.T("Cosmos DB mongo Pod 수동 mongodump", "Cosmos DB mongo pod: manual mongodump")
	case c.Backup.Type == "continuous":
		return fmt.Sprintf(d.T("Cosmos DB 연속 백업 (%s)", "Cosmos DB continuous backup (%s)"), c.Backup.Tier)
	}
	return fmt.Sprintf(d.T("Cosmos DB 주기 백업 (%d분, %s)", "Cosmos DB periodic backup (%d min, %s)"), c.Backup.IntervalMinutes, c.Backup.Redundancy)
}

// Failover implements docs.FailingOver.
func (c *Component) Failover(d *md.Doc, _ *plan.Env) [][]string {
	switch {
	case !c.Managed():
		return [][]string{{"Cosmos DB", d.T("없음 (단일 mongo Pod)", "none (one mongo pod)")}}
	case len(c.Regions) > 1 && c.MultiRegionWrites:
		return [][]string{{"Cosmos DB", fmt.Sprintf(d.T("모든 리전 쓰기 (%s): 장애 리전을 SDK가 우회", "every region writes (%s): the SDK routes around a failed region"), c.regionList())}}
	case len(c.Regions) > 1:
		return [][]string{{"Cosmos DB", fmt.Sprintf(d.T("서비스 관리형 장애조치: 쓰기 리전 %s → %s", "service-managed failover: write region %s → %s"), c.Regions[0].Name, c.Regions[1].Name)}}
	case c.ZoneRedundant():
		return [][]string{{"Cosmos DB", d.T("영역 중복 복제본: 영역 장애 시 데이터·가용성 손실 없음, 리전 장애 시 중단", "zone-redundant replicas: no loss in a zone failure; a region outage stops the account")}}
	}
	return [][]string{{"Cosmos DB", d.T("없음: 영역 또는 리전 장애 시 중단", "none: a zone or region outage stops the account")}}
}

// Scaling implements docs.Scaled.
func (c *Component) Scaling(d *md.Doc, _ *plan.Env) [][]string {
	switch {
	case !c.Managed():
		return [][]string{{"Cosmos DB", d.T("없음 (단일 mongo Pod)", "none (one mongo pod)"), c.Pod.Image}}
	case c.Capacity == "serverless":
		return [][]string{{"Cosmos DB", d.T("serverless: 물리 파티션별 버스트", "serverless: bursts per physical partition"), fmt.Sprintf(d.T("컨테이너당 %s RU/s (250 GB까지)", "%s RU/s per container up to 250 GB"), thousands(azure.Cosmos().ServerlessBaseRUs))}}
	case c.Capacity == "autoscale":
		return [][]string{{"Cosmos DB", d.T("autoscale 10%–100%, 최대값 상향 (maxThroughput)", "autoscale 10%–100%; raise the maximum (maxThroughput)"), fmt.Sprintf(d.T("최대 %s RU/s (합계)", "max %s RU/s (total)"), thousands(c.TotalRUs()))}}
	}
	return [][]string{{"Cosmos DB", d.T("수동 RU/s 상향 (throughput)", "raise manual RU/s (throughput)"), thousands(c.TotalRUs()) + " RU/s"}}
}

// DevCommands implements docs.Operated: where the key comes from, or
// how to dump and restore the mongo pod.
func (c *Component) DevCommands(d *md.Doc, e *plan.Env) []string {
	if c.Pod == nil {
		return []string{fmt.Sprintf("az cosmosdb keys list --name %s --resource-group %s --query primaryMasterKey -o tsv   # %s", c.Account, e.Names.ResourceGroup, Secret)}
	}
	ns := e.Namespace
	return []string{
		fmt.Sprintf("kubectl -n %s exec statefulset/%s -- sh -c 'mongodump -u root -p \"$MONGO_INITDB_ROOT_PASSWORD\" --authenticationDatabase admin --archive' > cosmosdb.archive", ns, Name),
		fmt.Sprintf("kubectl -n %s exec -i statefulset/%s -- sh -c 'mongorestore -u root -p \"$MONGO_INITDB_ROOT_PASSWORD\" --authenticationDatabase admin --archive' < cosmosdb.archive", ns, Name),
	}
}

// Compare implements docs.Compared: the master index's data comparison.
func (c *Component) Compare(d *md.Doc, _ *plan.Env, part string) [][2]string {
	if part != "data" {
		return nil
	}
	if !c.Managed() {
		return [][2]string{{d.T("문서 데이터베이스", "Document database"), "MongoDB Pod (" + c.Pod.Image + ")"}}
	}
	zr := d.T("없음", "none")
	if c.ZoneRedundant() {
		zr = d.T("영역 중복", "zone-redundant")
	}
	return [][2]string{
		{d.T("문서 데이터베이스", "Document database"), "Cosmos DB " + c.API + " " + c.throughputText(d.Lang)},
		{d.T("Cosmos DB 일관성", "Cosmos DB consistency"), c.Consistency},
		{d.T("Cosmos DB 리전", "Cosmos DB regions"), c.regionList()},
		{d.T("Cosmos DB 영역 중복", "Cosmos DB zone redundancy"), zr},
	}
}

// Migration implements docs.Migrated.
func (c *Component) Migration(d *md.Doc) [][]string {
	return [][]string{{d.T("데이터", "Data"), d.T("Cosmos DB: 환경마다 별도 계정 (serverless 계정은 용량 모드를 바꿀 수 없음), 컨테이너 복사 작업으로 데이터 이전",
		"Cosmos DB: one account per environment (a serverless account cannot change its capacity mode); move data with container copy jobs")}}
}

// Troubles implements docs.Troubleshot.
func (c *Component) Troubles(d *md.Doc, _ *plan.Env) [][]string {
	return [][]string{{d.T("Cosmos DB 429 (요청 과다)", "Cosmos DB 429 (request rate too large)"), d.T("RU/s가 부하보다 작음", "RU/s below the load"),
		d.T("RU/s 또는 autoscale 최대값 상향, 요청당 RU 확인 (x-ms-request-charge)", "raise RU/s or the autoscale maximum; check the RU charge per request (x-ms-request-charge)"),
		"`physarch check` (CP012)"}}
}
