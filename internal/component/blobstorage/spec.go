// Package blobstorage is the Azure Blob Storage building block: one
// StorageV2 account per environment holding the containers the spec
// declares, reached by the services that name them in
// services[].uses.blobStorage. In dev it runs as Azurite (Microsoft's
// emulator) in a pod on a managed disk; in prod it is a storage account
// behind a private endpoint, which each using service reaches as its own
// workload identity with a data role on exactly its containers (no
// account key anywhere).
package blobstorage

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's ID (flows, the dev pod, the compose service); Key
// its backing, settings and use key.
const (
	Name = "blobstorage"
	Key  = "blobStorage"
)

// Backing is backing.blobStorage: the containers and the data the system
// carries. The figures are stated data; what the spec leaves out is a
// default, and the documents say so.
type Backing struct {
	Containers             []Container  `yaml:"containers"`
	StoredGB               float64      `yaml:"storedGB" jsonschema_description:"data stored today, in GB (default 100)"`
	GrowthGBPerMonth       float64      `yaml:"growthGBPerMonth" jsonschema_description:"data added per month, in GB (default 0)"`
	ReadsPerMonthMillions  float64      `yaml:"readsPerMonthMillions" jsonschema_description:"read operations per month, in millions (default: the stored data read once a month in 4 MiB ranges)"`
	WritesPerMonthMillions float64      `yaml:"writesPerMonthMillions" jsonschema_description:"write operations per month, in millions (default: the monthly growth written in 4 MiB blocks)"`
	StaticRoute            *StaticRoute `yaml:"staticRoute" jsonschema_description:"a path Front Door serves from one container, cached at the edge (environments with Front Door)"`
}

// StaticRoute is backing.blobStorage.staticRoute: static content (a web
// front end's scripts, styles, images) that Front Door serves from a
// container, with no service behind it.
type StaticRoute struct {
	Container   string `yaml:"container" jsonschema:"required" jsonschema_description:"the container of backing.blobStorage.containers the route reads (publicAccess blob or container: Front Door reads anonymously)"`
	Path        string `yaml:"path" jsonschema_description:"the route's prefix, such as /static (default); Front Door serves <path>/* from the blobs under <path>/ in the container"`
	Caching     string `yaml:"caching" jsonschema_description:"edge caching: ignoreQueryString (default: one cached copy per path), useQueryString (one per path and query string) or off"`
	Compression *bool  `yaml:"compression" jsonschema_description:"compress text content at the edge (default true)"`
}

// Caching behaviours, as the spec writes them and as azurerm's
// query_string_caching_behavior spells them.
var cachings = map[string]string{"ignoreQueryString": "IgnoreQueryString", "useQueryString": "UseQueryString", "off": ""}

// FieldRules constrains the static route.
func (StaticRoute) FieldRules() spec.Rules {
	return spec.Rules{
		"container": containerName,
		"path":      spec.Pattern(`^(/[a-z0-9][a-z0-9._-]*)+$`, 200, "a path prefix such as /static or /assets/web: lowercase segments, no trailing slash or wildcard"),
		"caching":   spec.OneOf("ignoreQueryString", "useQueryString", "off"),
	}
}

// Container is one blob container.
type Container struct {
	Name         string `yaml:"name" jsonschema:"required" jsonschema_description:"3 to 63 lowercase letters, digits and single hyphens"`
	PublicAccess string `yaml:"publicAccess" jsonschema_description:"anonymous read access: none (default), blob or container"`
}

// containerName is the form of a container name (its length is checked
// against the platform's rule in validate).
var containerName = spec.Pattern(`^[a-z0-9]+(-[a-z0-9]+)*$`, 63, "3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit")

// maxStoredGB is a storage account's default capacity, 5 PiB
// (learn.microsoft.com/azure/storage/common/scalability-targets-standard-account).
const maxStoredGB = 5 * 1024 * 1024

