// Package azuresql is the Azure SQL Database building block: one logical
// server per environment with one single database per owning service
// (vCore purchasing model, General Purpose or Business Critical on
// standard-series hardware). Services own a database through
// `uses.azureSQL: {database: <name>}`. Azure SQL Database has no
// supported local emulator, so dev runs SQL Server (Developer edition) in
// a pod on a managed disk by default; `mode: managed` in dev runs the
// cheapest serverless General Purpose database instead, and check rule
// CO003 says what that costs. It owns every facet of the block: its spec
// section, plan, cost lines, SLA, private endpoint, secrets, container
// settings, manifests, compose service, Terraform, document sections,
// diagram nodes and check rules.
package azuresql

import (
	"fmt"
	"reflect"
	"slices"

	"k8s.io/apimachinery/pkg/api/resource"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's ID in flows, manifests and the plan; Key its
// backing, settings and uses key.
const (
	Name = "azuresql"
	Key  = "azureSQL"
)

// Defaults of the system-wide section, which has no profile: what the
// documents mark as defaults when the spec does not state them.
const (
	defaultVersion     = "2022"
	defaultCollation   = "SQL_Latin1_General_CP1_CI_AS"
	defaultStoredGB    = 10
	defaultGrowthGB    = 1
	defaultReadPercent = 80
	defaultHorizon     = 12
)

// Backing is backing.azureSQL: what the system's databases hold, which
// the plan sizes them from.
type Backing struct {
	Version          string  `yaml:"version" jsonschema_description:"SQL Server version of the dev pod's image, \"2022\" (default) or \"2019\"; Azure SQL Database itself always runs the current engine"`
	Collation        string  `yaml:"collation" jsonschema_description:"database collation (default SQL_Latin1_General_CP1_CI_AS)"`
	StoredGB         float64 `yaml:"storedGB" jsonschema_description:"data each database holds today, in GB, unless its owner states its own (default 10)"`
	GrowthGBPerMonth float64 `yaml:"growthGBPerMonth" jsonschema_description:"growth of each database per month, in GB (default 1)"`
	ReadPercent      int     `yaml:"readPercent" jsonschema_description:"share of statements that read, in percent (default 80); the rest write and drive backup growth"`
	HorizonMonths    int     `yaml:"horizonMonths" jsonschema_description:"months of growth a database's max size must hold (default 12)"`
}

// FieldRules constrains the backing section.
func (Backing) FieldRules() spec.Rules {
	return spec.Rules{
		"version":          spec.OneOf("2019", "2022").WithHint(`a SQL Server version with a Linux image, in quotes: "2022" or "2019"`),
		"collation":        spec.Pattern(`^[A-Za-z][A-Za-z0-9_]*$`, 128, "a SQL Server collation name such as SQL_Latin1_General_CP1_CI_AS or Korean_Wansung_CI_AS"),
		"storedGB":         spec.Between(0, 4096).WithHint("GB, from 0 to 4,096 (the largest single database of General Purpose and Business Critical)"),
		"growthGBPerMonth": spec.Between(0, 4096).WithHint("GB per month, from 0 to 4,096"),
		"readPercent":      spec.Between(0, 100).WithHint("a share in percent, from 0 (all writes) to 100 (all reads)"),
		"horizonMonths":    spec.Between(1, 120).WithHint("months, from 1 to 120"),
	}
}

// Settings are environments[].azureSQL.
type Settings struct {
	Mode                string  `yaml:"mode" jsonschema_description:"pod (SQL Server Developer edition in the cluster) or managed (Azure SQL Database)"`
	Tier                string  `yaml:"tier" jsonschema_description:"GeneralPurpose or BusinessCritical (vCore purchasing model)"`
	Compute             string  `yaml:"compute" jsonschema_description:"provisioned, or serverless (General Purpose only)"`
	Hardware            string  `yaml:"hardware" jsonschema_description:"standard-series (Gen5)"`
	VCores              int     `yaml:"vCores" jsonschema_description:"vCores of each database (serverless: the maximum)"`
	MinVCores           float64 `yaml:"minVCores" jsonschema_description:"vCores a serverless database keeps while it is not paused"`
	AutoPauseMinutes    int     `yaml:"autoPauseMinutes" jsonschema_description:"idle minutes before a serverless database pauses, -1 for never"`
	MaxSizeGB           int     `yaml:"maxSizeGB" jsonschema_description:"max size of each database in GB; 0 sizes it from the stated data"`
	ZoneRedundant       bool    `yaml:"zoneRedundant" jsonschema_description:"spread each database's replicas over the environment's zones"`
	BackupRedundancy    string  `yaml:"backupRedundancy" jsonschema_description:"where backups are stored: Local, Zone or Geo"`
	BackupRetentionDays int     `yaml:"backupRetentionDays" jsonschema_description:"point-in-time restore window in days"`
	CPU                 string  `yaml:"cpu" jsonschema_description:"pod CPU request (mode pod)"`
	Memory              string  `yaml:"memory" jsonschema_description:"pod memory request, at least 2Gi (mode pod)"`
	StorageGB           int     `yaml:"storageGB" jsonschema_description:"the pod's managed disk in GiB (mode pod)"`
	StorageClass        string  `yaml:"storageClass" jsonschema_description:"managed-disk storage class (mode pod)"`
}

// Hardware names: Microsoft renamed Gen5 standard-series; both mean the
// same hardware and the same sku_name.
var hardware = []string{"standard-series", "Gen5"}

// FieldRules constrains the settings.
func (Settings) FieldRules() spec.Rules {
	return spec.Rules{
		"mode": spec.OneOf("pod", "managed"),
		// The vCore tiers physarch plans; Hyperscale and the DTU tiers are
		// not supported.
		"tier":                spec.OneOf("GeneralPurpose", "BusinessCritical"),
		"compute":             spec.OneOf("provisioned", "serverless"),
		"hardware":            spec.OneOf(hardware...).WithHint("standard-series (Gen5), the only hardware serverless and physarch's catalog have"),
		"vCores":              spec.Between(1, 80).WithHint("vCores, from 1 to 80: provisioned 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 32, 40 or 80; serverless also 1 and at most 40"),
		"minVCores":           spec.Between(0.5, 40).WithHint("vCores, from 0.5 to 40"),
		"autoPauseMinutes":    spec.Between(-1, 10080).WithHint("minutes, -1 (never) or from 15 to 10,080 (a week)"),
		"maxSizeGB":           spec.Between(0, 4096).WithHint("GB, 0 (sized from the stated data) or from 1 to 4,096"),
		"backupRedundancy":    spec.OneOf("Local", "Zone", "Geo"),
		"backupRetentionDays": spec.Between(1, 35).WithHint("days, from 1 to 35 (Azure SQL Database keeps point-in-time backups 1 to 35 days)"),
		"cpu":                 spec.Quantity("cpu"),
		"memory":              spec.Quantity("memory"),
		"storageGB":           spec.Between(1, 1024).WithHint("GiB, from 1 to 1,024"),
		"storageClass":        spec.Pattern(`^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$`, 63, "a Kubernetes storage class name such as managed-csi"),
	}
}

// Use is services[].uses.azureSQL: the database a service owns.
type Use struct {
	Database         string  `yaml:"database" jsonschema:"required" jsonschema_description:"the Azure SQL database this service owns (one owner per database)"`
	StoredGB         float64 `yaml:"storedGB" jsonschema_description:"data this database holds today, in GB (default: backing.azureSQL.storedGB)"`
	GrowthGBPerMonth float64 `yaml:"growthGBPerMonth" jsonschema_description:"this database's growth per month, in GB (default: backing.azureSQL.growthGBPerMonth)"`
	PoolSize         int     `yaml:"poolSize" jsonschema_description:"connections each replica keeps open to the database (default: the service's dbPoolSize)"`
}

// FieldRules constrains a service's use.
func (Use) FieldRules() spec.Rules {
	return spec.Rules{
		"database":         spec.Pattern(`^[a-z][a-z0-9_-]*$`, 63, "lower-case letters, digits, '_' and '-', starting with a letter, at most 63 characters"),
		"storedGB":         spec.Between(0, 4096).WithHint("GB, from 0 to 4,096"),
		"growthGBPerMonth": spec.Between(0, 4096).WithHint("GB per month, from 0 to 4,096"),
		"poolSize":         spec.Between(1, 1000).WithHint("connections per replica, from 1 to 1,000"),
	}
}

// Profile defaults. dev runs SQL Server in a pod (2 GiB is SQL Server's
// minimum memory); its managed values are the cheapest database, should
// an environment switch to mode managed. prod runs provisioned General
// Purpose with zone redundancy (where the environment has zones) and
// geo-redundant backups kept 35 days; its pod values size a prod pod
// should one be asked for (AV011 then warns).
const (
	devProfile = `mode: pod
tier: GeneralPurpose
compute: serverless
hardware: standard-series
vCores: 1
minVCores: 0.5
autoPauseMinutes: 60
maxSizeGB: 0
zoneRedundant: false
backupRedundancy: Local
backupRetentionDays: 7
cpu: 500m
memory: 2Gi
storageGB: 20
storageClass: managed-csi
`
	prodProfile = `mode: managed
tier: GeneralPurpose
compute: provisioned
hardware: standard-series
vCores: 2
maxSizeGB: 0
zoneRedundant: true
backupRedundancy: Geo
backupRetentionDays: 35
cpu: "1"
memory: 4Gi
storageGB: 128
storageClass: managed-csi
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
		Reserved: []string{Name, initJob},
	}
}

// validate checks the databases the services own against the block, and
// each environment's settings against each other and its zones.
func validate(v *spec.Validation) {
	s := v.Spec()
	_, declared := spec.Block[Backing](s.Backing.Blocks, Name)
	owners := map[string]int{}
	for i, sv := range s.Services {
		u, ok := spec.Block[Use](sv.Uses.Blocks, Name)
		if !ok {
			continue
		}
		p := fmt.Sprintf("services[%d].uses.%s", i, Key)
		if u.Database == "" {
			continue // the loader reports the missing key
		}
		if j, dup := owners[u.Database]; dup {
			v.Fail(p+".database", fmt.Sprintf("services[%d] (%s) owns it; one database per owning service", j, s.Services[j].Name), "Azure SQL database %q is owned by two services", u.Database)
		}
		owners[u.Database] = i
		if !declared && !v.Failed("backing."+Key) {
			v.Fail(p, "add backing.azureSQL: {} (or with the data it stores)", "service %q owns an Azure SQL database but the spec declares no Azure SQL", sv.Name)
		}
	}
	if !declared {
		return
	}
	for i, e := range s.Environments {
		st, ok := spec.Block[Settings](e.Blocks, Name)
		if !ok {
			continue
		}
		validateEnv(v, fmt.Sprintf("environments[%d]", i), e, st)
	}
}

// validateEnv checks one environment's settings.
func validateEnv(v *spec.Validation, env string, e spec.Environment, st *Settings) {
	p := env + "." + Key
	if st.Mode == "pod" {
		if st.Memory != "" && !v.Failed(p+".memory") {
			if q, err := resource.ParseQuantity(st.Memory); err == nil && q.Cmp(resource.MustParse("2Gi")) < 0 {
				v.Fail(p+".memory", "give the pod at least memory: 2Gi", "SQL Server needs at least 2 GiB of memory; the pod requests %s", st.Memory)
			}
		}
		return
	}
	if st.Compute == "serverless" && st.Tier != "GeneralPurpose" {
		v.Fail(p+".compute", "use compute: provisioned with BusinessCritical, or tier: GeneralPurpose", "serverless compute exists for General Purpose only, not %s", st.Tier)
		return
	}
	if v.Failed(p+".vCores") || v.Failed(p+".tier") || v.Failed(p+".compute") {
		return
	}
	size, ok := azure.LookupSQL(st.Tier, st.Compute, st.VCores)
	if !ok {
		v.Fail(p+".vCores", fmt.Sprintf("%s %s offers %s vCores", st.Tier, st.Compute, joinInts(azure.SQLVCores(st.Tier, st.Compute))),
			"%s %s has no size with %d vCores", st.Tier, st.Compute, st.VCores)
		return
	}
	if st.MaxSizeGB > size.MaxDataGB {
		v.Fail(p+".maxSizeGB", fmt.Sprintf("%s holds at most %d GB: lower maxSizeGB or use more vCores", size.Name(), size.MaxDataGB),
			"maxSizeGB %d is above what %s allows", st.MaxSizeGB, size.Name())
	}
	if st.Compute == "serverless" {
		if st.MinVCores < size.MinVCores || st.MinVCores > float64(size.VCores) || !slices.Contains(azure.SQLMinCapacities, st.MinVCores) {
			v.Fail(p+".minVCores", fmt.Sprintf("%s keeps from %g to %d vCores, in the steps 0.5, 0.75, 1, 1.25, ... the service takes", size.Name(), size.MinVCores, size.VCores),
				"minVCores %g is not a minimum %s takes", st.MinVCores, size.Name())
		}
		if a := st.AutoPauseMinutes; a != -1 && (a < 15 || a > 10080) && !v.Failed(p+".autoPauseMinutes") {
			v.Fail(p+".autoPauseMinutes", "-1 (never pause) or from 15 to 10,080 minutes", "autoPauseMinutes %d is not a delay Azure SQL takes", a)
		}
	}
	// A zone-redundant database the user asked for needs zones; the
	// profile's default quietly follows the environment (the plan turns it
	// off where the environment has one zone).
	if st.ZoneRedundant && e.Targets.Zones < 2 && v.Doc().Stated(p+".zoneRedundant") {
		v.Fail(p+".zoneRedundant", "set targets.zones: 2 or more, or zoneRedundant: false", "a zone-redundant database needs at least 2 zones; this environment has %d", e.Targets.Zones)
	}
}

func joinInts(v []int) string {
	out := ""
	for i, n := range v {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprint(n)
	}
	return out
}
