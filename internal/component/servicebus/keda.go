package servicebus

import (
	"slices"
	"strconv"

	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/k8s"
)

// KEDATrigger implements k8s.KEDATriggered: KEDA's azure-servicebus
// scaler on the queue a worker consumes, or on its own subscription of
// the topic it consumes, at messageCount waiting messages per replica.
// KEDA authenticates as the worker's identity, so the scaler names the
// namespace rather than a connection string.
func (c *Component) KEDATrigger(sv plan.Service) (map[string]string, bool) {
	if sv.Worker == nil {
		return nil, false
	}
	for _, dest := range sv.Consumes {
		t := map[string]string{k8s.TriggerType: "azure-servicebus", "namespace": c.Namespace,
			"messageCount": strconv.Itoa(sv.Worker.MessagesPerReplica)}
		switch {
		case slices.Contains(c.Queues, dest):
			t["queueName"] = dest
		case slices.Contains(c.Topics, dest):
			t["topicName"] = dest
			t["subscriptionName"] = c.Subscriptions[sv.Name]
		default:
			continue
		}
		return t, true
	}
	return nil, false
}

// subscriptions names the topic subscription of every service that
// consumes a topic, whatever its kind: a topic delivers only to its
// subscriptions, so without one the consumer receives nothing (and KEDA
// counts a worker's backlog in it). Terraform creates each one. A subscription's name follows a queue's
// rule (1 to 50 letters, digits, '.', '_', '-').
func subscriptions(c *plan.Context, topics []string) map[string]string {
	out := map[string]string{}
	for _, sv := range c.Plan.Services {
		for _, dest := range sv.Consumes {
			if slices.Contains(topics, dest) {
				out[sv.Name] = c.Name("Service Bus subscription", naming.ServiceBusQueue(sv.Name))
			}
		}
	}
	return out
}
