package servicebus_test

import (
	"testing"

	"github.com/physarch/physarch/internal/component/servicebus"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/testplan"
)

// TestKEDATrigger: a worker on a queue gets azure-servicebus on the queue,
// a worker on a topic on its own subscription, each at its messages per
// replica and naming the namespace (KEDA authenticates as the worker, not
// with a connection string); a service, or a worker of another block,
// gets none.
func TestKEDATrigger(t *testing.T) {
	pl := testplan.Workloads(t)
	for _, e := range pl.Envs {
		sb, ok := plan.Find[*servicebus.Component](e)
		if !ok {
			t.Fatal("no Service Bus")
		}
		want := map[string]map[string]string{
			"mailer":  {"type": "azure-servicebus", "namespace": sb.Namespace, "queueName": "mail-jobs", "messageCount": "10"},
			"indexer": {"type": "azure-servicebus", "namespace": sb.Namespace, "topicName": "order-events", "subscriptionName": sb.Subscriptions["indexer"], "messageCount": "5"},
		}
		for _, sv := range pl.Services {
			got, ok := sb.KEDATrigger(sv)
			w, isWorker := want[sv.Name]
			if ok != isWorker {
				t.Errorf("%s/%s: trigger %v, want one: %v", e.Name, sv.Name, got, isWorker)
				continue
			}
			if len(got) != len(w) {
				t.Errorf("%s/%s: %v, want %v", e.Name, sv.Name, got, w)
			}
			for k, v := range w {
				if got[k] != v {
					t.Errorf("%s/%s: %s = %q, want %q", e.Name, sv.Name, k, got[k], v)
				}
			}
		}
		// Every topic consumer has one (the inference service too), not only the worker.
		if sb.Subscriptions["indexer"] != "indexer" || sb.Subscriptions["inference"] != "inference" || len(sb.Subscriptions) != 2 {
			t.Errorf("%s: subscriptions %v", e.Name, sb.Subscriptions)
		}
		other := plan.Service{Name: "x", Kind: "worker", Worker: &plan.Worker{MessagesPerReplica: 1}, Consumes: []string{"not-here"}}
		if got, ok := sb.KEDATrigger(other); ok {
			t.Errorf("a worker on another block's destination got %v", got)
		}
	}
}
