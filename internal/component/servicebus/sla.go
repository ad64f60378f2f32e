package servicebus

import (
	"fmt"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// ServiceLinks implements availability.Linked: a sender's requests wait
// for the broker to accept the message; receiving is asynchronous.
//
// Facts: every namespace in a region with availability zones is
// zone-redundant (Service Bus does it on its own, whatever the plan's
// zones); a Premium namespace is partitioned only with more than one
// partition, and physarch creates it with one (Partitions).
func (c *Component) ServiceLinks(_ *plan.Env, sv plan.Service, _ availability.Nodes) []availability.PathLink {
	if len(c.own(sv.Produces)) == 0 {
		return nil
	}
	cfg, cfgKo := c.Tier, ""
	if c.Premium() {
		cfg = fmt.Sprintf("Premium, %d MU, %d partition", c.MessagingUnits, Partitions)
		cfgKo = fmt.Sprintf("Premium, %d MU, 파티션 %d개", c.MessagingUnits, Partitions)
	}
	return []availability.PathLink{{Name: "Service Bus", Config: cfg, ConfigKo: cfgKo, Key: "servicebus/" + c.Tier,
		Note: "senders wait for the broker", NoteKo: "송신자는 브로커의 응답을 기다림", Setting: "serviceBus.tier",
		Facts: azure.Facts{ZoneRedundant: c.regionZones, Partitioned: c.Premium() && Partitions > 1, MinInstances: c.MessagingUnits}}}
}
