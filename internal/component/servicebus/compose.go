package servicebus

import (
	"fmt"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/compose"
)

// Compose implements compose.Composed: nothing runs locally, and the file
// says so.
func (c *Component) Compose(compose.Context) compose.Part {
	names := append(append([]string(nil), c.Queues...), c.Topics...)
	return compose.Part{Notes: []string{
		fmt.Sprintf("Not emulated here: the Service Bus queues and topics %s.", strings.Join(names, ", ")),
		"Point SERVICEBUS_CONNECTION at a Service Bus namespace or at the Service Bus emulator.",
	}}
}

// DependsOn implements compose.Composed: nothing to wait for.
func (c *Component) DependsOn(plan.Service) map[string]compose.Dependency { return nil }
