package eventhubs

import (
	"fmt"

	"github.com/physarch/physarch/internal/render/mermaid"
)

// capacityLabel is the namespace's units as the diagrams print them.
func (c *Component) capacityLabel() string {
	s := fmt.Sprintf("%d %s", c.Units, c.UnitName())
	if c.AutoInflate {
		s += fmt.Sprintf(" (auto-inflate %d)", c.MaxUnits)
	}
	return s
}

// Draw implements mermaid.Drawn. The physical diagram shows the namespace
// with its hubs (partitions, consumer groups) and who sends and receives,
// like Service Bus's namespace; the network diagram the namespace, its
// private endpoint and the AMQP or Kafka flows.
func (c *Component) Draw(v mermaid.View) mermaid.Drawing {
	if !v.Network {
		g := &mermaid.Group{ID: "EventHubs", Label: fmt.Sprintf("Event Hubs %s %s<br/>%s", c.Tier, c.capacityLabel(), c.Namespace)}
		for _, h := range c.Hubs {
			g.Nodes = append(g.Nodes, mermaid.Shape{ID: mermaid.ID("eh", h.Name),
				Label: fmt.Sprintf(v.T("이벤트 허브: %s<br/>파티션 %d, 소비자 그룹 %s", "event hub: %s<br/>%d partitions, consumer groups %s"), h.Name, h.Partitions, h.groupList())})
		}
		d := mermaid.Drawing{Regional: g}
		if c.endpoint {
			d.Endpoints = []mermaid.Shape{{ID: "PEEventHubs", Label: "Private Endpoint: Event Hubs"}}
		}
		for _, sv := range v.Plan.Services {
			cl, ok := c.client(sv)
			if !ok {
				continue
			}
			_, proto := port(cl.Protocol)
			for _, h := range c.own(sv.Produces) {
				d.Edges = append(d.Edges, mermaid.Edge{From: mermaid.ID("svc", sv.Name), To: mermaid.ID("eh", h), Label: v.T("발행", "send") + " (" + proto + ")"})
			}
			for _, h := range c.own(sv.Consumes) {
				d.Edges = append(d.Edges, mermaid.Edge{From: mermaid.ID("eh", h), To: mermaid.ID("svc", sv.Name), Label: v.T("구독", "receive") + " (" + cl.Group + ")"})
			}
		}
		return d
	}
	d := mermaid.Drawing{Entry: "EventHubs"}
	label := "Event Hubs " + c.Tier + " " + c.capacityLabel()
	if !v.Env.IsProdLike() {
		label += " (" + c.Namespace + ")"
	}
	d.Managed = []mermaid.Shape{{ID: "EventHubs", Label: label}}
	if c.endpoint {
		d.Entry = "PEEventHubs"
		d.Endpoints = []mermaid.Shape{{ID: "PEEventHubs", Label: "PE: Event Hubs"}}
		d.Links = []mermaid.Edge{{From: "PEEventHubs", To: "EventHubs", Label: "Private Link"}}
	}
	return d
}
