package components

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/testspec"
)

// differentialInputs are the fuzz corpus, the user specs and generated
// valid specs.
func differentialInputs(t *testing.T) map[string][]byte {
	out := map[string][]byte{}
	corpus, _ := filepath.Glob("../spec/testdata/fuzz/FuzzLoad/*")
	for _, p := range corpus {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		_, lit, ok := strings.Cut(string(b), "[]byte(")
		if !ok {
			continue
		}
		s, err := strconv.Unquote(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(lit), ")")))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out[p] = []byte(s)
	}
	for n, b := range userSpecs(t) {
		out[n] = b
	}
	for seed := range uint64(200) {
		out[fmt.Sprintf("testspec.Random(%d)", seed)] = testspec.Random(seed)
	}
	return out
}

// TestLoaderAndSchemaAgree: whatever the loader accepts, the schema
// accepts; an unknown key is refused by both. The reverse cannot hold:
// the loader also judges what no schema can express (see
// TestLoaderOnlyChecks).
func TestLoaderAndSchemaAgree(t *testing.T) {
	s := compileSchema(t)
	accepted := 0
	for name, src := range differentialInputs(t) {
		doc, err := Load(name, src)
		if strings.HasPrefix(name, "testspec.Random") && err != nil {
			t.Fatalf("%s is not valid, but the generator promises valid specs: %v\n%s", name, err, src)
		}
		if err != nil {
			continue
		}
		accepted++
		_ = doc
		js := toJSON(t, src)
		if err := schemaAccepts(s, js); err != nil {
			t.Errorf("%s: the loader accepts it, the schema does not: %v", name, err)
			continue
		}
		// An unknown key in one object chosen by the name: both refuse.
		var root any
		if err := json.Unmarshal(js, &root); err != nil {
			t.Fatal(err)
		}
		objs := objects(root)
		r := rand.New(rand.NewPCG(uint64(len(name)), uint64(len(src))))
		obj := objs[r.IntN(len(objs))]
		obj["unknownKeyX"] = true
		broken, _ := json.Marshal(root)
		if err := schemaAccepts(s, broken); err == nil {
			t.Errorf("%s: the schema accepts an unknown key", name)
		}
		if _, err := Load(name, broken); err == nil {
			t.Errorf("%s: the loader accepts an unknown key", name)
		}
	}
	if accepted < 200 {
		t.Errorf("only %d inputs loaded; the test needs the generated specs to load", accepted)
	}
}

func objects(v any) []map[string]any {
	var out []map[string]any
	switch x := v.(type) {
	case map[string]any:
		out = append(out, x)
		for _, c := range x {
			out = append(out, objects(c)...)
		}
	case []any:
		for _, c := range x {
			out = append(out, objects(c)...)
		}
	}
	return out
}

// base is a small valid spec the cases below change one way each.
const base = `apiVersion: physarch.dev/v1
kind: System
metadata:
  name: shop
  title: {en: Shop}
cloud: azure
region: koreacentral
services:
  - name: api
    route: /api
    health: /health
    database: apidb
    cache: true
    calls: [worker]
    produces: [jobs]
  - name: worker
    consumes: [jobs]
backing:
  postgresql: {version: "16"}
  redis: {}
  serviceBus:
    queues: [jobs]
environments:
  - name: dev
    profile: dev
  - name: prod
    profile: prod
`

