package eventhubs

import (
	"fmt"
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Ports: AMQP over TLS (the Event Hubs SDKs), the Kafka endpoint, and
// HTTPS (AMQP over WebSockets, the REST API), which the private endpoint
// opens too.
const (
	PortAMQP  = 5671
	PortKafka = 9093
	PortHTTPS = 443
)

// Secret is the namespace's connection string: the SDKs' connection, and
// the Kafka clients' SASL password.
const Secret = "eventhubs-connection"

// Clients of the hubs.
const (
	AMQP  = "amqp"
	Kafka = "kafka"
)

// defaultGroup is the consumer group every event hub has; Basic has no
// other.
const defaultGroup = "$Default"

// Kind is the Event Hubs block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Destinations implements plan.Declaring: the hubs, each named by Event
// Hubs' rules.
func (Kind) Destinations(doc *spec.Document, name func(string, naming.Name) string) []plan.Destination {
	var out []plan.Destination
	for _, e := range entities(&doc.Spec) {
		out = append(out, plan.Destination{Owner: Name, Kind: "eventhub", Declared: e.Name, Path: e.Path,
			Name: name("event hub", naming.EventHub(e.Name))})
	}
	return out
}

// StatedRates implements plan.Rated: production's stated events per
// second, split evenly over the hubs (the rate is the namespace's). In a
// development environment the stated rate is production's, so each hub
// carries what its producers' requests cause.
func (Kind) StatedRates(c *plan.Context) map[string]float64 {
	b, ok := plan.Backing[Backing](c, Name)
	if !ok || len(b.Hubs) == 0 || b.EventsPerSecond <= 0 || !c.Env.IsProdLike() {
		return nil
	}
	out := map[string]float64{}
	for _, d := range c.Plan.Destinations {
		if d.Owner == Name {
			out[d.Name] = b.EventsPerSecond / float64(len(b.Hubs))
		}
	}
	return out
}

// Hub is one event hub as an environment runs it.
type Hub struct {
	Name       string
	Path       string // where the spec declares it
	Partitions int
	// RetentionHours is how long events stay; RetentionStated says
	// whether the spec gave it (else the default).
	RetentionHours  int
	RetentionStated bool
	// WantedRetention and WantedPartitions are the spec's figures where a
	// development environment's tier holds less (0 otherwise).
	WantedRetention, WantedPartitions int
	// ConsumerGroups are the groups Terraform creates (none on Basic,
	// where every consumer reads with $Default); GroupsStated says whether
	// the spec listed them.
	ConsumerGroups []string
	GroupsStated   bool
	// Producers and Consumers are the services on the hub, in spec order.
	Producers, Consumers []string
}

// Client is how one service talks to the namespace.
type Client struct {
	Protocol string // amqp or kafka
	// Group is the consumer group it reads with ("" when it consumes
	// nothing).
	Group string
}

// Component is the namespace as one environment runs it.
type Component struct {
	Namespace string
	Tier      string
	// Units are the throughput units (Basic, Standard) or processing
	// units (Premium); UnitsStated says whether the environment pinned
	// them (else they are sized from the load).
	Units       int
	UnitsStated bool
	// AutoInflate raises the throughput units up to MaxUnits (Standard).
	AutoInflate bool
	MaxUnits    int
	// ZoneRedundant: Azure spreads the namespace over the region's
	// availability zones, which it does in every region that has them.
	ZoneRedundant bool
	Region        string
	RegionZones   int
	// Kafka reports whether the namespace has the Kafka endpoint.
	Kafka bool
	Hubs  []Hub
	// Clients are the services using the hubs, by name.
	Clients map[string]Client
	Load    Load
	// endpoint: the namespace is reached through a private endpoint.
	endpoint bool
}

// ID implements plan.Component.
func (*Component) ID() string { return Name }

// Premium reports whether the namespace is Premium.
func (c *Component) Premium() bool { return c.Tier == "Premium" }

// UnitName is what the tier's capacity is counted in.
func (c *Component) UnitName() string {
	if c.Premium() {
		return "PU"
	}
	return "TU"
}

// CapacityUnits is the namespace's capacity at its largest: the
// auto-inflate ceiling where it inflates.
func (c *Component) CapacityUnits() int {
	if c.AutoInflate {
		return c.MaxUnits
	}
	return c.Units
}

// FQDN is the namespace's host.
func (c *Component) FQDN() string { return c.Namespace + ".servicebus.windows.net" }

// Bootstrap is the Kafka clients' bootstrap server.
func (c *Component) Bootstrap() string { return fmt.Sprintf("%s:%d", c.FQDN(), PortKafka) }

// Plan implements plan.Kind: a namespace wherever the system declares a
// hub.
func (Kind) Plan(c *plan.Context) plan.Component {
	b, ok := plan.Backing[Backing](c, Name)
	if !ok || len(b.Hubs) == 0 {
		return nil
	}
	st := plan.Settings[Settings](c, Name)
	doc := c.Doc
	// Auto-inflate is Standard's; a profile's on another tier is unused
	// (the loader refuses the user's own).
	eh := &Component{Tier: st.Tier, AutoInflate: st.AutoInflate && st.Tier == "Standard", Kafka: st.Tier != "Basic", Clients: map[string]Client{}}
	eh.Region = c.Plan.Region
	if r, ok := azure.LookupRegion(c.Plan.Region); ok {
		eh.RegionZones = r.Zones
		eh.ZoneRedundant = r.Zones > 1
	}
	names := map[string]string{} // declared → planned
	for _, d := range c.Plan.Destinations {
		if d.Owner == Name {
			names[d.Declared] = d.Name
		}
	}
	index := map[string]int{}
	for i, h := range b.Hubs {
		hub := Hub{Name: names[h.Name], Path: hubPath(i), Partitions: h.Partitions, RetentionHours: h.RetentionHours,
			RetentionStated: doc.Stated(hubPath(i) + ".retentionHours"), GroupsStated: len(h.ConsumerGroups) > 0}
		if hub.Name == "" {
			hub.Name = h.Name
		}
		if hub.RetentionHours == 0 {
			hub.RetentionHours = defaultRetention
		}
		if !c.Env.IsProdLike() {
			// The loader allows this only beside a production environment
			// that holds the spec's figures.
			if m := retentionMax(eh.Tier); hub.RetentionHours > m {
				hub.WantedRetention, hub.RetentionHours = hub.RetentionHours, m
			}
			if eh.Tier != "Premium" && hub.Partitions > maxStdPartitions {
				hub.WantedPartitions, hub.Partitions = hub.Partitions, maxStdPartitions
			}
		}
		for _, g := range h.ConsumerGroups {
			hub.ConsumerGroups = append(hub.ConsumerGroups, c.Name("Event Hubs consumer group", naming.EventHubConsumerGroup(g)))
		}
		index[hub.Name] = i
		eh.Hubs = append(eh.Hubs, hub)
	}
	for _, sv := range c.Plan.Services {
		var sends, reads bool
		for _, q := range sv.Produces {
			if i, ok := index[q]; ok {
				eh.Hubs[i].Producers = append(eh.Hubs[i].Producers, sv.Name)
				sends = true
			}
		}
		for _, q := range sv.Consumes {
			if i, ok := index[q]; ok {
				eh.Hubs[i].Consumers = append(eh.Hubs[i].Consumers, sv.Name)
				reads = true
			}
		}
		if !sends && !reads {
			continue
		}
		cl := Client{Protocol: AMQP}
		u, uses := plan.Uses[Use](c, sv.Name, Name)
		if uses && u.Client != "" {
			cl.Protocol = u.Client
		}
		if reads {
			switch {
			case eh.Tier == "Basic":
				cl.Group = defaultGroup
			case uses && u.ConsumerGroup != "":
				cl.Group = c.Name("Event Hubs consumer group", naming.EventHubConsumerGroup(u.ConsumerGroup))
			default:
				cl.Group = c.Name("Event Hubs consumer group", naming.EventHubConsumerGroup(sv.Name))
			}
		}
		eh.Clients[sv.Name] = cl
	}
	for i := range eh.Hubs {
		h := &eh.Hubs[i]
		if eh.Tier == "Basic" {
			h.ConsumerGroups = nil // $Default only, which Azure creates
			continue
		}
		if !h.GroupsStated {
			for _, sv := range h.Consumers {
				h.ConsumerGroups = append(h.ConsumerGroups, eh.Clients[sv].Group)
			}
		}
	}
	eh.Load = load(c, b, eh)
	if !eh.size(c, st) {
		return nil
	}
	eh.Namespace = c.Name("Event Hubs namespace", naming.EventHubNamespace("evhns-"+c.Plan.Name+"-"+c.Env.Name))
	// Basic has no private link.
	eh.endpoint = eh.Tier != "Basic" && c.Env.Settings.Network.PrivateEndpoints
	return eh
}

// size sets the units: pinned, or the smallest that carry the load.
func (eh *Component) size(c *plan.Context, st *Settings) bool {
	path := c.Path() + "." + Key
	need := eh.Load.Needed
	if eh.Premium() {
		eh.Units, eh.UnitsStated = st.ProcessingUnits, st.ProcessingUnits > 0
		if !eh.UnitsStated {
			eh.Units = puStep(need)
		}
		// Partitions are a hard quota, not a throughput estimate.
		if min := ceilDiv(eh.Load.Partitions, partitionsPerPU); eh.Units < min {
			c.Fail(path+".processingUnits", fmt.Sprintf("use %d processing units or more, or fewer partitions", puStep(min)),
				"%d partitions need at least %d processing units (200 per PU); the environment has %d", eh.Load.Partitions, puStep(min), eh.Units)
			return false
		}
		if hubs := len(eh.Hubs); hubs > 100*eh.Units {
			c.Fail(path+".processingUnits", "Premium holds 100 event hubs per processing unit", "%d event hubs need more than %d processing units", hubs, eh.Units)
			return false
		}
		return true
	}
	eh.Units, eh.UnitsStated = st.ThroughputUnits, st.ThroughputUnits > 0
	if !eh.UnitsStated {
		eh.Units = min(need, maxTUs)
	}
	if eh.AutoInflate {
		eh.MaxUnits = st.MaxThroughputUnits
		if eh.MaxUnits == 0 {
			eh.MaxUnits = min(maxTUs, max(2*eh.Units, eh.Units))
		}
		if eh.MaxUnits < eh.Units {
			c.Fail(path+".maxThroughputUnits", fmt.Sprintf("raise maxThroughputUnits to %d or more, or set 0 (twice the units)", eh.Units),
				"the load needs %d throughput units, above the auto-inflate ceiling of %d", eh.Units, eh.MaxUnits)
			return false
		}
	}
	return true
}

// puStep rounds processing units up to a size Premium sells.
func puStep(n int) int {
	for _, s := range puSteps {
		if s >= n {
			return s
		}
	}
	return puSteps[len(puSteps)-1]
}

// client is how a service talks to the namespace, if it does.
func (c *Component) client(sv plan.Service) (Client, bool) {
	cl, ok := c.Clients[sv.Name]
	return cl, ok
}

// own lists the names that are this namespace's hubs.
func (c *Component) own(names []string) []string {
	var out []string
	for _, n := range names {
		for _, h := range c.Hubs {
			if h.Name == n {
				out = append(out, n)
				break
			}
		}
	}
	return out
}

// port is the port a client speaks.
func port(protocol string) (int, string) {
	if protocol == Kafka {
		return PortKafka, "Kafka"
	}
	return PortAMQP, "AMQP"
}

// PrivateEndpoints implements plan.Endpointed: the namespace takes one
// address, for the one name it publishes (<namespace>.privatelink.servicebus.windows.net;
// Microsoft, "Azure Private Endpoint private DNS zone values",
// learn.microsoft.com/azure/private-link/private-endpoint-dns).
func (c *Component) PrivateEndpoints() []plan.PrivateEndpoint {
	if !c.endpoint {
		return nil
	}
	return []plan.PrivateEndpoint{{Service: Name, Title: "Event Hubs", Subresource: "namespace", DNSZone: "privatelink.servicebus.windows.net", IPs: 1,
		Ports: []int{PortAMQP, PortKafka, PortHTTPS}}}
}

// Flows implements plan.Flowing: AMQP, or Kafka for Kafka clients.
func (c *Component) Flows(_ *plan.Plan, _ *plan.Env, sv plan.Service) []plan.Flow {
	cl, ok := c.client(sv)
	if !ok {
		return nil
	}
	p, proto := port(cl.Protocol)
	return []plan.Flow{{From: sv.Name, To: Name, Port: p, Proto: proto, Kind: "messaging"}}
}

// Secrets implements plan.Secreted.
func (c *Component) Secrets(_ *plan.Plan, _ *plan.Env) []string { return []string{Secret} }

// SecretRefs implements plan.Secreted.
func (c *Component) SecretRefs(_ *plan.Plan, _ *plan.Env, sv plan.Service) []plan.SecretRef {
	if _, ok := c.client(sv); !ok {
		return nil
	}
	return []plan.SecretRef{{Env: "EVENTHUBS_CONNECTION", Secret: Secret}}
}

// kafkaClients are the services that speak Kafka, in spec order.
func (c *Component) kafkaClients(pl *plan.Plan) []string {
	var out []string
	for _, sv := range pl.Services {
		if cl, ok := c.client(sv); ok && cl.Protocol == Kafka {
			out = append(out, sv.Name)
		}
	}
	return out
}

// hasKafka reports whether some service speaks Kafka.
func (c *Component) hasKafka() bool {
	for _, cl := range c.Clients {
		if cl.Protocol == Kafka {
			return true
		}
	}
	return false
}

// groupList prints a hub's consumer groups.
func (h Hub) groupList() string {
	if len(h.ConsumerGroups) == 0 {
		return defaultGroup
	}
	return strings.Join(h.ConsumerGroups, ", ")
}