// FieldRules constrains the backing section.
func (Backing) FieldRules() spec.Rules {
	return spec.Rules{
		"containers":             {MinItems: 1, MaxItems: 100, Hint: "declare from 1 to 100 containers, such as [{name: images}]"},
		"storedGB":               spec.Between(0, maxStoredGB).WithHint("GB, from 0 to 5,242,880 (a storage account's 5 PiB)"),
		"growthGBPerMonth":       spec.Between(0, 1048576).WithHint("GB per month, from 0 to 1,048,576"),
		"readsPerMonthMillions":  spec.Between(0, 100000).WithHint("millions of reads per month, from 0 to 100,000 (an account serves 20,000 requests per second)"),
		"writesPerMonthMillions": spec.Between(0, 100000).WithHint("millions of writes per month, from 0 to 100,000 (an account serves 20,000 requests per second)"),
	}
}

// FieldRules constrains a container.
func (Container) FieldRules() spec.Rules {
	return spec.Rules{"name": containerName, "publicAccess": spec.OneOf("none", "blob", "container")}
}

// Use is services[].uses.blobStorage: the containers a service reads or
// writes.
type Use struct {
	Containers []string `yaml:"containers" jsonschema_description:"containers of backing.blobStorage this service uses"`
	Access     string   `yaml:"access" jsonschema_description:"read (Storage Blob Data Reader), write or readwrite (Storage Blob Data Contributor)"`
}

// FieldRules constrains a service's use.
func (Use) FieldRules() spec.Rules {
	item := containerName
	return spec.Rules{
		"containers": {MinItems: 1, MaxItems: 100, Items: &item, Hint: "name from 1 to 100 containers of backing.blobStorage"},
		"access":     spec.OneOf("read", "write", "readwrite"),
	}
}

// Settings are environments[].blobStorage.
type Settings struct {
	Mode           string    `yaml:"mode" jsonschema_description:"pod (Azurite, the emulator) or managed (a storage account)"`
	AccountKind    string    `yaml:"accountKind"`
	AccessTier     string    `yaml:"accessTier" jsonschema_description:"the account's default access tier (mode managed)"`
	Redundancy     string    `yaml:"redundancy" jsonschema_description:"replication (mode managed): LRS, ZRS, GRS, RA-GRS, GZRS, RA-GZRS"`
	Lifecycle      Lifecycle `yaml:"lifecycle" jsonschema_description:"lifecycle management of block blobs by age (mode managed); 0 turns a step off"`
	SoftDeleteDays int       `yaml:"softDeleteDays" jsonschema_description:"days deleted blobs and containers are kept (mode managed); 0 for none"`
	Versioning     bool      `yaml:"versioning" jsonschema_description:"keep previous versions of every blob (mode managed)"`
	CPU            string    `yaml:"cpu" jsonschema_description:"pod CPU request (mode pod)"`
	Memory         string    `yaml:"memory" jsonschema_description:"pod memory request (mode pod)"`
	StorageGB      int       `yaml:"storageGB" jsonschema_description:"managed disk for Azurite's data (mode pod)"`
	StorageClass   string    `yaml:"storageClass" jsonschema_description:"managed-disk storage class (mode pod)"`
}

// Lifecycle moves block blobs to cheaper tiers, and deletes them, by days
// since they were last modified.
type Lifecycle struct {
	CoolAfterDays    int `yaml:"coolAfterDays" jsonschema_description:"move to Cool this many days after the last change; 0: never"`
	ArchiveAfterDays int `yaml:"archiveAfterDays" jsonschema_description:"move to Archive this many days after the last change (LRS, GRS and RA-GRS only); 0: never"`
	DeleteAfterDays  int `yaml:"deleteAfterDays" jsonschema_description:"delete this many days after the last change; 0: never"`
}

// Redundancies are the replication types a StorageV2 account takes;
// ZonesNeeded those that need availability zones in the region.
var (
	Redundancies = []string{"LRS", "ZRS", "GRS", "RA-GRS", "GZRS", "RA-GZRS"}
	zonal        = []string{"ZRS", "GZRS", "RA-GZRS"}
)

