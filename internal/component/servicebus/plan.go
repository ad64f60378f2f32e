package servicebus

import (
	"slices"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Port is AMQP over TLS, what the services' clients speak.
const Port = 5671

// Secret is the namespace's connection string, of the authorization rule
// AuthRule.
const Secret = "servicebus-connection"

// AuthRule is the namespace's shared access rule the services' connection
// string comes from: Send and Listen, without Manage (the namespace's own
// RootManageSharedAccessKey could create and delete every entity).
const AuthRule = "services-send-listen"

// Kind is the Service Bus block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Destinations implements plan.Declaring: queues, then topics, each named
// by Service Bus's rules.
func (Kind) Destinations(doc *spec.Document, name func(string, naming.Name) string) []plan.Destination {
	b, ok := spec.Block[Backing](doc.Spec.Backing.Blocks, Name)
	if !ok {
		return nil
	}
	var out []plan.Destination
	for _, e := range entities(&doc.Spec) {
		d := plan.Destination{Owner: Name, Declared: e.Name, Path: e.Path, Kind: "queue"}
		if len(out) >= len(b.Queues) {
			d.Kind = "topic"
		}
		if d.Kind == "queue" {
			d.Name = name("Service Bus queue", naming.ServiceBusQueue(e.Name))
		} else {
			d.Name = name("Service Bus topic", naming.ServiceBusTopic(e.Name))
		}
		out = append(out, d)
	}
	return out
}

// Component is the namespace as one environment runs it.
type Component struct {
	Namespace      string
	Tier           string
	MessagingUnits int
	MaxSizeMB      int
	TTL            string
	Queues, Topics []string
	// Producers and Consumers are the services on each destination, in
	// spec order.
	Producers, Consumers map[string][]string
	// Subscriptions are the names of the topic subscriptions of the
	// services that consume a topic, by service (one name for each topic
	// the service consumes: a subscription is scoped by its topic).
	Subscriptions map[string]string
	// endpoint: the namespace is reached through a private endpoint
	// (Premium only).
	endpoint bool
	// regionZones: the region has availability zones, which makes every
	// namespace in it zone-redundant.
	regionZones bool
}

// Partitions is how many partitions a Premium namespace is created with.
// One partition is not partitioned (azurerm treats 1 as unpartitioned), so
// the namespace gets Service Bus Premium's lower SLA; more partitions need
// at least as many messaging units.
const Partitions = 1

// ID implements plan.Component.
func (*Component) ID() string { return Name }

// Premium reports whether the namespace is Premium.
func (c *Component) Premium() bool { return c.Tier == "Premium" }

// Plan implements plan.Kind: a namespace wherever the system declares a
// destination.
func (Kind) Plan(c *plan.Context) plan.Component {
	st := plan.Settings[Settings](c, Name)
	b := &Component{Tier: st.Tier, MessagingUnits: st.MessagingUnits, MaxSizeMB: st.MaxSizeMB, TTL: st.MessageTTL,
		Producers: map[string][]string{}, Consumers: map[string][]string{}}
	for _, d := range c.Plan.Destinations {
		switch {
		case d.Owner != Name:
		case d.Kind == "queue":
			b.Queues = append(b.Queues, d.Name)
		default:
			b.Topics = append(b.Topics, d.Name)
		}
	}
	if len(b.Queues)+len(b.Topics) == 0 {
		return nil
	}
	for _, sv := range c.Plan.Services {
		for _, q := range b.own(sv.Produces) {
			b.Producers[q] = append(b.Producers[q], sv.Name)
		}
		for _, q := range b.own(sv.Consumes) {
			b.Consumers[q] = append(b.Consumers[q], sv.Name)
		}
	}
	b.Subscriptions = subscriptions(c, b.Topics)
	b.Namespace = c.Name("Service Bus namespace", naming.ServiceBusNamespace("sb-"+c.Plan.Name+"-"+c.Env.Name))
	b.endpoint = b.Premium() && c.Env.Settings.Network.PrivateEndpoints
	if r, ok := azure.LookupRegion(c.Plan.Region); ok {
		b.regionZones = r.Zones > 0
	}
	return b
}

// FQDN is the namespace's host.
func (c *Component) FQDN() string { return c.Namespace + ".servicebus.windows.net" }

// own lists the names that are this namespace's queues and topics: a
// service may also send to destinations other blocks declare (event
// hubs).
func (c *Component) own(names []string) []string {
	var out []string
	for _, n := range names {
		if slices.Contains(c.Queues, n) || slices.Contains(c.Topics, n) {
			out = append(out, n)
		}
	}
	return out
}

// messaging reports whether a service sends to or receives from the
// namespace.
func (c *Component) messaging(sv plan.Service) bool {
	return len(c.own(sv.Produces))+len(c.own(sv.Consumes)) > 0
}

// PrivateEndpoints implements plan.Endpointed: the namespace takes one
// address, for the one name it publishes (<namespace>.privatelink.servicebus.windows.net;
// Microsoft, "Azure Private Endpoint private DNS zone values",
// learn.microsoft.com/azure/private-link/private-endpoint-dns).
func (c *Component) PrivateEndpoints() []plan.PrivateEndpoint {
	if !c.endpoint {
		return nil
	}
	return []plan.PrivateEndpoint{{Service: Name, Title: "Service Bus", Subresource: "namespace", DNSZone: "privatelink.servicebus.windows.net", IPs: 1, Ports: []int{Port}}}
}

// Flows implements plan.Flowing.
func (c *Component) Flows(_ *plan.Plan, _ *plan.Env, sv plan.Service) []plan.Flow {
	if !c.messaging(sv) {
		return nil
	}
	return []plan.Flow{{From: sv.Name, To: Name, Port: Port, Proto: "AMQP", Kind: "messaging"}}
}

// Secrets implements plan.Secreted.
func (c *Component) Secrets(_ *plan.Plan, _ *plan.Env) []string { return []string{Secret} }

// SecretRefs implements plan.Secreted.
func (c *Component) SecretRefs(_ *plan.Plan, _ *plan.Env, sv plan.Service) []plan.SecretRef {
	if !c.messaging(sv) {
		return nil
	}
	return []plan.SecretRef{{Env: "SERVICEBUS_CONNECTION", Secret: Secret}}
}
