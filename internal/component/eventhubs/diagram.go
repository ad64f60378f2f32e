package eventhubs

import (
	"fmt"

	"github.com/physarch/physarch/internal/render/diagram"
)

// capacityLabel is the namespace's units as the diagrams print them.
func (c *Component) capacityLabel() string {
	s := fmt.Sprintf("%d %s", c.Units, c.UnitName())
	if c.AutoInflate {
		s += fmt.Sprintf(" (auto-inflate %d)", c.MaxUnits)
	}
	return s
}

// Draw implements diagram.Drawn. The physical diagram shows the namespace
// with its hubs (partitions, consumer groups) and who sends and receives,
// like Service Bus's namespace; the network diagram the namespace, its
// private endpoint and the AMQP or Kafka flows.
func (c *Component) Draw(v diagram.View) diagram.Drawing {
	if !v.Network {
		g := &diagram.Group{ID: "EventHubs", Label: fmt.Sprintf("Event Hubs %s %s\n%s", c.Tier, c.capacityLabel(), c.Namespace)}
		for _, h := range c.Hubs {
			g.Nodes = append(g.Nodes, diagram.Shape{ID: diagram.ID("eh", h.Name),
				Label: fmt.Sprintf(v.T("이벤트 허브: %s\n파티션 %d, 소비자 그룹 %s", "event hub: %s\n%d partitions, consumer groups %s"), h.Name, h.Partitions, h.groupList())})
		}
		d := diagram.Drawing{Regional: g}
		if c.endpoint {
			d.Endpoints = []diagram.Shape{{ID: "PEEventHubs", Label: "Private Endpoint: Event Hubs"}}
		}
		for _, sv := range v.Plan.Services {
			cl, ok := c.client(sv)
			if !ok {
				continue
			}
			_, proto := port(cl.Protocol)
			for _, h := range c.own(sv.Produces) {
				d.Edges = append(d.Edges, diagram.Edge{From: diagram.ID("svc", sv.Name), To: diagram.ID("eh", h), Label: v.T("발행", "send") + " (" + proto + ")"})
			}
			for _, h := range c.own(sv.Consumes) {
				d.Edges = append(d.Edges, diagram.Edge{From: diagram.ID("eh", h), To: diagram.ID("svc", sv.Name), Label: v.T("수신", "receive") + " (" + cl.Group + ")"})
			}
		}
		return d
	}
	d := diagram.Drawing{Entry: "EventHubs"}
	label := "Event Hubs " + c.Tier + " " + c.capacityLabel()
	if !v.Env.IsProdLike() {
		label += " (" + c.Namespace + ")"
	}
	d.Managed = []diagram.Shape{{ID: "EventHubs", Label: label, Icon: "Analytics/AzureEventHub", Tier: diagram.TierMessage}}
	if c.endpoint {
		d.Entry = "PEEventHubs"
		d.Endpoints = []diagram.Shape{{ID: "PEEventHubs", Label: "PE: Event Hubs"}}
		d.Links = []diagram.Edge{{From: "PEEventHubs", To: "EventHubs", Label: "Private Link"}}
	}
	return d
}
