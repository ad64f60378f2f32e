// Package eventhubs is the Azure Event Hubs building block: the event
// hubs (Kafka topics) services send to (produces) and receive from
// (consumes), in one namespace per environment, with a consumer group per
// consuming service, throughput or processing units sized from the events
// the system carries, and the Kafka endpoint for Kafka clients.
package eventhubs

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's ID; Key its backing, settings and use key.
const (
	Name = "eventhubs"
	Key  = "eventHubs"
)

// Backing is backing.eventHubs: the hubs the system declares and the
// events it carries.
type Backing struct {
	Hubs []HubSpec `yaml:"hubs" jsonschema:"required"`
	// EventsPerSecond is production's peak ingress into the whole
	// namespace; without it, and in development environments, each
	// environment assumes one event per request of the producing services
	// at peak.
	EventsPerSecond float64 `yaml:"eventsPerSecond" jsonschema_description:"production's peak events per second into all hubs together (default, and in development: one event per request of the producing services at peak)"`
	EventSizeKB     float64 `yaml:"eventSizeKB" jsonschema_description:"average event size in KB (default 1)"`
}

// HubSpec is one event hub (a Kafka topic) as the spec declares it.
type HubSpec struct {
	Name       string `yaml:"name" jsonschema:"required"`
	Partitions int    `yaml:"partitions" jsonschema:"required" jsonschema_description:"partitions: 1 to 32 on Basic and Standard, up to 100 on Premium"`
	// RetentionHours is how long events stay readable (default 24).
	RetentionHours int `yaml:"retentionHours" jsonschema_description:"hours events stay readable: at most 24 on Basic, 168 on Standard, 2160 on Premium (default 24)"`
	// ConsumerGroups are the hub's consumer groups; without them each
	// consuming service gets one named after it.
	ConsumerGroups []string `yaml:"consumerGroups" jsonschema_description:"consumer groups (default: one per consuming service, named after it)"`
}

// Limits of the hub-level values (Microsoft's "Event Hubs quotas and
// limits"; names also from "Naming rules and restrictions for Azure
// resources", Microsoft.EventHub).
const (
	maxHubName       = 50
	maxPartitions    = 100 // Premium, per event hub
	maxStdPartitions = 32  // Basic and Standard, per event hub
	maxRetention     = 2160
	defaultRetention = 24
	defaultEventKB   = 1.0
	maxGroupsPerHub  = 100
	maxHubs          = 100
)

// entityPattern is Microsoft's rule for event hub and consumer group
// names: alphanumerics, periods, hyphens and underscores, starting and
// ending with a letter or digit.
const entityPattern = `^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$`

// FieldRules constrains the backing section.
func (Backing) FieldRules() spec.Rules {
	size := spec.Between(0, 1024)
	size.ExclMin = true
	return spec.Rules{
		"hubs":            {MinItems: 1, MaxItems: maxHubs, Hint: "declare from 1 to 100 event hubs (Basic and Standard hold 10)"},
		"eventsPerSecond": spec.Between(0.1, 1_000_000).WithHint("events per second at peak, from 0.1 to 1,000,000"),
		"eventSizeKB":     size.WithHint("KB, above 0 and at most 1,024 (Event Hubs takes events up to 1 MB; Basic 256 KB)"),
	}
}

// FieldRules constrains one hub.
func (HubSpec) FieldRules() spec.Rules {
	group := spec.Pattern(entityPattern, maxHubName, "letters, digits, '.', '_' and '-', starting and ending with a letter or digit, at most 50 characters")
	return spec.Rules{
		"name":           spec.Pattern(entityPattern, maxHubName, "letters, digits, '.', '_' and '-', starting and ending with a letter or digit, at most 50 characters"),
		"partitions":     spec.Between(1, maxPartitions).WithHint("from 1 to 32 partitions on Basic and Standard, up to 100 on Premium"),
		"retentionHours": spec.Between(1, maxRetention).WithHint("hours, from 1 to 24 on Basic, 168 on Standard, 2,160 (90 days) on Premium"),
		"consumerGroups": spec.List(maxGroupsPerHub, &group),
	}
}

