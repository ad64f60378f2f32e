// Package servicebus is the Service Bus building block: the queues and
// topics services send to (produces) and receive from (consumes), in one
// namespace per environment.
package servicebus

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's ID; Key its backing and settings key.
const (
	Name = "servicebus"
	Key  = "serviceBus"
)

// Backing is backing.serviceBus: the destinations the system declares.
type Backing struct {
	Queues []string `yaml:"queues"`
	Topics []string `yaml:"topics"`
}

// FieldRules constrains queue and topic names as Service Bus and its
// Terraform provider accept them.
func (Backing) FieldRules() spec.Rules {
	entity := spec.Pattern(`^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$`, 50, "letters, digits, '.', '_' and '-', starting and ending with a letter or digit, at most 50 characters")
	return spec.Rules{"queues": spec.List(500, &entity), "topics": spec.List(500, &entity)}
}

// Settings are environments[].serviceBus.
type Settings struct {
	Tier           string `yaml:"tier"`
	MessagingUnits int    `yaml:"messagingUnits"`
	MaxSizeMB      int    `yaml:"maxSizeMB"`
	MessageTTL     string `yaml:"messageTTL"`
}

// FieldRules constrains the settings.
func (Settings) FieldRules() spec.Rules {
	return spec.Rules{
		"tier":           spec.OneOf("Basic", "Standard", "Premium"),
		"messagingUnits": spec.Rule{EnumInt: []int{0, 1, 2, 4, 8, 16}, Hint: "Premium takes 1, 2, 4, 8 or 16 messaging units; 0 for other tiers"},
		"maxSizeMB":      spec.Rule{EnumInt: []int{1024, 2048, 3072, 4096, 5120, 10240, 20480, 40960, 81920}, Hint: "1024 to 5120 in steps of 1024 (Premium up to 81920)"},
		"messageTTL":     spec.Duration(),
	}
}

// Profile defaults: Basic in dev (queues only), Premium with one
// messaging unit in prod (zone redundancy, private endpoints).
const (
	devProfile = `tier: Basic
maxSizeMB: 1024
messageTTL: 14d
`
	prodProfile = `tier: Premium
messagingUnits: 1
maxSizeMB: 5120
messageTTL: 14d
`
)

func section() spec.Section {
	return spec.Section{
		Kind:       Name,
		BackingKey: Key, Backing: reflect.TypeFor[Backing](),
		SettingsKey: Key, Settings: reflect.TypeFor[Settings](),
		Profiles: map[string]string{"dev": devProfile, "prod": prodProfile},
		Entities: entities,
		Validate: validate,
		Reserved: []string{Name},
	}
}

// entities are the declared queues and topics. Service Bus compares
// names without case, and queues and topics share one namespace.
func entities(s *spec.Spec) []spec.Entity {
	b, ok := spec.Block[Backing](s.Backing.Blocks, Name)
	if !ok {
		return nil
	}
	var out []spec.Entity
	add := func(kind string, names []string) {
		for i, n := range names {
			out = append(out, spec.Entity{Name: n, Path: fmt.Sprintf("backing.%s.%s[%d]", Key, kind, i), Key: strings.ToLower(n),
				Collision: "queue and topic names share one namespace, and Service Bus ignores case"})
		}
	}
	add("queues", b.Queues)
	add("topics", b.Topics)
	return out
}

// validate checks each environment's tier against what the spec declares,
// and the message lifetime.
func validate(v *spec.Validation) {
	s := v.Spec()
	b, declared := spec.Block[Backing](s.Backing.Blocks, Name)
	for i, e := range s.Environments {
		st, ok := spec.Block[Settings](e.Blocks, Name)
		if !ok || e.Profile == "" {
			continue
		}
		p := fmt.Sprintf("environments[%d].%s", i, Key)
		if st.MessageTTL != "" && !v.Failed(p+".messageTTL") {
			if _, err := spec.ParseDuration(st.MessageTTL); err != nil {
				v.Fail(p+".messageTTL", "write a duration such as 30m, 4h or 14d, at most 10 years", "messageTTL %q is not a duration physarch can use", st.MessageTTL)
			}
		}
		if !declared || len(b.Queues)+len(b.Topics) == 0 {
			continue
		}
		if st.Tier == "Basic" && len(b.Topics) > 0 {
			v.Fail(p+".tier", "use tier Standard or Premium, or queues only", "Service Bus Basic has no topics, but the spec declares %d", len(b.Topics))
		}
		if st.Tier == "Premium" && st.MessagingUnits < 1 {
			v.Fail(p+".messagingUnits", "Premium needs 1, 2, 4, 8 or 16 messaging units", "Service Bus Premium with %d messaging units", st.MessagingUnits)
		}
	}
}
