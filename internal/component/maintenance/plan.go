package maintenance

import (
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Kind is the cluster-maintenance block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Component is how the environment's cluster is upgraded: the channels,
// and the weekly window both kinds of upgrade wait for.
type Component struct {
	UpgradeChannel string // none, patch, stable, rapid, node-image
	NodeOSChannel  string // None, Unmanaged, SecurityPatch, NodeImage
	// Window is whether the upgrades wait for the window; Day, Start and
	// Hours are the window, in UTCOffset's time.
	Window    bool
	Day       string
	Start     string
	Hours     int
	UTCOffset string
}

// ID implements plan.Component.
func (*Component) ID() string { return Name }

// Plan implements plan.Kind: nothing where the environment neither
// upgrades automatically nor has a window (the cluster's defaults).
func (Kind) Plan(c *plan.Context) plan.Component {
	st := plan.Settings[Settings](c, Name)
	if !st.Window && st.UpgradeChannel == "none" {
		return nil
	}
	m := &Component{UpgradeChannel: st.UpgradeChannel, NodeOSChannel: st.NodeOSChannel,
		Window: st.Window, Day: st.Day, Start: st.Start, Hours: st.Hours, UTCOffset: st.UTCOffset}
	if m.UTCOffset == "" {
		m.UTCOffset = standardOffset(c.Plan.Region)
	}
	return m
}

// standardOffsets are regions' standard time, where it has no daylight
// saving (an AKS window's offset is fixed, not a time zone). Others read as
// UTC, and the documents say so.
var standardOffsets = map[string]string{
	"koreacentral": "+09:00", "koreasouth": "+09:00",
	"japaneast": "+09:00", "japanwest": "+09:00",
	"eastasia": "+08:00", "southeastasia": "+08:00",
	"centralindia": "+05:30", "southindia": "+05:30", "westindia": "+05:30",
}

func standardOffset(region string) string {
	if o, ok := standardOffsets[region]; ok {
		return o
	}
	return "+00:00"
}

// End is when the window closes, in its own time ("06:00"; past midnight
// it wraps).
func (m *Component) End() string {
	h := int(m.Start[0]-'0')*10 + int(m.Start[1]-'0')
	h = (h + m.Hours) % 24
	return string([]byte{byte('0' + h/10), byte('0' + h%10)}) + m.Start[2:]
}
