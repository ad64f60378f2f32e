package eventhubs

import (
	"fmt"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/appenv"
)

// Emulator ports: compose runs the Event Hubs emulator, which speaks AMQP
// and Kafka without TLS.
const (
	emulatorAMQP  = 5672
	emulatorKafka = 9092
)

// Vars implements appenv.Configured: the namespace, the hubs the service
// sends to and receives from, its consumer group and, for Kafka clients,
// the bootstrap server and security protocol (the SASL username is the
// literal $ConnectionString, the password the connection string secret).
// In compose they point at the emulator.
func (c *Component) Vars(_ *plan.Env, sv plan.Service, h appenv.Hosts) []appenv.Var {
	cl, ok := c.client(sv)
	if !ok {
		return nil
	}
	local := h.Local != nil
	vars := []appenv.Var{{Name: "EVENTHUBS_NAMESPACE", Value: h.Of(Name, c.FQDN())}}
	if p := c.own(sv.Produces); len(p) > 0 {
		vars = append(vars, appenv.Var{Name: "EVENTHUBS_PRODUCES", Value: strings.Join(p, ",")})
	}
	if r := c.own(sv.Consumes); len(r) > 0 {
		vars = append(vars, appenv.Var{Name: "EVENTHUBS_CONSUMES", Value: strings.Join(r, ",")},
			appenv.Var{Name: "EVENTHUBS_CONSUMER_GROUP", Value: cl.Group})
	}
	if cl.Protocol == Kafka {
		bootstrap, security := c.Bootstrap(), "SASL_SSL"
		if local {
			bootstrap, security = fmt.Sprintf("%s:%d", h.Local(Name), emulatorKafka), "SASL_PLAINTEXT"
		}
		vars = append(vars, appenv.Var{Name: "KAFKA_BOOTSTRAP_SERVERS", Value: bootstrap},
			appenv.Var{Name: "KAFKA_SECURITY_PROTOCOL", Value: security},
			appenv.Var{Name: "KAFKA_SASL_MECHANISM", Value: "PLAIN"})
	}
	return vars
}
