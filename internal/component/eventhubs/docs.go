package eventhubs

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
)

// Overview implements docs.Overviewed.
func (c *Component) Overview(d *md.Doc, _ *plan.Env) []string {
	return []string{fmt.Sprintf(d.T("이벤트 스트리밍: Azure Event Hubs %s %s (%s, 이벤트 허브 %d개)", "Event streaming: Azure Event Hubs %s %s (%s, %d event hubs)"),
		c.Tier, c.capacityLabel(), c.Namespace, len(c.Hubs))}
}

// Discovery implements docs.Discovered: the AMQP endpoint, and the Kafka
// endpoint where a service speaks Kafka.
func (c *Component) Discovery(d *md.Doc, _ *plan.Env) [][]string {
	rows := [][]string{{"Event Hubs", c.FQDN(), strconv.Itoa(PortAMQP), d.T("이벤트 스트리밍 (AMQP)", "event streaming (AMQP)")}}
	if c.Kafka && c.hasKafka() {
		rows = append(rows, []string{"Event Hubs (Kafka)", c.FQDN(), strconv.Itoa(PortKafka), d.T("Kafka 엔드포인트 (SASL_SSL)", "Kafka endpoint (SASL_SSL)")})
	}
	return rows
}

// unitsTitle is the capacity row's title.
func (c *Component) unitsTitle(d *md.Doc) string {
	if c.Premium() {
		return d.T("처리 단위 (PU)", "Processing units (PU)")
	}
	return d.T("처리량 단위 (TU)", "Throughput units (TU)")
}

// unitsText is the planned units, marked as sized when no one pinned them.
func (c *Component) unitsText(d *md.Doc) string {
	if c.UnitsStated {
		return strconv.Itoa(c.Units)
	}
	return fmt.Sprintf(d.T("%d (부하로 산정)", "%d (sized from the load)"), c.Units)
}

// unitsWithName is the planned units with their unit, marked likewise.
func (c *Component) unitsWithName(d *md.Doc) string {
	if c.UnitsStated {
		return fmt.Sprintf("%d %s", c.Units, c.UnitName())
	}
	return fmt.Sprintf(d.T("%d %s (부하로 산정)", "%d %s (sized from the load)"), c.Units, c.UnitName())
}

func (c *Component) autoInflateText(d *md.Doc) string {
	if !c.AutoInflate {
		return d.T("사용 안 함", "off")
	}
	return fmt.Sprintf(d.T("최대 %d TU", "up to %d TU"), c.MaxUnits)
}

func (c *Component) zonesText(d *md.Doc) string {
	if !c.ZoneRedundant {
		return fmt.Sprintf(d.T("없음 (%s 리전에 가용 영역이 없음)", "none (region %s has no availability zones)"), c.Region)
	}
	zones := make([]int, c.RegionZones)
	for i := range zones {
		zones[i] = i + 1
	}
	return fmt.Sprintf(d.T("영역 %s (Azure가 가용 영역 리전에서 자동 적용)", "zones %s (Azure makes namespaces zone-redundant in regions with zones)"), docs.Zones(zones))
}

func (c *Component) kafkaText(d *md.Doc) string {
	if !c.Kafka {
		return d.T("없음 (Basic)", "none (Basic)")
	}
	return fmt.Sprintf(d.T("사용 (%s, 추가 요금 없음)", "on (%s, no extra charge)"), c.Bootstrap())
}

