package servicebus

import (
	"github.com/physarch/physarch/internal/render/diagram"
)

// Draw implements diagram.Drawn. The physical diagram shows the namespace
// with its queues and topics and who sends and receives; the network
// diagram the namespace, its private endpoint and the AMQP flows.
func (c *Component) Draw(v diagram.View) diagram.Drawing {
	if !v.Network {
		g := &diagram.Group{ID: "ServiceBus", Label: "Service Bus " + c.Tier + "\n" + c.Namespace}
		for _, q := range c.Queues {
			g.Nodes = append(g.Nodes, diagram.Shape{ID: diagram.ID("q", q), Label: "queue: " + q})
		}
		for _, t := range c.Topics {
			g.Nodes = append(g.Nodes, diagram.Shape{ID: diagram.ID("q", t), Label: "topic: " + t})
		}
		d := diagram.Drawing{Regional: g}
		if c.endpoint {
			d.Endpoints = []diagram.Shape{{ID: "PEBus", Label: "Private Endpoint: Service Bus"}}
		}
		for _, sv := range v.Plan.Services {
			for _, q := range c.own(sv.Produces) {
				d.Edges = append(d.Edges, diagram.Edge{From: diagram.ID("svc", sv.Name), To: diagram.ID("q", q), Label: v.T("발행", "send")})
			}
			for _, q := range c.own(sv.Consumes) {
				// a topic is read through a subscription; a queue is received from
				label := v.T("수신", "receive")
				if c.isTopic(q) {
					label = v.T("구독", "subscribe")
				}
				d.Edges = append(d.Edges, diagram.Edge{From: diagram.ID("q", q), To: diagram.ID("svc", sv.Name), Label: label})
			}
		}
		return d
	}
	d := diagram.Drawing{Entry: "Bus"}
	if v.Env.IsProdLike() {
		d.Managed = []diagram.Shape{{ID: "Bus", Label: "Service Bus " + c.Tier, Icon: "Integration/AzureServiceBus", Tier: diagram.TierMessage}}
	} else {
		d.Managed = []diagram.Shape{{ID: "Bus", Label: "Service Bus " + c.Tier + " (" + c.Namespace + ")", Icon: "Integration/AzureServiceBus", Tier: diagram.TierMessage}}
	}
	if c.endpoint {
		d.Entry = "PEBus"
		d.Endpoints = []diagram.Shape{{ID: "PEBus", Label: "PE: Service Bus"}}
		d.Links = []diagram.Edge{{From: "PEBus", To: "Bus", Label: "Private Link"}}
	}
	return d
}

// isTopic tells a topic from a queue of the namespace.
func (c *Component) isTopic(name string) bool {
	for _, t := range c.Topics {
		if t == name {
			return true
		}
	}
	return false
}
