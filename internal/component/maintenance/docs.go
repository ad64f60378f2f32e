package maintenance

import (
	"fmt"

	"github.com/physarch/physarch/internal/plan"
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
	rows := [][2]string{
		{d.T("자동 업그레이드 채널", "Automatic upgrade channel"), m.UpgradeChannel},
		{d.T("노드 OS 업그레이드 채널", "Node OS upgrade channel"), m.NodeOSChannel},
	}
	if m.Window {
		rows = append(rows, [2]string{d.T("계획된 유지보수 창 (업그레이드, 노드 OS)", "Planned maintenance window (upgrades, node OS)"), m.window(d)})
	}
	return rows
}

// Summary implements docs.Summarised: the window among the procedures.
func (m *Component) Summary(d *md.Doc, _ *plan.Env, key string) (string, bool) {
	if key == docs.SummaryMaintenance && m.Window {
		return fmt.Sprintf(d.T("유지보수 창: %s (AKS 계획된 유지보수, 3.1.1)", "Maintenance window: %s (AKS planned maintenance, 3.1.1)"), m.window(d)), true
	}
	return "", false
}