// Messaging implements docs.Messaged: the namespace, how its units were
// sized, its hubs with partitions, producers, consumers and consumer
// groups, and how each service connects. Figures the spec did not state
// are marked as defaults.
func (c *Component) Messaging(d *md.Doc, e *plan.Env, s *docs.Sections) {
	title := d.T("Azure Event Hubs 구성", "Azure Event Hubs")
	if e.IsProdLike() {
		title = "Azure Event Hubs"
	}
	sub := s.Next(title)
	sub.Next(fmt.Sprintf(d.T("Event Hubs %s 구성", "Event Hubs %s"), c.Tier))
	public := d.T("허용", "enabled")
	if c.endpoint {
		public = d.T("차단", "disabled")
	}
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"),
		docs.Row(d, "eventhubs.namespace", "Namespace", c.Namespace, claim.TF(tfNamespace, "name").Is(c.Namespace)),
		docs.Row(d, "eventhubs.tier", d.T("계층", "Tier"), c.Tier, claim.TF(tfNamespace, "sku").Is(c.Tier)),
		docs.Row(d, "eventhubs.units", c.unitsTitle(d), c.unitsText(d), claim.TF(tfNamespace, "capacity").Is(strconv.Itoa(c.Units))),
		docs.Row(d, "eventhubs.auto-inflate", d.T("자동 스케일링 (auto-inflate)", "Auto-inflate"), c.autoInflateText(d), c.autoInflateAt()),
		// zone redundancy and the Kafka endpoint come with the tier
		docs.Row(d, "eventhubs.zones", d.T("영역 중복", "Zone redundancy"), c.zonesText(d), claim.TF(tfNamespace, "sku").Is(c.Tier)),
		docs.Row(d, "eventhubs.kafka-endpoint", d.T("Kafka 엔드포인트", "Kafka endpoint"), c.kafkaText(d), claim.TF(tfNamespace, "sku").Is(c.Tier)),
		// capture is a hub's setting, and no hub declares one
		docs.Row(d, "eventhubs.capture", "Capture", d.T("사용 안 함", "off"), claim.TF("azurerm_eventhub.*", "")),
		docs.Row(d, "eventhubs.endpoint", d.T("프라이빗 엔드포인트", "Private endpoint"), msg.Bool(d, c.endpoint), c.endpointAt()),
		docs.Row(d, "eventhubs.public-network", d.T("공용 네트워크 접근", "Public network access"), public, c.publicAt()),
		docs.Row(d, "eventhubs.tls", d.T("최소 TLS", "Minimum TLS"), "1.2", claim.TF(tfNamespace, "minimum_tls_version").Is("1.2")),
	)
	sub.Next(d.T("용량 산정", "Capacity sizing"))
	c.sizingTable(d)
	sub.Next(d.T("이벤트 허브", "Event hubs"))
	c.hubTable(d)
	sub.Next(d.T("클라이언트 연결", "Clients"))
	c.clientTable(d, e)
}

func (c *Component) sizingTable(d *md.Doc) {
	l := c.Load
	rate := docs.Assumed(d, num(l.EventsPerSecond)+" events/s", l.RateStated)
	if !l.RateStated {
		rate += d.T(": 생산 서비스의 피크 요청당 이벤트 1개", ": "+rateRule)
		if l.ProdRate > 0 {
			rate += fmt.Sprintf(d.T(" (명시된 %s events/s는 운영 환경의 값)", " (the stated %s events/s is production's)"), num(l.ProdRate))
		}
	}
	need := fmt.Sprintf("%d %s (%s)", l.Needed, c.UnitName(), l.By)
	rows := [][2]string{
		{d.T("피크 이벤트 수", "Events per second at peak"), rate},
		{d.T("이벤트 크기", "Event size"), docs.Assumed(d, num(l.EventSizeKB)+" KB", l.SizeStated)},
		{d.T("수신 (ingress)", "Ingress"), num(l.IngressMBps) + " MB/s"},
		{d.T("허브당 소비자 그룹 (평균)", "Consumer groups per hub (average)"), num(l.Readers)},
		{d.T("송신 (egress)", "Egress"), fmt.Sprintf("%s MB/s, %s events/s", num(l.EgressMBps), num(l.EgressEvents))},
	}
	if c.Premium() {
		rows = append(rows, [2]string{d.T("PU당 용량 (Microsoft 지침의 하한)", "Per PU (lower end of Microsoft's guidance)"), "ingress 5 MB/s, egress 10 MB/s, 200 partitions"})
	} else {
		rows = append(rows, [2]string{d.T("TU당 용량", "Per TU"), "ingress 1 MB/s or 1,000 events/s, egress 2 MB/s or 4,096 events/s"})
	}
	rows = append(rows,
		[2]string{d.T("필요 단위", "Units needed"), need},
		[2]string{d.T("계획 단위", "Units planned"), c.unitsWithName(d)},
		[2]string{d.T("최대 용량", "Capacity at most"), fmt.Sprintf("%d %s", c.CapacityUnits(), c.UnitName())},
	)
	d.KV(d.T("구성 항목", "Item"), d.T("값", "Value"), rows...)
}

