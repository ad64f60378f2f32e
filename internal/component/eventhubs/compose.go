package eventhubs

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/compose"
)

// The Event Hubs emulator (mcr.microsoft.com/azure-messaging/eventhubs-
// emulator, Azure/azure-event-hubs-emulator-installer) runs on a
// developer's machine with Azurite for its metadata and checkpoints. Its
// quotas (overview-emulator): one namespace, named emulatorNs1; at most 10
// event hubs, 32 partitions and 20 consumer groups per hub; events kept 1
// hour.
const (
	emulatorImage      = "mcr.microsoft.com/azure-messaging/eventhubs-emulator:latest"
	azuriteImage       = "mcr.microsoft.com/azure-storage/azurite:latest"
	emulatorConfig     = "eventhubs-emulator.json"
	emulatorNamespace  = "emulatorNs1"
	emulatorHubs       = 10
	emulatorPartitions = 32
	emulatorGroups     = 20
	// emulatorConnection is the emulator's fixed, published connection
	// string: not a secret.
	emulatorConnection = "Endpoint=sb://eventhubs;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;"
	// acceptEULA is the variable the developer sets to accept the
	// emulator's licence; physarch cannot accept it for them.
	acceptEULA = "${EVENTHUBS_EMULATOR_ACCEPT_EULA:?accept the Event Hubs emulator licence (EMULATOR_EULA.md in github.com/Azure/azure-event-hubs-emulator-installer) with EVENTHUBS_EMULATOR_ACCEPT_EULA=Y in .env}"
)

// emulatorFile is the emulator's Config.json (its Config-schema.json).
type emulatorFile struct {
	UserConfig struct {
		NamespaceConfig []emulatorNS `json:"NamespaceConfig"`
		LoggingConfig   struct {
			Type string `json:"Type"`
		} `json:"LoggingConfig"`
	} `json:"UserConfig"`
}

type emulatorNS struct {
	Type     string           `json:"Type"`
	Name     string           `json:"Name"`
	Entities []emulatorEntity `json:"Entities"`
}

type emulatorEntity struct {
	Name           string          `json:"Name"`
	PartitionCount string          `json:"PartitionCount"`
	ConsumerGroups []emulatorGroup `json:"ConsumerGroups,omitempty"`
}

type emulatorGroup struct {
	Name string `json:"Name"`
}

// emulator is the emulator's configuration for the planned hubs, and
// what it had to leave out to fit the emulator's quotas.
func (c *Component) emulator() ([]byte, []string, error) {
	var f emulatorFile
	f.UserConfig.LoggingConfig.Type = "Console"
	ns := emulatorNS{Type: "EventHub", Name: emulatorNamespace}
	var cut []string
	for i, h := range c.Hubs {
		if i >= emulatorHubs {
			cut = append(cut, fmt.Sprintf("event hub %s (the emulator holds %d)", h.Name, emulatorHubs))
			continue
		}
		p := h.Partitions
		if p > emulatorPartitions {
			cut = append(cut, fmt.Sprintf("partitions of %s beyond %d", h.Name, emulatorPartitions))
			p = emulatorPartitions
		}
		e := emulatorEntity{Name: h.Name, PartitionCount: strconv.Itoa(p)}
		for j, g := range h.ConsumerGroups {
			if j >= emulatorGroups {
				cut = append(cut, fmt.Sprintf("consumer group %s of %s (the emulator holds %d)", g, h.Name, emulatorGroups))
				continue
			}
			e.ConsumerGroups = append(e.ConsumerGroups, emulatorGroup{Name: g})
		}
		ns.Entities = append(ns.Entities, e)
	}
	f.UserConfig.NamespaceConfig = []emulatorNS{ns}
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, nil, fmt.Errorf("event hubs emulator config: %w", err)
	}
	return append(data, '\n'), cut, nil
}

// Compose implements compose.Composed: the Event Hubs emulator and the
// Azurite it keeps its state in, configured with the planned hubs and
// consumer groups. The developer accepts the emulator's licence in .env.
func (c *Component) Compose(compose.Context) compose.Part {
	cfg, cut, err := c.emulator()
	if err != nil {
		// The file is plain data: marshalling cannot fail. Say so rather
		// than write a broken emulator.
		return compose.Part{Notes: []string{"Event Hubs emulator not configured: " + err.Error()}}
	}
	notes := []string{
		"Event Hubs runs as the Event Hubs emulator (" + emulatorImage + ", AMQP " + strconv.Itoa(emulatorAMQP) + " and Kafka " + strconv.Itoa(emulatorKafka) + " without TLS, events kept 1 hour, nothing kept across restarts).",
		"Set EVENTHUBS_EMULATOR_ACCEPT_EULA=Y in .env to accept its licence, and EVENTHUBS_CONNECTION=" + emulatorConnection,
	}
	for _, x := range cut {
		notes = append(notes, "Left out of the emulator: "+x+".")
	}
	return compose.Part{
		Services: map[string]*compose.Service{
			emulatorService: {
				Image:       emulatorImage,
				Environment: map[string]string{"BLOB_SERVER": azuriteService, "METADATA_SERVER": azuriteService, "ACCEPT_EULA": acceptEULA},
				Ports:       []string{fmt.Sprintf("127.0.0.1:%d:%d", emulatorAMQP, emulatorAMQP), fmt.Sprintf("127.0.0.1:%d:%d", emulatorKafka, emulatorKafka)},
				Volumes:     []string{"./" + emulatorConfig + ":/Eventhubs_Emulator/ConfigFiles/Config.json"},
				DependsOn:   map[string]compose.Dependency{azuriteService: {Condition: "service_started"}},
			},
			azuriteService: {Image: azuriteImage},
		},
		Files: []render.File{{Path: emulatorConfig, Data: cfg}},
		Notes: notes,
		Settings: []compose.Setting{{Name: "EVENTHUBS_EMULATOR_ACCEPT_EULA",
			Comment: "Y accepts the Event Hubs emulator licence (EMULATOR_EULA.md in github.com/Azure/azure-event-hubs-emulator-installer); physarch never accepts it for you"}},
	}
}

// DependsOn implements compose.Composed: a service using the hubs waits
// for the emulator.
func (c *Component) DependsOn(sv plan.Service) map[string]compose.Dependency {
	if _, ok := c.client(sv); !ok {
		return nil
	}
	return map[string]compose.Dependency{emulatorService: {Condition: "service_started"}}
}