// Settings are environments[].eventHubs. Zone redundancy, the Kafka
// endpoint and Capture are not settings: Azure makes every namespace in a
// region with availability zones zone-redundant (azurerm 4+ has no
// zone_redundant argument), every Standard and Premium namespace has the
// Kafka endpoint (Basic none), and this block turns Capture on nowhere.
type Settings struct {
	Tier string `yaml:"tier"`
	// ThroughputUnits are Basic's and Standard's capacity; 0 sizes them
	// from the events the system carries.
	ThroughputUnits int  `yaml:"throughputUnits" jsonschema_description:"Basic and Standard: throughput units, 1 to 40; 0 sizes them from the events per second"`
	AutoInflate     bool `yaml:"autoInflate" jsonschema_description:"Standard: let Azure raise the throughput units up to maxThroughputUnits"`
	// MaxThroughputUnits is auto-inflate's ceiling; 0 is twice the
	// throughput units (at most 40).
	MaxThroughputUnits int `yaml:"maxThroughputUnits" jsonschema_description:"auto-inflate ceiling, 1 to 40; 0 is twice the throughput units"`
	// ProcessingUnits are Premium's capacity; 0 sizes them.
	ProcessingUnits int `yaml:"processingUnits" jsonschema_description:"Premium: processing units 1, 2, 4, 8 or 16; 0 sizes them from the events per second and partitions"`
}

// Capacity limits per namespace (quotas and limits; Premium overview:
// "1, 2, 4, 8 and 16 processing units").
const (
	maxTUs = 40
	maxPUs = 16
)

// puSteps are the processing units a Premium namespace can have.
var puSteps = []int{1, 2, 4, 8, 16}

// FieldRules constrains the settings.
func (Settings) FieldRules() spec.Rules {
	return spec.Rules{
		"tier":               spec.OneOf("Basic", "Standard", "Premium"),
		"throughputUnits":    spec.Between(0, maxTUs).WithHint("0 (sized from the load) or 1 to 40 throughput units"),
		"maxThroughputUnits": spec.Between(0, maxTUs).WithHint("0 (twice the throughput units) or 1 to 40"),
		"processingUnits":    spec.Rule{EnumInt: []int{0, 1, 2, 4, 8, 16}, Hint: "0 (sized from the load) or 1, 2, 4, 8 or 16 processing units"},
	}
}

// Use is services[].uses.eventHubs: how one service talks to the hubs.
type Use struct {
	Client        string `yaml:"client" jsonschema_description:"amqp (the Event Hubs SDKs, port 5671) or kafka (a Kafka client on the Kafka endpoint, port 9093); default amqp"`
	ConsumerGroup string `yaml:"consumerGroup" jsonschema_description:"the consumer group this service reads with (default: one named after the service)"`
}

// FieldRules constrains the use.
func (Use) FieldRules() spec.Rules {
	return spec.Rules{
		"client":        spec.OneOf("amqp", "kafka"),
		"consumerGroup": spec.Pattern(entityPattern, maxHubName, "letters, digits, '.', '_' and '-', starting and ending with a letter or digit, at most 50 characters"),
	}
}

// Profile defaults: Standard in both. Dev pins one throughput unit (the
// managed namespace replaces the emulator the cluster cannot run well; see
// NOTES.md), prod sizes them from the load and lets auto-inflate double
// them.
const (
	devProfile = `tier: Standard
throughputUnits: 1
autoInflate: false
`
	prodProfile = `tier: Standard
throughputUnits: 0
autoInflate: true
maxThroughputUnits: 0
`
)

// Names of the block's own objects in the compose file.
const (
	emulatorService = "eventhubs"
	azuriteService  = "eventhubs-azurite"
)

func section() spec.Section {
	return spec.Section{
		Kind:       Name,
		BackingKey: Key, Backing: reflect.TypeFor[Backing](),
		SettingsKey: Key, Settings: reflect.TypeFor[Settings](),
		UseKey: Key, Use: reflect.TypeFor[Use](),
		Profiles: map[string]string{"dev": devProfile, "prod": prodProfile},
		Entities: entities,
		Validate: validate,
		Reserved: []string{emulatorService, azuriteService},
	}
}

// entities are the declared hubs. Event Hubs compares names without
// case, and a hub named like a Service Bus queue would be ambiguous in
// produces and consumes.
func entities(s *spec.Spec) []spec.Entity {
	b, ok := spec.Block[Backing](s.Backing.Blocks, Name)
	if !ok {
		return nil
	}
	out := make([]spec.Entity, len(b.Hubs))
	for i, h := range b.Hubs {
		out[i] = spec.Entity{Name: h.Name, Path: hubPath(i), Key: strings.ToLower(h.Name),
			Collision: "event hub names are compared without case, and produces and consumes must name one destination"}
	}
	return out
}

func hubPath(i int) string { return fmt.Sprintf("backing.%s.hubs[%d]", Key, i) }