func (c *Component) hubTable(d *md.Doc) {
	rows := make([][]string, len(c.Hubs))
	for i, h := range c.Hubs {
		groups := h.groupList()
		if !h.GroupsStated && len(h.ConsumerGroups) > 0 {
			groups = docs.Assumed(d, groups, false)
		}
		partitions := strconv.Itoa(h.Partitions)
		if h.WantedPartitions > 0 {
			partitions += fmt.Sprintf(d.T(" (%s 최대, 명세는 %d)", " (%s's maximum; the spec asks %d)"), c.Tier, h.WantedPartitions)
		}
		retention := docs.Assumed(d, fmt.Sprintf("%d h", h.RetentionHours), h.RetentionStated)
		if h.WantedRetention > 0 {
			retention = fmt.Sprintf(d.T("%d h (%s 최대, 명세는 %d h)", "%d h (%s's maximum; the spec asks %d h)"), h.RetentionHours, c.Tier, h.WantedRetention)
		}
		rows[i] = []string{h.Name, partitions, retention,
			strings.Join(h.Producers, ", "), strings.Join(h.Consumers, ", "), groups}
	}
	d.Table([]string{d.T("이벤트 허브", "Event hub"), d.T("파티션", "Partitions"), d.T("보존", "Retention"),
		d.T("생산자", "Producers"), d.T("소비자", "Consumers"), d.T("소비자 그룹", "Consumer groups")}, rows)
}

func (c *Component) clientTable(d *md.Doc, e *plan.Env) {
	var rows [][]string
	for _, sv := range c.services(e) {
		cl := c.Clients[sv]
		p, proto := port(cl.Protocol)
		group := cl.Group
		if group == "" {
			group = "-"
		}
		rows = append(rows, []string{sv, proto, fmt.Sprintf("%s:%d", c.FQDN(), p), group})
	}
	d.Table([]string{d.T("서비스", "Service"), d.T("프로토콜", "Protocol"), d.T("엔드포인트", "Endpoint"), d.T("소비자 그룹", "Consumer group")}, rows)
	secret := fmt.Sprintf(d.T("연결 문자열 (Secret %s, 환경 변수 EVENTHUBS_CONNECTION)", "connection string (secret %s, variable EVENTHUBS_CONNECTION)"), Secret)
	d.KV(d.T("구성 항목", "Item"), d.T("값", "Value"),
		docs.Row(d, "eventhubs.auth", d.T("인증", "Authentication"), secret, claim.K8s("Deployment", "*", "spec.template.spec.containers.env.name").Is("EVENTHUBS_CONNECTION")),
		docs.Row(d, "eventhubs.settings", d.T("설정", "Settings"), "EVENTHUBS_NAMESPACE, EVENTHUBS_PRODUCES, EVENTHUBS_CONSUMES, EVENTHUBS_CONSUMER_GROUP (ConfigMap)", claim.K8s("ConfigMap", "*", "data.EVENTHUBS_NAMESPACE")),
		docs.Row(d, "eventhubs.kafka", "Kafka", d.T("KAFKA_BOOTSTRAP_SERVERS, SASL PLAIN (사용자 $ConnectionString, 암호 = 연결 문자열)", "KAFKA_BOOTSTRAP_SERVERS, SASL PLAIN (username $ConnectionString, password the connection string)"), c.kafkaAt(e)),
		docs.Row(d, "eventhubs.checkpoints", d.T("체크포인트", "Checkpoints"), d.T("AMQP 소비자: 서비스의 Blob 컨테이너 (이 블록이 만들지 않음), Kafka 소비자: 소비자 그룹 오프셋", "AMQP consumers: the service's own Blob container (not created by this block); Kafka consumers: the consumer group's offsets"), claim.TF("azurerm_eventhub.*", "")),
	)
	if !e.IsProdLike() {
		d.P(d.T("로컬 compose는 같은 허브와 소비자 그룹으로 Event Hubs 에뮬레이터를 실행합니다 (AMQP 5672, Kafka 9092, TLS 없음, 이벤트 1시간 보존).",
			"The local compose file runs the Event Hubs emulator with the same hubs and consumer groups (AMQP 5672, Kafka 9092, no TLS, events kept 1 hour)."))
	}
}