// days is a lifecycle step's bound: Azure's management policy takes up to
// 99,999 days.
func days() spec.Rule { return spec.Between(0, 99999).WithHint("days, from 0 (never) to 99,999") }

// FieldRules constrains the lifecycle.
func (Lifecycle) FieldRules() spec.Rules {
	return spec.Rules{"coolAfterDays": days(), "archiveAfterDays": days(), "deleteAfterDays": days()}
}

// FieldRules constrains the settings.
func (Settings) FieldRules() spec.Rules {
	return spec.Rules{
		"mode":        spec.OneOf("pod", "managed"),
		"accountKind": spec.OneOf("StorageV2").WithHint("StorageV2 (general-purpose v2), the kind that has access tiers and lifecycle management"),
		// Cold is priced in the catalog (General Block Blob v2, Cold
		// meters) and azurerm takes it as an access tier.
		"accessTier":     spec.OneOf("Hot", "Cool", "Cold"),
		"redundancy":     spec.OneOf(Redundancies...),
		"softDeleteDays": spec.Between(0, 365).WithHint("0 (off) or 1 to 365 days, as Azure keeps deleted blobs"),
		"cpu":            spec.Quantity("cpu"),
		"memory":         spec.Quantity("memory"),
		"storageGB":      spec.Between(1, 1024).WithHint("GiB, from 1 to 1,024"),
		"storageClass":   spec.Pattern(`^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$`, 63, "a Kubernetes storage class name such as managed-csi"),
	}
}

