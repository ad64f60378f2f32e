package servicebus

import (
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
)

// Backups implements docs.BackedUp: Service Bus keeps no backup of the
// messages; its queues, topics and subscriptions are the Terraform's, so
// applying it again recreates them (without the messages they held).
// No Geo-disaster recovery alias is configured.
func (c *Component) Backups(d *md.Doc, e *plan.Env) []docs.Backup {
	return []docs.Backup{{Tier: docs.TierMessaging, Target: "Service Bus", Method: d.T("백업 없음: 큐·토픽·구독은 Terraform이 다시 생성", "none: Terraform recreates the queues, topics and subscriptions"),
		Frequency: "-", Retention: "-", Geo: msg.Bool(d, false),
		Recover: "`terraform apply`" + d.T(" (처리되지 않은 메시지는 복구되지 않음)", " (unprocessed messages are lost)"), Source: d.T("Terraform 설정", "the Terraform's setting"),
		At: []claim.Locator{claim.TF("azurerm_servicebus_namespace.main", "")}}}
}
