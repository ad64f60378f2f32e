package servicebus

import (
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/plan"
)

// ServiceLinks implements availability.Linked: a sender's requests wait
// for the broker to accept the message; receiving is asynchronous.
func (c *Component) ServiceLinks(_ *plan.Env, sv plan.Service, _ availability.Nodes) []availability.PathLink {
	if len(c.own(sv.Produces)) == 0 {
		return nil
	}
	return []availability.PathLink{{Name: "Service Bus", Config: c.Tier, Key: "servicebus/" + c.Tier, Note: "senders wait for the broker"}}
}
