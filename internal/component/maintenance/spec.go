// Package maintenance is the cluster-maintenance building block
// (environments[].maintenance): AKS's automatic upgrade channels and the
// planned-maintenance windows they run in. It owns every facet of the
// block: its spec key, the cluster's upgrade settings and maintenance
// windows in Terraform, the documents' lines about them and its rule.
package maintenance

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's name and its ID.
const Name = "maintenance"

// Settings are environments[].maintenance.
type Settings struct {
	// Window is whether the cluster has planned-maintenance windows; without
	// them AKS upgrades whenever it likes.
	Window bool   `yaml:"window" jsonschema_description:"whether the cluster upgrades only in a planned-maintenance window"`
	Day    string `yaml:"day" jsonschema_description:"the window's day of the week"`
	Start  string `yaml:"start" jsonschema_description:"the window's start, HH:MM in utcOffset's time"`
	Hours  int    `yaml:"hours" jsonschema_description:"the window's length in hours (Azure requires 4 to 24)"`
	// UTCOffset is the offset the start is in; empty takes the region's
	// standard time.
	UTCOffset      string `yaml:"utcOffset" jsonschema_description:"the start's UTC offset such as +09:00; empty: the region's standard time"`
	UpgradeChannel string `yaml:"upgradeChannel" jsonschema_description:"AKS automatic upgrade channel for Kubernetes versions"`
	NodeOSChannel  string `yaml:"nodeOSChannel" jsonschema_description:"AKS node OS upgrade channel"`
}

// FieldRules bounds the settings by what the AKS API accepts
// (maintenanceConfigurations: durationHours 4–24, utcOffset +/-HH:mm).
func (Settings) FieldRules() spec.Rules {
	return spec.Rules{
		"day":            spec.OneOf("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
		"start":          spec.Pattern(`^([01][0-9]|2[0-3]):[0-5][0-9]$`, 5, "a time of day as HH:MM, such as 02:00"),
		"hours":          spec.Between(4, 24).WithHint("hours, from 4 to 24: Azure requires a maintenance window of at least 4 hours"),
		"utcOffset":      spec.Pattern(`^$|^[+-](0[0-9]|1[0-4]):(00|30|45)$`, 6, "an offset such as +09:00 or -05:00, or empty for the region's standard time"),
		"upgradeChannel": spec.OneOf("none", "patch", "stable", "rapid", "node-image"),
		"nodeOSChannel":  spec.OneOf("None", "Unmanaged", "SecurityPatch", "NodeImage"),
	}
}

// Profile defaults: dev upgrades by hand; prod takes patch versions and
// node images automatically, Sundays from 02:00 for 4 hours (Azure's
// minimum), when a service's traffic is lowest.
const (
	devProfile = `window: false
day: Sunday
start: "02:00"
hours: 4
utcOffset: ""
upgradeChannel: none
nodeOSChannel: NodeImage
`
	prodProfile = `window: true
day: Sunday
start: "02:00"
hours: 4
utcOffset: ""
upgradeChannel: patch
nodeOSChannel: NodeImage
`
)

func section() spec.Section {
	return spec.Section{
		Kind:        Name,
		SettingsKey: "maintenance", Settings: reflect.TypeFor[Settings](),
		Profiles: map[string]string{"dev": devProfile, "prod": prodProfile},
		Validate: validate,
	}
}

// validate refuses a patch version pinned under a channel that moves it:
// AKS would upgrade the cluster and every plan after would try to go back.
func validate(v *spec.Validation) {
	for i, e := range v.Spec().Environments {
		st, ok := spec.Block[Settings](e.Blocks, Name)
		if !ok || st.UpgradeChannel == "none" || st.UpgradeChannel == "node-image" {
			continue
		}
		if strings.Count(e.AKS.KubernetesVersion, ".") == 2 {
			v.Fail(fmt.Sprintf("environments[%d].aks.kubernetesVersion", i),
				fmt.Sprintf("state the minor version (%q) or set maintenance.upgradeChannel: none", e.AKS.KubernetesVersion[:strings.LastIndex(e.AKS.KubernetesVersion, ".")]),
				"Kubernetes %s pins a patch version, which the %s upgrade channel moves", e.AKS.KubernetesVersion, st.UpgradeChannel)
		}
	}
}