// services are the services using the hubs, in spec order.
func (c *Component) services(e *plan.Env) []string {
	var out []string
	for _, w := range e.Workloads {
		if _, ok := c.Clients[w.Name]; ok {
			out = append(out, w.Name)
		}
	}
	return out
}

// Failover implements docs.FailingOver.
func (c *Component) Failover(d *md.Doc, _ *plan.Env) [][]string {
	if c.ZoneRedundant {
		return [][]string{{"Event Hubs", d.T("영역 중복 (Azure): 영역 장애 시 자동 전환, 데이터 손실 없음", "zone-redundant (Azure): automatic on a zone's loss, no data lost")}}
	}
	return [][]string{{"Event Hubs", d.T("없음 (가용 영역 없는 리전)", "none (a region without availability zones)")}}
}

// Scaling implements docs.Scaled.
func (c *Component) Scaling(d *md.Doc, _ *plan.Env) [][]string {
	partitions := 0
	for _, h := range c.Hubs {
		partitions += h.Partitions
	}
	method := d.T("TU 추가 (파티션 수는 생성 후 고정)", "more TUs (partitions are fixed once created)")
	switch {
	case c.Premium():
		method = d.T("PU 추가, 파티션 추가", "more PUs, more partitions")
	case c.AutoInflate:
		method = fmt.Sprintf(d.T("auto-inflate (최대 %d TU)", "auto-inflate (up to %d TU)"), c.MaxUnits)
	}
	return [][]string{{"Event Hubs", method, fmt.Sprintf("%d %s, %d partitions", c.CapacityUnits(), c.UnitName(), partitions)}}
}

// Compare implements docs.Compared: the master index's data comparison.
func (c *Component) Compare(d *md.Doc, _ *plan.Env, part string) [][2]string {
	if part != "data" {
		return nil
	}
	return [][2]string{{d.T("이벤트 스트리밍", "Event streaming"), "Event Hubs " + c.Tier + " " + c.capacityLabel()}}
}

// Migration implements docs.Migrated.
func (c *Component) Migration(d *md.Doc) [][]string {
	return [][]string{{d.T("메시징", "Messaging"), d.T("Event Hubs: 운영 네임스페이스와 허브·소비자 그룹 생성 (Terraform), 연결 문자열을 Key Vault에 등록",
		"Event Hubs: create the production namespace, hubs and consumer groups (Terraform), put the connection string in Key Vault")}}
}

// Troubles implements docs.Troubleshot.
func (c *Component) Troubles(d *md.Doc, _ *plan.Env) [][]string {
	return [][]string{{d.T("Event Hubs ServerBusy (50002)", "Event Hubs ServerBusy (50002)"), d.T("처리량 단위 초과", "throughput units exhausted"),
		d.T("TU 증설 또는 auto-inflate", "more TUs or auto-inflate"), d.T("ThrottledRequests 지표 감시", "watch the ThrottledRequests metric")}}
}
