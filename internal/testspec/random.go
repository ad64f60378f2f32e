package testspec

import (
	"fmt"
	"math/rand/v2"

	"gopkg.in/yaml.v3"
)

// Random generates a valid spec from a seed: a few services with routes,
// synchronous calls that form no cycle, databases, a cache, queues and
// topics each with a producer and a consumer, sometimes a cronjob and a
// KEDA worker, sometimes a dedicated node pool and namespace groups,
// external systems, and dev
// and prod environments whose overrides stay within what the loader and
// the planner accept. The same seed gives the same spec. Property and
// differential tests build on it.
func Random(seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	n := 1 + r.IntN(10)
	pick := func(options ...string) string { return options[r.IntN(len(options))] }
	chance := func(p float64) bool { return r.Float64() < p }

	var queues, topics []string
	for i := range r.IntN(4) {
		queues = append(queues, fmt.Sprintf("q%d.%s", i, pick("jobs", "events", "work_items")))
	}
	for i := range r.IntN(3) {
		topics = append(topics, fmt.Sprintf("t%d-%s", i, pick("notices", "changes")))
	}
	external := []map[string]any{}
	for i := range r.IntN(3) {
		x := map[string]any{"name": fmt.Sprintf("ext-%d", i), "url": fmt.Sprintf("https://api%d.example.com/v1", i)}
		if chance(0.5) {
			x["timeoutSeconds"] = 1 + r.IntN(60)
			x["circuitBreaker"] = chance(0.5)
		}
		if chance(0.5) {
			x["availability"] = 99 + float64(r.IntN(99))/100
		}
		external = append(external, x)
	}
	services := make([]map[string]any, n)
	for i := range n {
		sv := map[string]any{"name": fmt.Sprintf("svc-%d", i)}
		if chance(0.7) {
			sv["route"] = fmt.Sprintf("/api/s%d", i)
		}
		if chance(0.7) {
			sv["health"] = pick("/health", "/actuator/health", "/healthz")
		}
		if chance(0.6) {
			sv["database"] = fmt.Sprintf("db_%d", i)
			if chance(0.5) {
				sv["dbPoolSize"] = 1 + r.IntN(10)
			}
		}
		if chance(0.5) {
			sv["cache"] = true
		}
		if chance(0.5) {
			cpu := pick("100m", "250m", "500m", "1")
			mem := pick("256Mi", "512Mi", "1Gi")
			sv["resources"] = map[string]any{"requests": map[string]any{"cpu": cpu, "memory": mem}}
		}
		// Calls only go to later services: no cycle.
		var calls []string
		for j := i + 1; j < n; j++ {
			if chance(0.3) {
				calls = append(calls, fmt.Sprintf("svc-%d", j))
			}
		}
		if len(calls) > 0 {
			sv["calls"] = calls
		}
		var ext []string
		for _, x := range external {
			if chance(0.4) {
				ext = append(ext, x["name"].(string))
			}
		}
		if len(ext) > 0 {
			sv["external"] = ext
		}
		if chance(0.5) {
			sv["load"] = map[string]any{"requestsPerUserPerMinute": float64(r.IntN(30)) / 10, "cpuMillisPerRequest": float64(1 + r.IntN(40))}
		}
		services[i] = sv
	}
	// Every queue and topic gets a producer and a consumer.
	for _, e := range append(append([]string(nil), queues...), topics...) {
		p, c := services[r.IntN(n)], services[r.IntN(n)]
		p["produces"] = append(asList(p["produces"]), e)
		c["consumes"] = append(asList(c["consumes"]), e)
	}
	// Off the request path: a cronjob, and a KEDA worker on a queue of
	// its own.
	if chance(0.3) {
		services = append(services, map[string]any{"name": "nightly-job", "kind": "cronjob", "cache": chance(0.5),
			"cronJob": map[string]any{"schedule": pick("0 2 * * *", "*/15 * * * *", "@daily", "30 1 * * MON-FRI"), "concurrencyPolicy": pick("Forbid", "Replace", "Allow")}})
	}
	if chance(0.3) {
		q := "worker-jobs"
		queues = append(queues, q)
		services[0]["produces"] = append(asList(services[0]["produces"]), q)
		services = append(services, map[string]any{"name": "queue-worker", "kind": "worker", "consumes": []string{q},
			"worker": map[string]any{"minReplicas": r.IntN(3), "maxReplicas": 3 + r.IntN(10)}})
	}
	backing := map[string]any{}
	needsDB, needsCache := false, false
	for _, sv := range services {
		_, db := sv["database"]
		_, cache := sv["cache"]
		needsDB, needsCache = needsDB || db, needsCache || cache
	}
	if needsDB || chance(0.2) {
		backing["postgresql"] = map[string]any{"version": pick("14", "15", "16", "17")}
	}
	if needsCache || chance(0.2) {
		redis := map[string]any{}
		if chance(0.5) {
			redis["workingSetMiB"] = 64 * (1 + r.IntN(32))
		}
		backing["redis"] = redis
	}
	if len(queues)+len(topics) > 0 {
		sb := map[string]any{}
		if len(queues) > 0 {
			sb["queues"] = queues
		}
		if len(topics) > 0 {
			sb["topics"] = topics
		}
		backing["serviceBus"] = sb
	}

	dev := map[string]any{"name": "dev", "profile": "dev", "targets": map[string]any{"users": 1 + r.IntN(200)}}
	if len(topics) > 0 {
		dev["serviceBus"] = map[string]any{"tier": "Standard"} // Basic has no topics
	}
	zones := 1 + r.IntN(3)
	prodTargets := map[string]any{"users": 100 + r.IntN(5000), "zones": zones, "availability": []float64{99, 99.5, 99.9}[r.IntN(3)]}
	prod := map[string]any{"name": pick("prod", "prod-eu", "live"), "profile": "prod", "targets": prodTargets}
	if zones == 1 {
		prod["postgresql"] = map[string]any{"ha": pick("none", "samezone")}
	}
	if chance(0.5) {
		prod["nodePools"] = map[string]any{"apps": map[string]any{"vmSize": pick("Standard_D4s_v3", "Standard_D8s_v5", "Standard_D4s_v5", "Standard_E4s_v5")}}
	}
	if chance(0.3) {
		prod["redis"] = map[string]any{"tier": "Premium", "sku": pick("P1", "P2")}
	}
	if chance(0.3) {
		prod["ingress"] = map[string]any{"frontDoor": pick("none", "Standard", "Premium"), "rateLimitPerMinute": r.IntN(1000)}
	}
	if chance(0.3) {
		prod["monitoring"] = map[string]any{"ingestGBPerDay": float64(r.IntN(100)) / 4, "retentionDays": 30 + r.IntN(700)}
	}
	// Some services in namespace groups of their own.
	if chance(0.3) {
		for i, sv := range services {
			if i > 0 && chance(0.5) {
				sv["namespace"] = pick("payments", "ml", "async")
			}
		}
	}
	// A dedicated pool in both environments (zonal in prod) for the first
	// service.
	if chance(0.3) {
		pool := pick("gpu", "mem", "batch2")
		services[0]["nodePool"] = pool
		vm := pick("Standard_NC4as_T4_v3", "Standard_E8s_v5", "Standard_D8s_v5")
		dev["nodePools"] = map[string]any{pool: map[string]any{"vmSize": vm, "taints": []string{"sku=" + pool + ":NoSchedule"}}}
		np, _ := prod["nodePools"].(map[string]any)
		if np == nil {
			np = map[string]any{}
		}
		dp := map[string]any{"vmSize": vm, "labels": map[string]any{"example.com/pool": pool}}
		if zones > 1 && chance(0.5) {
			dp["zones"] = []int{1, 2}[:1+r.IntN(2)]
		}
		if chance(0.5) {
			dp["taints"] = []string{"sku=" + pool + ":NoSchedule"}
		}
		np[pool] = dp
		prod["nodePools"] = np
	}
	spec := map[string]any{
		"apiVersion":   "physarch.dev/v1",
		"kind":         "System",
		"metadata":     map[string]any{"name": fmt.Sprintf("sys%d-%s", r.IntN(100), pick("shop", "bank", "a-very-long-system-name-for-limits")), "title": map[string]any{"en": "Random", "ko": "임의"}},
		"cloud":        "azure",
		"region":       pick("koreacentral", "eastus", "japaneast", "westeurope"),
		"services":     services,
		"environments": []any{dev, prod},
	}
	if len(backing) > 0 {
		spec["backing"] = backing
	}
	if len(external) > 0 {
		spec["external"] = external
	}
	b, err := yaml.Marshal(spec)
	if err != nil {
		panic(err) // the structure above always marshals
	}
	return b
}

func asList(v any) []string {
	if v == nil {
		return nil
	}
	return v.([]string)
}
