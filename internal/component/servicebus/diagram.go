package servicebus

import (
	"github.com/physarch/physarch/internal/render/mermaid"
)

// Draw implements mermaid.Drawn. The physical diagram shows the namespace
// with its queues and topics and who sends and receives; the network
// diagram the namespace, its private endpoint and the AMQP flows.
func (c *Component) Draw(v mermaid.View) mermaid.Drawing {
	if !v.Network {
		g := &mermaid.Group{ID: "ServiceBus", Label: "Service Bus " + c.Tier + "<br/>" + c.Namespace}
		for _, q := range c.Queues {
			g.Nodes = append(g.Nodes, mermaid.Shape{ID: mermaid.ID("q", q), Label: "queue: " + q})
		}
		for _, t := range c.Topics {
			g.Nodes = append(g.Nodes, mermaid.Shape{ID: mermaid.ID("q", t), Label: "topic: " + t})
		}
		d := mermaid.Drawing{Regional: g}
		if c.endpoint {
			d.Endpoints = []mermaid.Shape{{ID: "PEBus", Label: "Private Endpoint: Service Bus"}}
		}
		for _, sv := range v.Plan.Services {
			for _, q := range c.own(sv.Produces) {
				d.Edges = append(d.Edges, mermaid.Edge{From: mermaid.ID("svc", sv.Name), To: mermaid.ID("q", q), Label: v.T("발행", "send")})
			}
			for _, q := range c.own(sv.Consumes) {
				d.Edges = append(d.Edges, mermaid.Edge{From: mermaid.ID("q", q), To: mermaid.ID("svc", sv.Name), Label: v.T("구독", "receive")})
			}
		}
		return d
	}
	d := mermaid.Drawing{Entry: "Bus"}
	if v.Env.IsProdLike() {
		d.Managed = []mermaid.Shape{{ID: "Bus", Label: "Service Bus " + c.Tier}}
	} else {
		d.Managed = []mermaid.Shape{{ID: "Bus", Label: "Service Bus " + c.Tier + " (" + c.Namespace + ")"}}
	}
	if c.endpoint {
		d.Entry = "PEBus"
		d.Endpoints = []mermaid.Shape{{ID: "PEBus", Label: "PE: Service Bus"}}
		d.Links = []mermaid.Edge{{From: "PEBus", To: "Bus", Label: "Private Link"}}
	}
	return d
}
