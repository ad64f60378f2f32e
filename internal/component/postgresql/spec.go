// Package postgresql is the PostgreSQL building block: in dev a pod on a
// managed disk, in prod Azure Database for PostgreSQL Flexible Server. It
// owns every facet of the block: its spec section, its plan, cost lines,
// SLA, subnet and NSG rules, secrets, container settings, manifests,
// compose service, Terraform, document sections, diagram nodes and check
// rules. Services use it through `database:` (one database per owning
// service) and `dbPoolSize:`.
package postgresql

import (
	"fmt"
	"reflect"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's name, its backing and settings key, and its ID in
// flows and manifests.
const Name = "postgresql"

// Backing is backing.postgresql.
type Backing struct {
	Version string `yaml:"version" jsonschema_description:"major version such as 16"`
}

// FieldRules constrains the backing section.
func (Backing) FieldRules() spec.Rules {
	return spec.Rules{"version": spec.OneOf("13", "14", "15", "16", "17").WithHint(`a major version Azure Database for PostgreSQL runs, in quotes: "13" to "17"`)}
}

// Settings are environments[].postgresql.
type Settings struct {
	Mode                string `yaml:"mode"`
	SKU                 string `yaml:"sku" jsonschema_description:"Flexible Server SKU such as GP_Standard_D2ds_v5"`
	StorageGB           int    `yaml:"storageGB"`
	HA                  string `yaml:"ha"`
	BackupRetentionDays int    `yaml:"backupRetentionDays"`
	GeoBackup           bool   `yaml:"geoBackup"`
	ReadReplicas        int    `yaml:"readReplicas" jsonschema_description:"read replicas of the Flexible Server (mode flexible)"`
	CPU                 string `yaml:"cpu" jsonschema_description:"pod CPU request (mode pod)"`
	Memory              string `yaml:"memory" jsonschema_description:"pod memory request (mode pod)"`
	MaxConnections      int    `yaml:"maxConnections"`
	StorageClass        string `yaml:"storageClass" jsonschema_description:"managed-disk storage class (mode pod)"`
}

// FieldRules constrains the settings.
func (Settings) FieldRules() spec.Rules {
	return spec.Rules{
		"mode":                spec.OneOf("pod", "flexible"),
		"sku":                 spec.OneOf(azure.PostgresNames()...),
		"storageGB":           spec.Between(1, 32768).WithHint("GiB, from 1 to 32,768 (Flexible Server needs at least 32)"),
		"ha":                  spec.OneOf("none", "samezone", "zoneredundant"),
		"backupRetentionDays": spec.Between(1, 35).WithHint("days, from 1 to 35 (Flexible Server keeps 7 to 35)"),
		"readReplicas":        spec.Between(0, 5).WithHint("from 0 to 5 read replicas"),
		"cpu":                 spec.Quantity("cpu"),
		"memory":              spec.Quantity("memory"),
		"maxConnections":      spec.Between(10, 5000).WithHint("from 10 to 5,000 connections"),
		"storageClass":        spec.Pattern(`^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$`, 63, "a Kubernetes storage class name such as managed-csi"),
	}
}

// Profile defaults: dev runs PostgreSQL as a pod on a managed disk (never
// hostPath), prod as a zone-redundant Flexible Server.
const (
	devProfile = `mode: pod
storageGB: 20
ha: none
backupRetentionDays: 7
cpu: 500m
memory: 1Gi
maxConnections: 100
storageClass: managed-csi
`
	prodProfile = `mode: flexible
sku: GP_Standard_D2ds_v5
storageGB: 128
ha: zoneredundant
backupRetentionDays: 35
geoBackup: true
readReplicas: 0
`
)

func section() spec.Section {
	return spec.Section{
		Kind:       Name,
		BackingKey: Name, Backing: reflect.TypeFor[Backing](),
		SettingsKey: Name, Settings: reflect.TypeFor[Settings](),
		Profiles:    map[string]string{"dev": devProfile, "prod": prodProfile},
		SubnetRoles: []string{subnetRole},
		Validate:    validate,
		Reserved:    []string{Name, initJob},
	}
}

// validate checks the databases the services own against the block, and
// the settings against each other and the environment's zones.
func validate(v *spec.Validation) {
	s := v.Spec()
	_, declared := spec.Block[Backing](s.Backing.Blocks, Name)
	owners := map[string]int{}
	for i, sv := range s.Services {
		if sv.Database == "" {
			continue
		}
		p := fmt.Sprintf("services[%d].database", i)
		if j, dup := owners[sv.Database]; dup {
			v.Fail(p, fmt.Sprintf("services[%d] (%s) owns it; one database per owning service", j, s.Services[j].Name), "database %q is owned by two services", sv.Database)
		}
		owners[sv.Database] = i
		if !declared && !v.Failed("backing."+Name) {
			v.Fail(p, "add backing.postgresql", "service %q owns a database but the spec declares no PostgreSQL", sv.Name)
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
		p := fmt.Sprintf("environments[%d]", i)
		// The prod profile's zone-redundant HA is a default for a region
		// with zones: in one without (the profile's zones taken down to
		// 1), the plan gives it the HA one zone allows, samezone. Only
		// an HA the user wrote is refused.
		if st.HA == "zoneredundant" && e.Targets.Zones < 2 && v.Doc().Stated(p+".postgresql.ha") {
			v.Fail(p+".targets.zones", "use postgresql.ha: samezone, or targets.zones: 2 or more", "zone-redundant HA needs at least 2 zones; this environment has %d", e.Targets.Zones)
		}
		if st.Mode != "flexible" {
			if st.ReadReplicas > 0 {
				v.Fail(p+".postgresql.readReplicas", "read replicas need postgresql.mode: flexible; set readReplicas: 0 for a pod", "a PostgreSQL pod has no read replicas")
			}
			continue
		}
		if st.StorageGB < 32 {
			v.Fail(p+".postgresql.storageGB", "Flexible Server storage starts at 32 GiB", "PostgreSQL storage %d GiB is below Flexible Server's minimum", st.StorageGB)
		}
		if st.BackupRetentionDays < 7 {
			v.Fail(p+".postgresql.backupRetentionDays", "Flexible Server keeps backups 7 to 35 days", "backup retention %d days is below Flexible Server's minimum", st.BackupRetentionDays)
		}
	}
}