// Profile defaults: Azurite in a pod in dev (LRS Hot where dev runs the
// account itself); in prod a zone-redundant account with soft delete,
// versioning and a lifecycle that moves what nobody changed for 30 days
// to Cool (ZRS has no Archive tier, so the profile archives nothing).
const (
	devProfile = `mode: pod
accountKind: StorageV2
accessTier: Hot
redundancy: LRS
softDeleteDays: 7
versioning: false
cpu: 100m
memory: 256Mi
storageGB: 10
storageClass: managed-csi
`
	prodProfile = `mode: managed
accountKind: StorageV2
accessTier: Hot
redundancy: ZRS
lifecycle: {coolAfterDays: 30, archiveAfterDays: 0, deleteAfterDays: 0}
softDeleteDays: 14
versioning: true
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

// validate checks the containers, what the services use against what the
// spec declares, and each environment's settings against each other and
// the region.
func validate(v *spec.Validation) {
	s := v.Spec()
	b, declared := spec.Block[Backing](s.Backing.Blocks, Name)
	var names []string
	if declared && len(b.Containers) == 0 && !v.Failed("backing."+Key+".containers") {
		v.Fail("backing."+Key, "declare the containers: containers: [{name: images}]", "Blob Storage without a container holds nothing")
	}
	if declared {
		rule := naming.StorageContainerRule()
		seen := map[string]int{}
		for i, c := range b.Containers {
			p := fmt.Sprintf("backing.%s.containers[%d].name", Key, i)
			if c.Name == "" {
				v.Fail(fmt.Sprintf("backing.%s.containers[%d]", Key, i), "give it a name such as images", "container %d has no name", i)
				continue
			}
			// A bad name still declares the container: the services that
			// name it get no second error.
			names = append(names, c.Name)
			if v.Failed(p) {
				continue
			}
			if err := rule.Valid(c.Name); err != nil {
				v.Fail(p, "3 to 63 lowercase letters, digits and single hyphens", "%v", err)
			}
			if j, dup := seen[c.Name]; dup {
				v.Fail(p, fmt.Sprintf("containers[%d] has it already; container names are unique in an account", j), "container %q is declared twice", c.Name)
			}
			seen[c.Name] = i
		}
	}
	if declared && b.StaticRoute != nil {
		validateStatic(v, b, names)
	}
	for i, sv := range s.Services {
		u, ok := spec.Block[Use](sv.Uses.Blocks, Name)
		if !ok {
			continue
		}
		p := fmt.Sprintf("services[%d].uses.%s", i, Key)
		if !declared {
			if !v.Failed("backing." + Key) {
				v.Fail(p, "add backing.blobStorage with its containers", "service %q uses Blob Storage but the spec declares none", sv.Name)
			}
			continue
		}
		if u.Access == "" && !v.Failed(p+".access") {
			v.Fail(p, "add access: read, write or readwrite (it decides the data role the service's identity gets)", "service %q uses Blob Storage without saying how", sv.Name)
		}
		if len(u.Containers) == 0 && !v.Failed(p+".containers") {
			v.Fail(p, "add containers: [...] from backing.blobStorage.containers", "service %q uses Blob Storage but names no container", sv.Name)
		}
		for j, c := range u.Containers {
			cp := fmt.Sprintf("%s.containers[%d]", p, j)
			// With no container declared, that error says it all.
			if !v.Failed(cp) && len(b.Containers) > 0 && !slices.Contains(names, c) {
				v.Fail(cp, v.DidYouMean("blob containers", c, names, "declared: "+fmt.Sprint(names)), "service %q uses container %q, which backing.blobStorage does not declare", sv.Name, c)
			}
		}
	}
	if !declared {
		return
	}
	region, _ := azure.LookupRegion(s.Region)
	for i, e := range s.Environments {
		st, ok := spec.Block[Settings](e.Blocks, Name)
		if !ok || st.Mode != "managed" {
			continue
		}
		p := fmt.Sprintf("environments[%d].%s", i, Key)
		if v.Failed(p+".accessTier") || v.Failed(p+".redundancy") || v.Failed(p+".lifecycle") {
			continue // the field's own error says enough
		}
		// at is where a conflict between two values is reported: the one
		// the user wrote, the first if both, so that a value the profile
		// supplied does not take the blame for the user's change.
		at := func(first, second string) string {
			if !v.Doc().Stated(p+"."+first) && v.Doc().Stated(p+"."+second) {
				return p + "." + second
			}
			return p + "." + first
		}
		if slices.Contains(zonal, st.Redundancy) && region.Zones == 0 {
			v.Fail(p+".redundancy", "use LRS or GRS (or RA-GRS) in a region without availability zones", "%s keeps copies in three availability zones, and %s has none", st.Redundancy, s.Region)
		}
		lc := st.Lifecycle
		if lc.CoolAfterDays > 0 && st.AccessTier != "Hot" {
			v.Fail(at("lifecycle.coolAfterDays", "accessTier"), "set lifecycle.coolAfterDays: 0, or accessTier: Hot", "the account's tier is already %s; moving blobs to Cool after %d days would move them up or nowhere", st.AccessTier, lc.CoolAfterDays)
		}
		if lc.ArchiveAfterDays > 0 && slices.Contains(zonal, st.Redundancy) {
			v.Fail(at("lifecycle.archiveAfterDays", "redundancy"), "set lifecycle.archiveAfterDays: 0, or redundancy LRS, GRS or RA-GRS", "%s accounts have no Archive tier", st.Redundancy)
		}
		order := []struct {
			key  string
			days int
		}{{"coolAfterDays", lc.CoolAfterDays}, {"archiveAfterDays", lc.ArchiveAfterDays}, {"deleteAfterDays", lc.DeleteAfterDays}}
		for a := range order {
			for z := a + 1; z < len(order); z++ {
				if order[a].days > 0 && order[z].days > 0 && order[z].days <= order[a].days {
					v.Fail(at("lifecycle."+order[z].key, "lifecycle."+order[a].key), fmt.Sprintf("make %s more than %s (%d)", order[z].key, order[a].key, order[a].days),
						"lifecycle steps are out of order: %s %d is not after %s %d", order[z].key, order[z].days, order[a].key, order[a].days)
				}
			}
		}
	}
}