// retentionMax is the longest retention a tier allows, in hours.
func retentionMax(tier string) int {
	switch tier {
	case "Basic":
		return 24
	case "Standard":
		return 168
	}
	return maxRetention
}

// groupsMax is how many consumer groups an event hub of a tier has.
func groupsMax(tier string) int {
	switch tier {
	case "Basic":
		return 1 // $Default only
	case "Standard":
		return 20
	}
	return maxGroupsPerHub
}

// validate checks the services' uses against the hubs, and every
// environment's tier against what the spec declares. Each mistake is
// reported once, at the first environment that cannot hold it.
func validate(v *spec.Validation) {
	s := v.Spec()
	b, declared := spec.Block[Backing](s.Backing.Blocks, Name)
	hubs := map[string]int{}
	if declared {
		for i, h := range b.Hubs {
			hubs[h.Name] = i
		}
	}
	// readers[hub][group] is the first service reading the hub with it.
	readers := map[int]map[string]int{}
	consumers := map[int][]int{}
	groupOf := map[int]string{}
	for i, sv := range s.Services {
		u, uses := spec.Block[Use](sv.Uses.Blocks, Name)
		p := fmt.Sprintf("services[%d]", i)
		var mine, reads []int
		for _, list := range [][]string{sv.Produces, sv.Consumes} {
			for _, n := range list {
				if h, ok := hubs[n]; ok {
					mine = append(mine, h)
				}
			}
		}
		for _, n := range sv.Consumes {
			if h, ok := hubs[n]; ok {
				reads = append(reads, h)
			}
		}
		if uses && !declared && !v.Failed("backing."+Key) {
			v.Fail(p+".uses."+Key, "add backing.eventHubs with the hubs, or remove uses.eventHubs", "service %q uses Event Hubs but the spec declares no event hubs", sv.Name)
			continue
		}
		if uses && len(mine) == 0 && declared {
			v.Fail(p+".uses."+Key, "name an event hub in its produces or consumes, or remove uses.eventHubs", "service %q says how it uses Event Hubs but sends to and receives from no event hub", sv.Name)
			continue
		}
		if uses && u.ConsumerGroup != "" && len(reads) == 0 {
			v.Fail(p+".uses."+Key+".consumerGroup", "consumer groups are for services that consume an event hub", "service %q has a consumer group but consumes no event hub", sv.Name)
			continue
		}
		group := sv.Name
		if uses && u.ConsumerGroup != "" {
			group = u.ConsumerGroup
		}
		groupOf[i] = group
		for _, h := range reads {
			if readers[h] == nil {
				readers[h] = map[string]int{}
			}
			if j, dup := readers[h][strings.ToLower(group)]; dup {
				v.Fail(p+".consumes", fmt.Sprintf("give services %q and %q their own consumer groups (uses.eventHubs.consumerGroup)", s.Services[j].Name, sv.Name),
					"services %q and %q read event hub %q with one consumer group %q: each would receive only part of the events", s.Services[j].Name, sv.Name, b.Hubs[h].Name, group)
				continue
			}
			readers[h][strings.ToLower(group)] = i
			consumers[h] = append(consumers[h], i)
		}
	}
	if !declared {
		return
	}
	for h, hub := range b.Hubs {
		if len(hub.ConsumerGroups) == 0 {
			continue
		}
		listed := map[string]bool{}
		for _, g := range hub.ConsumerGroups {
			if listed[strings.ToLower(g)] {
				v.Fail(hubPath(h)+".consumerGroups", "list each consumer group once (names are compared without case)", "event hub %q lists consumer group %q twice", hub.Name, g)
			}
			listed[strings.ToLower(g)] = true
		}
		for _, i := range consumers[h] {
			if g := groupOf[i]; !listed[strings.ToLower(g)] {
				v.Fail(hubPath(h)+".consumerGroups", fmt.Sprintf("add %q to consumerGroups, or set services[%d].uses.eventHubs.consumerGroup to one listed", g, i),
					"event hub %q has no consumer group %q, which service %q reads it with", hub.Name, g, s.Services[i].Name)
			}
		}
	}
	// A development environment on a lower tier than production keeps what
	// its tier allows of production's partitions and retention (the
	// documents say so); without a production environment the spec's
	// figures must fit every environment.
	hasProd := false
	for _, e := range s.Environments {
		hasProd = hasProd || e.Profile == "prod"
	}
	reported := map[string]bool{}
	once := func(path, hint, format string, args ...any) {
		if !reported[path] {
			reported[path] = true
			v.Fail(path, hint, format, args...)
		}
	}
	for i, e := range s.Environments {
		st, ok := spec.Block[Settings](e.Blocks, Name)
		if !ok || e.Profile == "" {
			continue
		}
		p := fmt.Sprintf("environments[%d].%s", i, Key)
		if v.Failed(p+".tier") || v.Failed(p) {
			continue // a tier physarch does not know says nothing about the rest
		}
		// A profile's value that does not apply to the tier the user chose
		// (Premium with the profile's throughput units) is left unused;
		// the user's own is an error.
		stated := func(key string) bool { return v.Doc().Stated(p + "." + key) }
		premium := st.Tier == "Premium"
		if premium && st.ThroughputUnits > 0 && stated("throughputUnits") {
			once(p+".throughputUnits", "Premium is sized in processing units: set processingUnits instead", "Event Hubs Premium has no throughput units (throughputUnits: %d)", st.ThroughputUnits)
		}
		if !premium && st.ProcessingUnits > 0 && stated("processingUnits") {
			once(p+".processingUnits", "processing units are Premium's; Basic and Standard take throughputUnits", "Event Hubs %s has no processing units (processingUnits: %d)", st.Tier, st.ProcessingUnits)
		}
		if st.AutoInflate && st.Tier != "Standard" && stated("autoInflate") {
			once(p+".autoInflate", "auto-inflate is a Standard feature; set autoInflate: false", "Event Hubs %s has no auto-inflate", st.Tier)
		}
		if st.AutoInflate && st.Tier == "Standard" && st.MaxThroughputUnits > 0 && st.ThroughputUnits > st.MaxThroughputUnits {
			once(p+".maxThroughputUnits", "the auto-inflate ceiling must be at least the throughput units", "auto-inflate ceiling %d is below the %d throughput units", st.MaxThroughputUnits, st.ThroughputUnits)
		}
		if !premium && len(b.Hubs) > 10 {
			once(hubPath(10), "Basic and Standard hold 10 event hubs per namespace; use tier Premium or fewer hubs", "%d event hubs, but Event Hubs %s holds 10 per namespace (%s)", len(b.Hubs), st.Tier, e.Name)
		}
		if st.Tier == "Basic" && b.EventSizeKB > 256 {
			once("backing."+Key+".eventSizeKB", "Basic takes events up to 256 KB; use tier Standard or smaller events", "events of %g KB, but Event Hubs Basic takes at most 256 KB (%s)", b.EventSizeKB, e.Name)
		}
		for h, hub := range b.Hubs {
			hp := hubPath(h)
			capped := hasProd && e.Profile != "prod"
			if !premium && hub.Partitions > maxStdPartitions && !capped {
				once(hp+".partitions", fmt.Sprintf("Basic and Standard take 1 to %d partitions per event hub; use tier Premium (up to %d) or fewer partitions", maxStdPartitions, maxPartitions),
					"event hub %q has %d partitions, but Event Hubs %s allows at most %d (%s)", hub.Name, hub.Partitions, st.Tier, maxStdPartitions, e.Name)
			}
			if hub.RetentionHours > retentionMax(st.Tier) && !capped {
				once(hp+".retentionHours", fmt.Sprintf("Event Hubs %s keeps events at most %d hours", st.Tier, retentionMax(st.Tier)),
					"event hub %q keeps events %d hours, but Event Hubs %s allows at most %d (%s)", hub.Name, hub.RetentionHours, st.Tier, retentionMax(st.Tier), e.Name)
			}
			if st.Tier == "Basic" && len(hub.ConsumerGroups) > 0 {
				once(hp+".consumerGroups", "Basic has only the $Default consumer group; use tier Standard or remove consumerGroups", "event hub %q lists consumer groups, but Event Hubs Basic has only $Default (%s)", hub.Name, e.Name)
				continue
			}
			groups := len(hub.ConsumerGroups)
			if groups == 0 {
				groups = len(consumers[h])
			}
			if groups > groupsMax(st.Tier) {
				what := "consuming services, one consumer group each"
				if len(hub.ConsumerGroups) > 0 {
					what = "consumer groups"
				}
				once(hp, fmt.Sprintf("Event Hubs %s has at most %d consumer groups per event hub ($Default only on Basic); use a higher tier or fewer consumers", st.Tier, groupsMax(st.Tier)),
					"event hub %q has %d %s, but Event Hubs %s allows %d (%s)", hub.Name, groups, what, st.Tier, groupsMax(st.Tier), e.Name)
			}
		}
	}
}
