package maintenance

import (
	"fmt"
	"strconv"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
)

// days are the window's days in Korean.
var days = map[string]string{"Monday": "월요일", "Tuesday": "화요일", "Wednesday": "수요일", "Thursday": "목요일",
	"Friday": "금요일", "Saturday": "토요일", "Sunday": "일요일"}

// window is the window as the documents print it, with the values
// Terraform writes: "Sunday 02:00–06:00 (UTC+09:00), weekly, 4 hours".
func (m *Component) window(d *md.Doc) string {
	day := d.T(days[m.Day], m.Day)
	return fmt.Sprintf(d.T("매주 %s %s–%s (UTC%s), %d시간", "every %s %s–%s (UTC%s), %d hours"), day, m.Start, m.End(), m.UTCOffset, m.Hours)
}

// ClusterSettings implements docs.ClusterConfigured: the upgrade channels
// and the window (maintenance_window_auto_upgrade, maintenance_window_node_os).
func (m *Component) ClusterSettings(d *md.Doc, _ *plan.Env) [][2]string {
	const tfCluster = "azurerm_kubernetes_cluster.main"
	channel := func(attr, v string) claim.Locator {
		if v == "none" {
			return claim.TF(tfCluster, "")
		}
		return claim.TF(tfCluster, attr).Is(v)
	}
	rows := [][2]string{
		docs.Row(d, "maintenance.upgrade-channel", d.T("자동 업그레이드 채널", "Automatic upgrade channel"), m.UpgradeChannel, channel("automatic_upgrade_channel", m.UpgradeChannel)),
		docs.Row(d, "maintenance.node-os-channel", d.T("노드 OS 업그레이드 채널", "Node OS upgrade channel"), m.NodeOSChannel, channel("node_os_upgrade_channel", m.NodeOSChannel)),
	}
	if m.Window {
		rows = append(rows, docs.Row(d, "maintenance.window", d.T("계획된 유지보수 시간대 (업그레이드, 노드 OS)", "Planned maintenance window (upgrades, node OS)"), m.window(d),
			claim.TF(tfCluster, "maintenance_window_auto_upgrade.day_of_week").Is(m.Day), claim.TF(tfCluster, "maintenance_window_auto_upgrade.start_time").Is(m.Start),
			claim.TF(tfCluster, "maintenance_window_auto_upgrade.duration").Is(strconv.Itoa(m.Hours)), claim.TF(tfCluster, "maintenance_window_node_os.day_of_week").Is(m.Day)))
	}
	return rows
}

// Summary implements docs.Summarised: the window among the procedures.
func (m *Component) Summary(d *md.Doc, _ *plan.Env, key string) (string, bool) {
	if key == docs.SummaryMaintenance && m.Window {
		return fmt.Sprintf(d.T("유지보수 시간대: %s (AKS 계획된 유지보수, 3.1.1)", "Maintenance window: %s (AKS planned maintenance, 3.1.1)"), m.window(d)), true
	}
	return "", false
}
