package maintenance

import "github.com/physarch/physarch/internal/render/terraform"

// Cluster implements terraform.ClusterAddon: the upgrade channels and the
// two planned-maintenance windows (Kubernetes versions and node images),
// both weekly at the plan's time.
func (m *Component) Cluster(b terraform.Block) {
	if m.UpgradeChannel != "none" {
		b.Set("automatic_upgrade_channel", m.UpgradeChannel)
	}
	b.Set("node_os_upgrade_channel", m.NodeOSChannel)
	if !m.Window {
		return
	}
	for _, typ := range []string{"maintenance_window_auto_upgrade", "maintenance_window_node_os"} {
		w := b.Child(typ)
		w.Set("frequency", "Weekly")
		w.Set("interval", 1)
		w.Set("day_of_week", m.Day)
		w.Set("start_time", m.Start)
		w.Set("duration", m.Hours)
		w.Set("utc_offset", m.UTCOffset)
	}
}
