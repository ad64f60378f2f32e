package postgresql

import (
	"fmt"

	"github.com/physarch/physarch/internal/render/mermaid"
)

// Draw implements mermaid.Drawn: the dev pod is drawn with the cluster's
// backing pods; Flexible Server in its delegated subnet with its standby,
// read replicas and backups.
func (c *Component) Draw(v mermaid.View) mermaid.Drawing {
	d := mermaid.Drawing{Entry: "PG"}
	if !c.Flexible() {
		return d
	}
	g := &mermaid.Group{ID: "SnetDB", Label: mermaid.SubnetLabel(c.Subnet)}
	ha := c.HA != "none"
	if v.Network {
		g.Nodes = append(g.Nodes, mermaid.Shape{ID: "PG", Label: fmt.Sprintf("PostgreSQL Flexible (%s)", c.HA), DB: true})
		if ha {
			g.Nodes = append(g.Nodes, mermaid.Shape{ID: "PGStandby", Label: "Standby", DB: true})
			d.Late = append(d.Late, mermaid.Edge{From: "PG", To: "PGStandby", Label: v.T("HA 동기화", "HA sync"), Dotted: true})
		}
	} else {
		g.Nodes = append(g.Nodes, mermaid.Shape{ID: "PG", Label: fmt.Sprintf("PostgreSQL Flexible %s<br/>Primary (Zone 1)", c.SKU), DB: true})
		if ha {
			g.Nodes = append(g.Nodes, mermaid.Shape{ID: "PGStandby", Label: fmt.Sprintf("Standby (%s)", c.HA), DB: true})
			d.Late = append(d.Late, mermaid.Edge{From: "PG", To: "PGStandby", Label: v.T("HA 동기 복제", "HA sync replication"), Dotted: true})
		}
	}
	for i := range c.ReadReplicas {
		rid := fmt.Sprintf("PGReplica%d", i+1)
		g.Nodes = append(g.Nodes, mermaid.Shape{ID: rid, Label: fmt.Sprintf(v.T("읽기 복제본 %d", "Read replica %d"), i+1), DB: true})
		d.Late = append(d.Late, mermaid.Edge{From: "PG", To: rid, Label: v.T("비동기 복제", "async replication"), Dotted: true})
	}
	if !v.Network {
		g.Nodes = append(g.Nodes, mermaid.Shape{ID: "PGBackup", Label: fmt.Sprintf(v.T("자동 백업 %d일", "automatic backup %d days"), c.BackupDays)})
		g.Edges = append(g.Edges, mermaid.Edge{From: "PG", To: "PGBackup", Label: v.T("백업", "backup"), Dotted: true})
	}
	d.Subnet = g
	return d
}
