// Package cosmosdb is the Azure Cosmos DB building block: one account per
// environment with the API for NoSQL or for MongoDB, its databases and
// containers (collections), each container's RU/s sized from the load of
// the services that use it, the consistency level, zone redundancy, extra
// regions and the backup policy. Services use containers through
// `uses.cosmosDB`. In dev the account is managed too (serverless), or, for
// the MongoDB API, a mongo pod. The package owns every facet of the block.
package cosmosdb

import (
	"fmt"
	"math"
	"reflect"
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's ID in flows, manifests and the spec's blocks; Key
// its backing, settings and uses key.
const (
	Name = "cosmosdb"
	Key  = "cosmosDB"
)

// The APIs and consistency levels Cosmos DB offers (azurerm's kind and
// consistency_level values).
var (
	apis         = []string{"NoSQL", "MongoDB"}
	consistency  = []string{"Strong", "BoundedStaleness", "Session", "ConsistentPrefix", "Eventual"}
	capacities   = []string{"provisioned", "autoscale", "serverless"}
	namePattern  = spec.Pattern(`^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$`, 63, "letters, digits, '_' and '-', starting with a letter or digit, at most 63 characters (a name Cosmos DB and MongoDB both accept)")
	partitionKey = spec.Pattern(`^(/[A-Za-z0-9_-]{1,100}){1,3}$`, 256, "a path such as /customerId or /tenant/id: one to three segments of letters, digits, '_' and '-'")
)

// Backing is backing.cosmosDB: the account's API, consistency, databases
// and containers, and the data the system carries.
type Backing struct {
	API          string     `yaml:"api" jsonschema_description:"NoSQL (default) or MongoDB"`
	Consistency  string     `yaml:"consistency" jsonschema_description:"default consistency level (default Session)"`
	MongoVersion string     `yaml:"mongoVersion" jsonschema_description:"API for MongoDB server version (default 7.0)"`
	Databases    []Database `yaml:"databases"`
	Data         Data       `yaml:"data" jsonschema_description:"what the account stores and what a request costs; defaults where not stated"`
}

// FieldRules constrains the backing section.
func (Backing) FieldRules() spec.Rules {
	return spec.Rules{
		"api":          spec.OneOf(apis...),
		"consistency":  spec.OneOf(consistency...),
		"mongoVersion": spec.OneOf(azure.CosmosMongoVersions()...).WithHint(`a server version of the API for MongoDB, in quotes: "4.2", "5.0", "6.0" or "7.0"`),
		"databases":    spec.Rule{MaxItems: 50, Hint: "at most 50 databases (an account holds 500 databases and containers together)"},
	}
}

// Database is one database and its containers.
type Database struct {
	Name       string      `yaml:"name" jsonschema:"required"`
	Containers []Container `yaml:"containers"`
}

// FieldRules constrains a database.
func (Database) FieldRules() spec.Rules {
	return spec.Rules{"name": namePattern, "containers": spec.Rule{MaxItems: 100, Hint: "at most 100 containers per database"}}
}

// Container is one container (a collection in the API for MongoDB) and
// its partition key (the shard key).
type Container struct {
	Name         string `yaml:"name" jsonschema:"required"`
	PartitionKey string `yaml:"partitionKey" jsonschema:"required" jsonschema_description:"partition key path such as /customerId (the shard key customerId for MongoDB)"`
}

// FieldRules constrains a container.
func (Container) FieldRules() spec.Rules {
	return spec.Rules{"name": namePattern, "partitionKey": partitionKey}
}

// Data is what the account carries: the figures RU/s, storage and cost
// come from. Zero means not stated: the plan uses the defaults below and
// the documents mark them.
type Data struct {
	StoredGB         float64 `yaml:"storedGB" jsonschema_description:"data and index stored now, GB (default 10)"`
	GrowthGBPerMonth float64 `yaml:"growthGBPerMonth" jsonschema_description:"growth per month, GB (default 1); storage is planned for 12 months"`
	RUPerRead        float64 `yaml:"ruPerRead" jsonschema_description:"RU one read costs (default 1: a point read of a 1 KB item)"`
	RUPerWrite       float64 `yaml:"ruPerWrite" jsonschema_description:"RU one write costs (default 5)"`
	ReadPercent      float64 `yaml:"readPercent" jsonschema_description:"share of requests that read, percent (default 80)"`
}

// FieldRules constrains the stated data.
func (Data) FieldRules() spec.Rules {
	return spec.Rules{
		"storedGB":         spec.Between(0.001, 1_000_000).WithHint("GB, above 0 and at most 1,000,000"),
		"growthGBPerMonth": spec.Between(0, 100_000).WithHint("GB a month, from 0 to 100,000"),
		"ruPerRead":        spec.Between(0.1, 100_000).WithHint("request units, from 0.1 to 100,000 (a 1 KB point read costs 1)"),
		"ruPerWrite":       spec.Between(0.1, 100_000).WithHint("request units, from 0.1 to 100,000 (a 1 KB write costs about 5)"),
		"readPercent":      spec.Between(0, 100).WithHint("percent of requests that read, from 0 to 100"),
	}
}

// Defaults of the stated data, and where they come from.
const (
	defaultStoredGB    = 10.0
	defaultGrowthGB    = 1.0
	defaultRUPerRead   = 1.0 // MicrosoftDocs azure-databases-docs request-units.md: a point read of a 1 KB item is 1 RU
	defaultRUPerWrite  = 5.0 // physarch's assumption for a 1 KB write with the default indexing policy
	defaultReadPercent = 80.0
	growthMonths       = 12 // storage is planned for a year of growth
)

// Settings are environments[].cosmosDB: how one environment runs the
// account.
type Settings struct {
	Mode              string   `yaml:"mode" jsonschema_description:"managed (an Azure Cosmos DB account) or pod (a mongo container; API for MongoDB only)"`
	Capacity          string   `yaml:"capacity" jsonschema_description:"provisioned (manual RU/s), autoscale (maximum RU/s, scales 10–100%) or serverless (billed per request)"`
	ZoneRedundant     bool     `yaml:"zoneRedundant" jsonschema_description:"replicas across availability zones in each region that has zones"`
	ReadRegions       []string `yaml:"readRegions" jsonschema_description:"extra regions the account replicates to, in failover order"`
	MultiRegionWrites bool     `yaml:"multiRegionWrites" jsonschema_description:"every region accepts writes (needs readRegions)"`
	Throughput        int      `yaml:"throughput" jsonschema_description:"pin every container's RU/s (capacity provisioned); sized from the load when absent"`
	MaxThroughput     int      `yaml:"maxThroughput" jsonschema_description:"pin every container's autoscale maximum RU/s (capacity autoscale); sized from the load when absent"`
	HeadroomPercent   int      `yaml:"headroomPercent" jsonschema_description:"RU/s planned above the peak need, percent"`
	Backup            Backup   `yaml:"backup"`
	CPU               string   `yaml:"cpu" jsonschema_description:"pod CPU request (mode pod)"`
	Memory            string   `yaml:"memory" jsonschema_description:"pod memory request (mode pod)"`
	StorageGB         int      `yaml:"storageGB" jsonschema_description:"the pod's managed disk, GiB (mode pod)"`
	StorageClass      string   `yaml:"storageClass" jsonschema_description:"managed-disk storage class (mode pod)"`
}

// FieldRules constrains the settings. The RU/s bounds are Cosmos DB's:
// manual throughput starts at 400 RU/s, the autoscale maximum at 1,000,
// and a container takes up to 1,000,000 without a support request.
func (Settings) FieldRules() spec.Rules {
	region := spec.OneOf(azure.RegionNames()...)
	l := azure.Cosmos()
	return spec.Rules{
		"mode":            spec.OneOf("managed", "pod"),
		"capacity":        spec.OneOf(capacities...),
		"readRegions":     spec.List(10, &region),
		"throughput":      spec.Between(float64(l.ManualMin), float64(l.MaxRUs)).WithHint(fmt.Sprintf("manual throughput is %d to %s RU/s per container, in steps of %d", l.ManualMin, "1,000,000", l.ManualStep)),
		"maxThroughput":   spec.Between(float64(l.AutoscaleMin), float64(l.MaxRUs)).WithHint(fmt.Sprintf("the autoscale maximum is %s to %s RU/s per container, in steps of %s", "1,000", "1,000,000", "1,000")),
		"headroomPercent": spec.Between(0, 300).WithHint("percent above the peak need, from 0 to 300"),
		"cpu":             spec.Quantity("cpu"),
		"memory":          spec.Quantity("memory"),
		"storageGB":       spec.Between(1, 1024).WithHint("GiB, from 1 to 1,024"),
		"storageClass":    spec.Pattern(`^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$`, 63, "a Kubernetes storage class name such as managed-csi"),
	}
}

// Backup is environments[].cosmosDB.backup, as azurerm's backup block.
type Backup struct {
	Type            string `yaml:"type" jsonschema_description:"periodic or continuous (point-in-time restore)"`
	Tier            string `yaml:"tier" jsonschema_description:"continuous: Continuous7Days (free) or Continuous30Days"`
	IntervalMinutes int    `yaml:"intervalMinutes" jsonschema_description:"periodic: minutes between backups"`
	RetentionHours  int    `yaml:"retentionHours" jsonschema_description:"periodic: hours each backup is kept"`
	Redundancy      string `yaml:"redundancy" jsonschema_description:"periodic: Geo, Zone or Local backup storage"`
}

// FieldRules constrains the backup policy (azurerm's and Cosmos DB's
// bounds: an interval of 60 to 1,440 minutes, a retention of 8 to 720
// hours).
func (Backup) FieldRules() spec.Rules {
	return spec.Rules{
		"type":            spec.OneOf("periodic", "continuous"),
		"tier":            spec.OneOf("Continuous7Days", "Continuous30Days"),
		"intervalMinutes": spec.Between(60, 1440).WithHint("minutes, from 60 to 1,440"),
		"retentionHours":  spec.Between(8, 720).WithHint("hours, from 8 to 720"),
		"redundancy":      spec.OneOf("Geo", "Zone", "Local"),
	}
}

// Use is services[].uses.cosmosDB: the containers a service reads and
// writes, and what one of its requests costs.
type Use struct {
	Containers    []string `yaml:"containers" jsonschema_description:"containers (collections) the service uses"`
	RUsPerRequest float64  `yaml:"rusPerRequest" jsonschema_description:"RU one request of the service costs; from the account's read/write mix when absent"`
}

// FieldRules constrains a service's use.
func (Use) FieldRules() spec.Rules {
	return spec.Rules{
		"containers":    spec.Rule{MinItems: 1, MaxItems: 50, Items: &namePattern, Hint: "name from 1 to 50 containers the service reads and writes, such as [orders]"},
		"rusPerRequest": spec.Between(0.1, 100_000).WithHint("request units, from 0.1 to 100,000"),
	}
}

// Profile defaults: in dev a serverless account in one region without
// zones (billed per request, nothing when idle), in prod autoscale with
// zone redundancy and continuous backup. The pod fields apply to mode
// pod (API for MongoDB).
const (
	devProfile = `mode: managed
capacity: serverless
zoneRedundant: false
multiRegionWrites: false
headroomPercent: 30
backup: {type: periodic, intervalMinutes: 240, retentionHours: 8, redundancy: Local}
cpu: 250m
memory: 512Mi
storageGB: 10
storageClass: managed-csi
`
	prodProfile = `mode: managed
capacity: autoscale
zoneRedundant: true
multiRegionWrites: false
headroomPercent: 30
backup: {type: continuous, tier: Continuous7Days}
`
)

func section() spec.Section {
	return spec.Section{
		Kind:       Name,
		BackingKey: Key, Backing: reflect.TypeFor[Backing](),
		SettingsKey: Key, Settings: reflect.TypeFor[Settings](),
		UseKey: Key, Use: reflect.TypeFor[Use](),
		Profiles: map[string]string{"dev": devProfile, "prod": prodProfile},
		Validate: validate,
		Reserved: []string{Name},
	}
}

// apiOf is the account's API, NoSQL unless the spec says MongoDB.
func apiOf(b *Backing) string {
	if b.API == "" {
		return "NoSQL"
	}
	return b.API
}

// validate checks the containers the services name, the databases and
// containers against each other and Cosmos DB's account limit, and each
// environment's settings against what Cosmos DB accepts.
func validate(v *spec.Validation) {
	s := v.Spec()
	b, declared := spec.Block[Backing](s.Backing.Blocks, Name)
	containers := map[string]string{} // container → its database
	var names []string
	if declared {
		containers, names = validateDatabases(v, b)
	}
	for i, sv := range s.Services {
		u, ok := spec.Block[Use](sv.Uses.Blocks, Name)
		if !ok {
			continue
		}
		p := fmt.Sprintf("services[%d].uses.%s", i, Key)
		if !declared {
			if !v.Failed("backing." + Key) {
				v.Fail(p, "add backing.cosmosDB with the databases and containers", "service %q uses Cosmos DB but the spec declares no Cosmos DB", sv.Name)
			}
			continue
		}
		seen := map[string]bool{}
		for j, c := range u.Containers {
			cp := fmt.Sprintf("%s.containers[%d]", p, j)
			if seen[c] {
				v.Fail(cp, "name each container once", "container %q is named twice", c)
			}
			seen[c] = true
			if _, ok := containers[c]; !ok && !v.Failed(cp) {
				v.Fail(cp, v.DidYouMean("cosmos containers", c, names, "declare it under backing.cosmosDB.databases[].containers"), "service %q uses container %q, which backing.cosmosDB does not declare", sv.Name, c)
			}
		}
	}
	if !declared {
		return
	}
	api := apiOf(b)
	for i, e := range s.Environments {
		st, ok := spec.Block[Settings](e.Blocks, Name)
		if !ok || e.Profile == "" {
			continue
		}
		validateSettings(v, fmt.Sprintf("environments[%d].%s", i, Key), st, api, b.Consistency, s.Region)
	}
}

// validateDatabases checks names and the account limit, and returns the
// containers by name with their databases.
func validateDatabases(v *spec.Validation, b *Backing) (map[string]string, []string) {
	containers := map[string]string{}
	lower := map[string]string{} // names as MongoDB compares them
	var names []string
	if len(b.Databases) == 0 {
		v.Fail("backing."+Key, "declare the databases and their containers: databases: [{name: shop, containers: [{name: orders, partitionKey: /customerId}]}]", "Cosmos DB declares no database")
	}
	dbs := map[string]bool{}
	total := 0
	for i, db := range b.Databases {
		p := fmt.Sprintf("backing.%s.databases[%d]", Key, i)
		// Cosmos DB compares database and container names ignoring case
		// in the API for MongoDB; physarch refuses such pairs in both
		// APIs, so that a spec can switch.
		if dbs[strings.ToLower(db.Name)] {
			v.Fail(p+".name", "name each database once", "database %q is declared twice", db.Name)
		}
		dbs[strings.ToLower(db.Name)] = true
		if len(db.Containers) == 0 {
			v.Fail(p, "give the database at least one container: containers: [{name: orders, partitionKey: /customerId}]", "database %q has no container", db.Name)
		}
		total += 1 + len(db.Containers)
		for j, c := range db.Containers {
			cp := fmt.Sprintf("%s.containers[%d]", p, j)
			if prev, dup := lower[strings.ToLower(c.Name)]; dup {
				v.Fail(cp+".name", "give containers names unique in the account: services name them without their database", "container %q is declared twice (also in database %q)", c.Name, prev)
				continue
			}
			if c.PartitionKey == "" && !v.Failed(cp) {
				v.Fail(cp, "every container needs a partition key: partitionKey: /customerId", "container %q has no partition key", c.Name)
			}
			lower[strings.ToLower(c.Name)] = db.Name
			containers[c.Name] = db.Name
			names = append(names, c.Name)
		}
	}
	if l := azure.Cosmos(); total > l.MaxResources {
		v.Fail("backing."+Key+".databases", fmt.Sprintf("an account holds at most %d databases and containers together; split the data over several systems", l.MaxResources), "Cosmos DB declares %d databases and containers", total)
	}
	return containers, names
}

// validateSettings refuses what Cosmos DB refuses (and what physarch
// cannot realise) in one environment's settings.
func validateSettings(v *spec.Validation, p string, st *Settings, api, level, region string) {
	l := azure.Cosmos()
	if st.Mode == "pod" {
		if api != "MongoDB" {
			v.Fail(p+".mode", "use mode: managed (a serverless account costs nothing when idle); the Cosmos DB emulator images need root and sudo, which physarch's pod security (non-root, no privilege escalation) forbids", "a pod can stand in for the API for MongoDB only, not for %s", api)
		}
		return
	}
	switch st.Capacity {
	case "serverless":
		if len(st.ReadRegions) > 0 {
			v.Fail(p+".readRegions", "use capacity: autoscale or provisioned for several regions", "a serverless account runs in one region only; Cosmos DB refuses extra regions")
		}
		if st.MultiRegionWrites {
			v.Fail(p+".multiRegionWrites", "use capacity: autoscale or provisioned", "a serverless account runs in one region only; it has no multi-region writes")
		}
		if st.Throughput != 0 || st.MaxThroughput != 0 {
			key := "throughput"
			if st.Throughput == 0 {
				key = "maxThroughput"
			}
			v.Fail(p+"."+key, "remove it, or use capacity: provisioned (throughput) or autoscale (maxThroughput)", "a serverless container has no RU/s setting; Cosmos DB refuses throughput on it")
		}
	case "provisioned":
		if st.MaxThroughput != 0 {
			v.Fail(p+".maxThroughput", "use throughput: for capacity provisioned, or capacity: autoscale", "maxThroughput is the autoscale maximum; this environment's capacity is provisioned")
		}
		if st.Throughput != 0 && st.Throughput%l.ManualStep != 0 && !v.Failed(p+".throughput") {
			v.Fail(p+".throughput", fmt.Sprintf("Cosmos DB takes manual throughput in steps of %d RU/s, such as %d", l.ManualStep, roundUp(st.Throughput, l.ManualStep)), "throughput %d RU/s is not a multiple of %d", st.Throughput, l.ManualStep)
		}
	case "autoscale":
		if st.Throughput != 0 {
			v.Fail(p+".throughput", "use maxThroughput: for capacity autoscale, or capacity: provisioned", "throughput is manual RU/s; this environment's capacity is autoscale")
		}
		if st.MaxThroughput != 0 && st.MaxThroughput%l.AutoscaleStep != 0 && !v.Failed(p+".maxThroughput") {
			v.Fail(p+".maxThroughput", fmt.Sprintf("Cosmos DB takes the autoscale maximum in steps of %d RU/s, such as %d", l.AutoscaleStep, roundUp(st.MaxThroughput, l.AutoscaleStep)), "maxThroughput %d RU/s is not a multiple of %d", st.MaxThroughput, l.AutoscaleStep)
		}
	}
	seen := map[string]bool{region: true}
	for j, r := range st.ReadRegions {
		if seen[r] {
			what := "the account's own region"
			if r != region {
				what = "named twice"
			}
			v.Fail(fmt.Sprintf("%s.readRegions[%d]", p, j), "list each extra region once, without the system's region "+region, "read region %q is %s", r, what)
		}
		seen[r] = true
	}
	if st.MultiRegionWrites && len(st.ReadRegions) == 0 && st.Capacity != "serverless" {
		v.Fail(p+".multiRegionWrites", "add readRegions: [<region>], or set multiRegionWrites: false", "multi-region writes need a second region")
	}
	if st.MultiRegionWrites && level == "Strong" {
		v.Fail(p+".multiRegionWrites", "use consistency BoundedStaleness or Session, or set multiRegionWrites: false", "Cosmos DB refuses Strong consistency on an account with multi-region writes")
	}
	if st.ZoneRedundant {
		if r, ok := azure.LookupRegion(region); ok && r.Zones == 0 {
			v.Fail(p+".zoneRedundant", "set zoneRedundant: false, or add readRegions for resilience", "region %s has no availability zones; Cosmos DB cannot be zone-redundant there", region)
		}
	}
	bk := st.Backup
	if bk.Type == "periodic" && bk.IntervalMinutes > 0 && bk.RetentionHours*60 < 2*bk.IntervalMinutes {
		v.Fail(p+".backup.retentionHours", fmt.Sprintf("keep backups at least two intervals: retentionHours: %d or more", int(math.Ceil(float64(2*bk.IntervalMinutes)/60))), "backup retention %d hours is less than two intervals of %d minutes", bk.RetentionHours, bk.IntervalMinutes)
	}
}

// roundUp rounds n up to a multiple of step.
func roundUp(n, step int) int {
	if r := n % step; r != 0 {
		return n + step - r
	}
	return n
}
