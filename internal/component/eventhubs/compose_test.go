package eventhubs_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"

	"github.com/physarch/physarch/internal/render/appenv"
	"github.com/physarch/physarch/internal/render/compose"
)

// TestComposeRunsTheEmulator: the compose file runs the Event Hubs
// emulator with Azurite and the planned hubs, the real Compose loader
// accepts it once the licence is accepted in .env and refuses it before,
// and the services point at the emulator.
func TestComposeRunsTheEmulator(t *testing.T) {
	pl, ehs := planned(t, sample(t))
	files, err := compose.Render(pl)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f.Path)), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := map[string]string{"IMAGE_TAG": "1.0.0"}
	for _, s := range compose.DevEnv(pl).Secrets {
		env[appenv.EnvName(s)] = "secret-" + s
	}
	load := func() (*types.Project, error) {
		return loader.LoadWithContext(context.Background(), types.ConfigDetails{
			WorkingDir:  dir,
			ConfigFiles: []types.ConfigFile{{Filename: filepath.Join(dir, "compose.yaml")}},
			Environment: env,
		}, func(o *loader.Options) { o.SetProjectName("physarch-test", true) })
	}
	if _, err := load(); err == nil || !strings.Contains(err.Error(), "EVENTHUBS_EMULATOR_ACCEPT_EULA") {
		t.Fatalf("the emulator started without its licence accepted: %v", err)
	}
	env["EVENTHUBS_EMULATOR_ACCEPT_EULA"] = "Y"
	p, err := load()
	if err != nil {
		t.Fatalf("compose-go rejected the file: %v", err)
	}
	emu, err := p.GetService("eventhubs")
	if err != nil {
		t.Fatal(err)
	}
	if emu.Environment["ACCEPT_EULA"] == nil || *emu.Environment["ACCEPT_EULA"] != "Y" || *emu.Environment["BLOB_SERVER"] != "eventhubs-azurite" {
		t.Errorf("emulator environment %v", emu.Environment)
	}
	if _, err := p.GetService("eventhubs-azurite"); err != nil {
		t.Error("no Azurite for the emulator")
	}
	sp, err := p.GetService("stream-processor")
	if err != nil {
		t.Fatal(err)
	}
	if got := *sp.Environment["KAFKA_BOOTSTRAP_SERVERS"]; got != "eventhubs:9092" || *sp.Environment["KAFKA_SECURITY_PROTOCOL"] != "SASL_PLAINTEXT" {
		t.Errorf("stream-processor talks Kafka to %s (%s), want the emulator's eventhubs:9092 without TLS", got, *sp.Environment["KAFKA_SECURITY_PROTOCOL"])
	}
	if _, ok := sp.DependsOn["eventhubs"]; !ok {
		t.Error("stream-processor does not wait for the emulator")
	}
	// The emulator's configuration is the dev plan's hubs and groups.
	data, err := os.ReadFile(filepath.Join(dir, "eventhubs-emulator.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		UserConfig struct {
			NamespaceConfig []struct {
				Name     string
				Entities []struct {
					Name           string
					PartitionCount string
					ConsumerGroups []struct{ Name string }
				}
			}
		}
	}
	if err := json.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	ns := cfg.UserConfig.NamespaceConfig
	dev := ehs[0]
	if len(ns) != 1 || ns[0].Name != "emulatorNs1" || len(ns[0].Entities) != len(dev.Hubs) {
		t.Fatalf("emulator config %s", data)
	}
	for i, h := range dev.Hubs {
		e := ns[0].Entities[i]
		var groups []string
		for _, g := range e.ConsumerGroups {
			groups = append(groups, g.Name)
		}
		if e.Name != h.Name || e.PartitionCount != strconv.Itoa(h.Partitions) || strings.Join(groups, ",") != strings.Join(h.ConsumerGroups, ",") {
			t.Errorf("emulator hub %+v, plan %+v", e, h)
		}
	}
}
