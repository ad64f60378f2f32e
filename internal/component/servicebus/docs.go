package servicebus

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/k8s"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
)

// Overview implements docs.Overviewed.
func (c *Component) Overview(d *md.Doc, _ *plan.Env) []string {
	return []string{fmt.Sprintf(d.T("메시징: Azure Service Bus %s (%s)", "Messaging: Azure Service Bus %s (%s)"), c.Tier, c.Namespace)}
}

// Discovery implements docs.Discovered.
func (c *Component) Discovery(d *md.Doc, _ *plan.Env) [][]string {
	return [][]string{{"Service Bus", c.FQDN(), strconv.Itoa(Port), d.T("메시징 (AMQP)", "messaging (AMQP)")}}
}

// Messaging implements docs.Messaged: the namespace, then its queues and
// topics with who sends and who receives, and what the Terraform sets on
// each.
func (c *Component) Messaging(d *md.Doc, e *plan.Env, s *docs.Sections) {
	dup := d.T("미지원 (Basic)", "not supported (Basic)")
	if c.duplicateDetection() {
		dup = d.T("활성화", "enabled")
	}
	if !e.IsProdLike() {
		sub := s.Next(d.T("Azure Service Bus 구성", "Azure Service Bus"))
		sub.Next(fmt.Sprintf(d.T("Service Bus %s tier", "Service Bus %s tier"), c.Tier))
		d.KV(d.T("구성 항목", "Item"), d.T("값", "Value"),
			docs.Row(d, "servicebus.namespace", d.T("네임스페이스", "Namespace"), c.Namespace, claim.TF(tfNamespace, "name").Is(c.Namespace)),
			docs.Row(d, "servicebus.tier", d.T("계층", "Tier"), c.Tier, claim.TF(tfNamespace, "sku").Is(c.Tier)),
			docs.Row(d, "servicebus.ttl", d.T("메시지 TTL", "Message TTL"), msg.Duration(d, c.TTL), c.ttlAt()...),
		)
		c.entityTable(d, func(string) []string { return []string{msg.Int(c.MaxSizeMB) + " MB", dup} }, d.T("최대 크기", "Max size"), d.T("중복 감지", "Duplicate detection"))
		sub.Next(d.T("연결 설정", "Connection"))
		d.KV(d.T("구성 항목", "Item"), d.T("값", "Value"),
			docs.Row(d, "servicebus.auth", d.T("인증", "Authentication"), fmt.Sprintf(d.T("연결 문자열 (Kubernetes Secret %s), 권한 규칙 %s (Send, Listen; Manage 없음)", "connection string (Kubernetes Secret %s), of the rule %s (Send, Listen; no Manage)"), Secret, AuthRule),
				claim.File(path.Join(k8s.Dir, "overlays", e.Name, "SECRETS.md"), Secret)),
			docs.Row(d, "servicebus.settings", d.T("설정", "Settings"), "SERVICEBUS_NAMESPACE, SERVICEBUS_PRODUCES, SERVICEBUS_CONSUMES (ConfigMap)",
				claim.K8s("ConfigMap", "*", "data.SERVICEBUS_NAMESPACE")),
		)
		return
	}
	zr := d.T("없음", "none")
	if c.Premium() && len(e.Zones) > 1 {
		zr = docs.Zones(e.Zones)
	}
	sub := s.Next("Azure Service Bus")
	sub.Next(fmt.Sprintf(d.T("Service Bus %s 구성", "Service Bus %s"), c.Tier))
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"),
		docs.Row(d, "servicebus.namespace", d.T("네임스페이스", "Namespace"), c.Namespace, claim.TF(tfNamespace, "name").Is(c.Namespace)),
		docs.Row(d, "servicebus.tier", d.T("계층", "Tier"), c.Tier, claim.TF(tfNamespace, "sku").Is(c.Tier)),
		docs.Row(d, "servicebus.units", d.T("메시징 단위", "Messaging units"), strconv.Itoa(c.MessagingUnits), c.unitsAt()),
		// Premium is zone-redundant by itself where the region has zones
		docs.Row(d, "servicebus.zones", d.T("가용 영역", "Zones"), zr, claim.TF(tfNamespace, "sku").Is(c.Tier)),
		docs.Row(d, "servicebus.endpoint", d.T("프라이빗 엔드포인트", "Private endpoint"), msg.Bool(d, c.endpoint), c.endpointAt()),
		docs.Row(d, "servicebus.auth", d.T("인증", "Authentication"), fmt.Sprintf(d.T("연결 문자열 (Key Vault 시크릿 %[1]s), 권한 규칙 %[2]s (Send, Listen; Manage 없음): `az servicebus namespace authorization-rule keys list --namespace-name %[3]s --name %[2]s --resource-group <resource_group_name> --query primaryConnectionString -o tsv`",
			"connection string (Key Vault secret %[1]s) of the rule %[2]s (Send, Listen; no Manage): `az servicebus namespace authorization-rule keys list --namespace-name %[3]s --name %[2]s --resource-group <resource_group_name> --query primaryConnectionString -o tsv`"), Secret, AuthRule, c.Namespace),
			claim.TF("azurerm_servicebus_namespace_authorization_rule.services", "name").Is(AuthRule), claim.TF("azurerm_servicebus_namespace_authorization_rule.services", "manage").Is("false")),
	)
	sub.Next(d.T("큐 및 토픽 설정", "Queues and topics"))
	c.entityTable(d, func(kind string) []string {
		deadLetter := msg.Bool(d, true)
		if kind == "topic" {
			deadLetter = d.T("- (구독 단위)", "- (per subscription)")
		}
		return []string{fmt.Sprintf("%s MB", msg.Int(c.MaxSizeMB)), msg.Bool(d, false), msg.Bool(d, c.duplicateDetection()), deadLetter}
	}, d.T("최대 크기", "Max size"), d.T("세션", "Sessions"), d.T("중복 감지", "Duplicate detection"), d.T("데드 레터 큐 (DLQ)", "Dead-lettering"))
}

