package maintenance_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/component/maintenance"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// TestOneTruthWindow: every example's production cluster has the planned
// window in both of its Terraform blocks, and the document's cluster
// settings print those values.
func TestOneTruthWindow(t *testing.T) {
	for _, name := range examples.Names() {
		t.Run(name, func(t *testing.T) {
			_, src, err := examples.Spec(name)
			if err != nil {
				t.Fatal(err)
			}
			pl, files := readback.Build(t, "physarch.yaml", src, md.En)
			for _, e := range pl.Envs {
				if !e.IsProdLike() {
					continue
				}
				m, ok := plan.Find[*maintenance.Component](e)
				if !ok || !m.Window {
					t.Fatalf("%s has no maintenance window", e.Name)
				}
				clusters := readback.Find(readback.TerraformOf(t, files, e.Name), "azurerm_kubernetes_cluster")
				if len(clusters) != 1 {
					t.Fatalf("%d clusters", len(clusters))
				}
				c := clusters[0]
				if c.Attrs["automatic_upgrade_channel"] != m.UpgradeChannel || c.Attrs["node_os_upgrade_channel"] != m.NodeOSChannel {
					t.Errorf("channels %q %q, planned %q %q", c.Attrs["automatic_upgrade_channel"], c.Attrs["node_os_upgrade_channel"], m.UpgradeChannel, m.NodeOSChannel)
				}
				for _, typ := range []string{"maintenance_window_auto_upgrade", "maintenance_window_node_os"} {
					ws := c.Blocks[typ]
					if len(ws) != 1 {
						t.Fatalf("%s: %d blocks", typ, len(ws))
					}
					w := ws[0].Attrs
					if w["day_of_week"] != m.Day || w["start_time"] != m.Start || w["duration"] != strconv.Itoa(m.Hours) || w["utc_offset"] != m.UTCOffset || m.Hours < 4 {
						t.Errorf("%s: %v, planned %s %s %dh %s", typ, w, m.Day, m.Start, m.Hours, m.UTCOffset)
					}
				}
				doc := readback.File(t, files, "physical-architecture-"+e.Name+".md")
				table := readback.TableUnder(t, doc, "3.1.1 Cluster settings")
				want := "every " + m.Day + " " + m.Start + "–" + m.End() + " (UTC" + m.UTCOffset + "), " + strconv.Itoa(m.Hours) + " hours"
				found := false
				for _, r := range table.Rows {
					if strings.HasPrefix(r[0], "Planned maintenance window") && r[1] == want {
						found = true
					}
				}
				if !found {
					t.Errorf("the cluster settings do not print %q: %v", want, table.Rows)
				}
			}
		})
	}
}