// TestLoaderOnlyChecks lists where loader and schema must differ: what the
// loader refuses although each value on its own is well formed. A JSON
// Schema validates values one by one and cannot follow references, compare
// two fields, or know what the catalog knows at a date.
func TestLoaderOnlyChecks(t *testing.T) {
	s := compileSchema(t)
	cases := []struct {
		name, old, new, why string
	}{
		{"undefined call", "    calls: [worker]\n", "    calls: [ghost]\n", "a reference to another part of the spec"},
		{"call cycle", "    consumes: [jobs]\n", "    consumes: [jobs]\n    calls: [api]\n", "a cycle through references"},
		{"duplicate service", "backing:\n", "  - name: api\nbacking:\n", "uniqueness of a field across list items"},
		{"queue names differing in case", "    queues: [jobs]\n", "    queues: [jobs, JOBS]\n    topics: []\n", "case-insensitive uniqueness"},
		{"queue without consumer", "    consumes: [jobs]\n", "    health: /h\n", "a reference that must exist in the other direction"},
		{"limit below request", "    health: /health\n", "    health: /health\n    resources: {requests: {cpu: 500m}, limits: {cpu: 100m}}\n", "two quantities compared"},
		{"replicas max below min", "    health: /health\n", "    health: /health\n    replicas: {min: 5, max: 2}\n", "two fields compared"},
		{"Kubernetes past end of life", "    profile: prod\n", "    profile: prod\n    aks: {kubernetesVersion: \"1.30\"}\n", "the catalog's lifecycle dates"},
		{"dot segment route", "    route: /api\n", "    route: /api/./x\n", "a path's meaning, not its characters"},
		{"CIDR with a bad prefix", "    profile: prod\n", "    profile: prod\n    network: {serviceCIDR: 172.16.0.0/30}\n", "an address range's size"},
		{"duration beyond ten years", "    profile: prod\n", "    profile: prod\n    targets: {rto: 99999d}\n", "a duration's value"},
		{"gateway capacity backwards", "    profile: prod\n", "    profile: prod\n    ingress: {gatewayMinCapacity: 5, gatewayMaxCapacity: 2}\n", "two fields compared"},
		{"cron field out of range", "  - name: worker\n", "  - name: nightly\n    kind: cronjob\n    cronJob: {schedule: \"0 25 * * *\"}\n  - name: worker\n", "a schedule's ranges, not its characters"},
		{"unknown time zone", "  - name: worker\n", "  - name: nightly\n    kind: cronjob\n    cronJob: {schedule: \"0 2 * * *\", timeZone: Mars/Olympus}\n  - name: worker\n", "the IANA time zone database"},
		{"route on a cronjob", "  - name: worker\n", "  - name: nightly\n    kind: cronjob\n    route: /nightly\n    cronJob: {schedule: \"0 2 * * *\"}\n  - name: worker\n", "a key allowed by another field's value"},
		{"worker min above max", "  - name: worker\n", "  - name: worker\n    kind: worker\n    worker: {minReplicas: 5, maxReplicas: 2}\n", "two fields compared"},
		{"call to a worker", "  - name: worker\n", "  - name: worker\n    kind: worker\n", "a reference's target kind (api calls worker)"},
		{"placement on an undeclared pool", "  - name: worker\n", "  - name: worker\n    nodePool: gpu\n", "a reference to a pool each environment must declare"},
		{"reserved node label", "    profile: prod\n", "    profile: prod\n    nodePools: {gpu: {vmSize: Standard_NC4as_T4_v3, labels: {kubernetes.azure.com/mode: user}}}\n", "a label prefix AKS reserves"},
		{"pool zone listed twice", "    profile: prod\n", "    profile: prod\n    nodePools: {gpu: {vmSize: Standard_NC4as_T4_v3, zones: [1, 1]}}\n", "uniqueness of list items"},
		{"namespace group read as Kubernetes' own", "  - name: worker\n", "  - name: worker\n    namespace: default\n", "a name Kubernetes reserves"},
		{"a whole number written as 2.0", "    profile: prod\n", "    profile: prod\n    targets: {zones: 2.0}\n", "JSON Schema counts 2.0 as an integer; YAML and physarch do not"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.old) {
				t.Fatalf("case does not apply")
			}
			src := []byte(strings.Replace(base, c.old, c.new, 1))
			if _, err := Load("shop.yaml", src); err == nil {
				t.Errorf("the loader accepts it; it must refuse (%s)", c.why)
			}
			if err := schemaAccepts(s, toJSON(t, src)); err != nil {
				t.Errorf("the schema refuses it, so it is not a loader-only check: %v", err)
			}
		})
	}
}
