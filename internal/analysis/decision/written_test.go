package decision_test

import (
	"os"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/components"
)

// TestAlternativesAreWhatTheyName writes some alternatives into the
// example's spec as a user would (YAML, through the loader's checks) and
// requires the decision's figures to be that spec's: the Change behind a
// label does what the label says.
func TestAlternativesAreWhatTheyName(t *testing.T) {
	const prodTargets = "targets: {users: 10000, availability: 99.5, budgetUSD: 5000, rto: 12h, rpo: 1h}"
	const devTargets = "targets: {users: 100, budgetUSD: 300}"
	written(t, "kt-event-marketing", []writtenCase{
		// One zone: the loader refuses zone-redundant HA there, and the
		// planner gives the HA one zone allows, which the spec states.
		{"prod", "zones", "1 zone", prodTargets, strings.Replace(prodTargets, "}", ", zones: 1}", 1) + "\n    postgresql: {ha: samezone}"},
		{"prod", "aks.tier", "Free", prodTargets, prodTargets + "\n    aks: {tier: Free}"},
		{"prod", "servicebus.tier", "Standard", prodTargets, prodTargets + "\n    serviceBus: {tier: Standard, messagingUnits: 0}"},
		{"prod", "postgresql.ha", "disabled", prodTargets, prodTargets + "\n    postgresql: {ha: none}"},
		{"prod", "redis.ha", "off", prodTargets, prodTargets + "\n    redis: {highAvailability: false}"},
		{"prod", "network.private-endpoints", "off", prodTargets, prodTargets + "\n    network: {privateEndpoints: false}"},
		{"prod", "nodes.apps-size", "Standard_D8s_v3", prodTargets, prodTargets + "\n    nodePools: {apps: {vmSize: Standard_D8s_v3}}"},
		{"prod", "frontdoor.tier", "Premium", prodTargets, prodTargets + "\n    ingress: {frontDoor: Premium}"},
		{"prod", "bastion.tier", "Basic", prodTargets, prodTargets + "\n    operatorAccess: {bastion: Basic}"},
		{"prod", "keyvault.secrets", "Kubernetes Secret", prodTargets, prodTargets + "\n    security: {keyVault: false}"},
		// The registry's tier has no key: Basic is the spec without
		// private endpoints.
		{"prod", "registry.tier", "Basic", prodTargets, prodTargets + "\n    network: {privateEndpoints: false}"},
		{"dev", "registry.tier", "Premium", devTargets, devTargets + "\n    network: {privateEndpoints: true}"},
		{"dev", "replicas.floor", "2", devTargets, devTargets + "\n    scaling: {minReplicas: 2}"},
		{"dev", "nodes.apps-spot", "pay-as-you-go", devTargets, devTargets + "\n    nodePools: {apps: {spot: false}}"},
		{"dev", "servicebus.tier", "Standard", devTargets, devTargets + "\n    serviceBus: {tier: Standard}"},
	})
}

// TestDataAlternativesAreWhatTheyName does the same for the data blocks
// of drone-delivery: Cosmos DB, Blob Storage and Event Hubs.
func TestDataAlternativesAreWhatTheyName(t *testing.T) {
	const prodTargets = "targets: {users: 20000, availability: 99.5, rto: 12h, rpo: 1h, budgetUSD: 12000}"
	const devTargets = "targets: {users: 100, budgetUSD: 700}"
	written(t, "drone-delivery", []writtenCase{
		{"prod", "cosmosdb.capacity", "provisioned throughput", prodTargets, prodTargets + "\n    cosmosDB: {capacity: provisioned}"},
		{"prod", "cosmosdb.zones", "off", prodTargets, prodTargets + "\n    cosmosDB: {zoneRedundant: false}"},
		{"prod", "blobstorage.redundancy", "ZRS", "redundancy: RA-GRS\n      lifecycle: {coolAfterDays: 30, archiveAfterDays: 180}", "redundancy: ZRS\n      lifecycle: {coolAfterDays: 30, archiveAfterDays: 0}"},
		{"prod", "blobstorage.redundancy", "LRS", "redundancy: RA-GRS", "redundancy: LRS"},
		{"prod", "blobstorage.access-tier", "Cool", "lifecycle: {coolAfterDays: 30, archiveAfterDays: 180}", "lifecycle: {coolAfterDays: 0, archiveAfterDays: 180}\n      accessTier: Cool"},
		{"prod", "eventhubs.tier", "Premium", prodTargets, prodTargets + "\n    eventHubs: {tier: Premium, processingUnits: 0, autoInflate: false}"},
		{"prod", "eventhubs.auto-inflate", "off", prodTargets, prodTargets + "\n    eventHubs: {autoInflate: false}"},
		{"dev", "cosmosdb.capacity", "autoscale throughput", devTargets, devTargets + "\n    cosmosDB: {capacity: autoscale}"},
		{"dev", "eventhubs.auto-inflate", "on", devTargets, devTargets + "\n    eventHubs: {autoInflate: true}"},
	})
}

