package servicebus_test

import (
	"testing"

	"github.com/physarch/physarch/internal/component/servicebus"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// TestEveryTopicConsumerHasASubscription: a topic delivers only to its
// subscriptions, so every service that consumes a topic, a worker or not,
// gets one in Terraform (on that topic, under the plan's name), and its
// container is told the name.
func TestEveryTopicConsumerHasASubscription(t *testing.T) {
	pl, files := readback.Build(t, "workloads.yaml", testplan.WorkloadsSpec(), md.En)
	for _, e := range pl.Envs {
		sb, ok := plan.Find[*servicebus.Component](e)
		if !ok {
			t.Fatal("no Service Bus")
		}
		if sb.Tier == "Basic" {
			continue // no topics on Basic
		}
		subs := map[string]string{} // name → topic reference
		for _, r := range readback.Find(readback.TerraformOf(t, files, e.Name), "azurerm_servicebus_subscription") {
			subs[r.Attrs["name"]] = r.Name
		}
		for _, consumer := range []string{"inference", "indexer"} {
			name, ok := sb.Subscriptions[consumer]
			if !ok {
				t.Errorf("%s: %s consumes a topic and has no subscription in the plan", e.Name, consumer)
				continue
			}
			if _, ok := subs[name]; !ok {
				t.Errorf("%s: no azurerm_servicebus_subscription %q for %s (have %v)", e.Name, name, consumer, subs)
			}
		}
		if _, ok := sb.Subscriptions["mailer"]; ok {
			t.Errorf("%s: mailer consumes a queue, yet has a subscription", e.Name)
		}
	}
}