// entityTable lists queues and topics with who sends and who receives.
func (c *Component) entityTable(d *md.Doc, extra func(kind string) []string, extraHead ...string) {
	var rows [][]string
	add := func(kind, name string) {
		row := []string{name, msg.Entity(d, kind), strings.Join(c.Producers[name], ", "), strings.Join(c.Consumers[name], ", ")}
		rows = append(rows, append(row, extra(kind)...))
	}
	for _, q := range c.Queues {
		add("queue", q)
	}
	for _, t := range c.Topics {
		add("topic", t)
	}
	head := []string{d.T("이름", "Name"), d.T("종류", "Kind"), d.T("생산자", "Producers"), d.T("소비자", "Consumers")}
	d.Table(append(head, extraHead...), rows)
}

// Troubles implements docs.Troubleshot.
func (c *Component) Troubles(d *md.Doc, _ *plan.Env) [][]string {
	return [][]string{{d.T("Service Bus 오류", "Service Bus errors"), d.T("연결 문자열 만료", "expired connection string"), d.T("Secret 갱신", "renew the Secret"), d.T("교체 일정 관리", "track rotation")}}
}

// Roles implements docs.Authorised: a worker's identity, which KEDA's
// operator acts as to read the backlog, holds Azure Service Bus Data
// Owner on the namespace (kedaTerraform writes the assignment).
func (c *Component) Roles(d *md.Doc, pl *plan.Plan, _ *plan.Env, workload string) []string {
	for _, sv := range pl.Services {
		if sv.Name != workload {
			continue
		}
		if _, ok := c.KEDATrigger(sv); ok {
			return []string{fmt.Sprintf(d.T("Azure Service Bus Data Owner (네임스페이스 %s, KEDA 백로그 조회)", "Azure Service Bus Data Owner (namespace %s, KEDA reads the backlog)"), c.Namespace)}
		}
	}
	return nil
}