// TestMeshAlternativesAreWhatTheyName does the same for the service mesh
// (its own sample, and the mesh's gateway as the controller, public in
// dev and behind the Application Gateway in prod) and for Defender for
// Containers in kt-event-marketing's prod.
func TestMeshAlternativesAreWhatTheyName(t *testing.T) {
	for _, c := range []struct {
		file  string
		cases []writtenCase
	}{
		{"../../component/servicemesh/testdata/sample.yaml", []writtenCase{
			{"prod", "servicemesh.mode", "no mesh", "    serviceMesh: {mode: istio}\n    targets: {users: 3000", "    serviceMesh: {mode: none}\n    targets: {users: 3000"},
		}},
		{"../../component/istiogateway/testdata/sample.yaml", []writtenCase{
			{"dev", "servicemesh.mode", "no mesh, NGINX ingress", "    serviceMesh: {mode: istio}\n    ingress: {controller: istio}", "    serviceMesh: {mode: none}\n    ingress: {controller: nginx}"},
			{"prod", "servicemesh.mode", "no mesh, managed NGINX (application routing) behind the gateway",
				"    serviceMesh: {mode: istio}\n    ingress:\n      controller: istio", "    serviceMesh: {mode: none}\n    ingress:\n      controller: approuting"},
		}},
	} {
		data, err := os.ReadFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		writtenSpec(t, c.file, data, c.cases)
	}
	const prodTargets = "targets: {users: 10000, availability: 99.5, budgetUSD: 5000, rto: 12h, rpo: 1h}"
	written(t, "kt-event-marketing", []writtenCase{
		{"prod", "defender.containers", "off", prodTargets, prodTargets + "\n    security: {defender: false}"},
	})
}

// writtenCase is one alternative written into an example's spec: from is
// replaced by to in the environment's text.
type writtenCase struct {
	env, id, choice string
	from, to        string
}

func written(t *testing.T, example string, cases []writtenCase) {
	t.Helper()
	file, data, err := examples.Spec(example)
	if err != nil {
		t.Fatal(err)
	}
	writtenSpec(t, file, data, cases)
}

// writtenSpec is written for any spec file's text.
func writtenSpec(t *testing.T, file string, data []byte, cases []writtenCase) {
	t.Helper()
	doc, err := components.Load(file, data)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatal(err)
	}
	reps := estimate(t, pl)
	for _, tc := range cases {
		written := strings.Replace(string(data), tc.from, tc.to, 1)
		if written == string(data) {
			t.Fatalf("%s: the example no longer has %q", tc.id, tc.from)
		}
		var o *decision.Outcome
		for _, rep := range reps {
			if rep.Env != tc.env {
				continue
			}
			for _, rec := range rep.Records {
				for i := range rec.Outcomes {
					if rec.ID == tc.id && rec.Outcomes[i].Choice.En == tc.choice {
						o = &rec.Outcomes[i]
					}
				}
			}
		}
		if o == nil {
			t.Errorf("%s/%s: no alternative %q", tc.env, tc.id, tc.choice)
			continue
		}
		base, _, _ := independent(t, file, data, tc.env, nil)
		c, a, e := independent(t, file, []byte(written), tc.env, nil)
		lo, hi := e.TotalNodes()
		if !near(o.DeltaMin, c.TotalMin-base.TotalMin) || !near(o.DeltaMax, c.TotalMax-base.TotalMax) {
			t.Errorf("%s/%s %s: cost difference %v–%v, the written spec's %v–%v", tc.env, tc.id, tc.choice, o.DeltaMin, o.DeltaMax, c.TotalMin-base.TotalMin, c.TotalMax-base.TotalMax)
		}
		if o.Availability != a.Percent || o.NodesMin != lo || o.NodesMax != hi {
			t.Errorf("%s/%s %s: availability %v, nodes %d–%d; the written spec's %v, %d–%d", tc.env, tc.id, tc.choice, o.Availability, o.NodesMin, o.NodesMax, a.Percent, lo, hi)
		}
	}
}
