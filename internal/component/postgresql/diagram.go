package postgresql

import (
	"fmt"
	"github.com/physarch/physarch/internal/render/msg"

	"github.com/physarch/physarch/internal/render/diagram"
)

// Draw implements diagram.Drawn: the dev pod is drawn with the cluster's
// backing pods; Flexible Server in its delegated subnet with its standby,
// read replicas and backups.
func (c *Component) Draw(v diagram.View) diagram.Drawing {
	d := diagram.Drawing{Entry: "PG"}
	if !c.Flexible() {
		return d
	}
	g := &diagram.Group{ID: "SnetDB", Label: diagram.SubnetLabel(c.Subnet)}
	ha := c.HA != "none"
	if v.Network {
		g.Nodes = append(g.Nodes, diagram.Shape{ID: "PG", Label: "PostgreSQL Flexible (" + haConfig(msg.Func(v.T), c.HA) + ")", DB: true, Icon: icon})
		if ha {
			g.Nodes = append(g.Nodes, diagram.Shape{ID: "PGStandby", Label: "Standby", DB: true})
			d.Late = append(d.Late, diagram.Edge{From: "PG", To: "PGStandby", Label: v.T("HA 동기화", "HA sync"), Dotted: true})
		}
	} else {
		g.Nodes = append(g.Nodes, diagram.Shape{ID: "PG", Label: fmt.Sprintf(v.T("PostgreSQL Flexible %s\nPrimary (영역 1)", "PostgreSQL Flexible %s\nPrimary (zone 1)"), c.SKU), DB: true, Icon: icon})
		if ha {
			g.Nodes = append(g.Nodes, diagram.Shape{ID: "PGStandby", Label: "Standby (" + haConfig(msg.Func(v.T), c.HA) + ")", DB: true})
			d.Late = append(d.Late, diagram.Edge{From: "PG", To: "PGStandby", Label: v.T("HA 동기 복제", "HA sync replication"), Dotted: true})
		}
	}
	for i := range c.ReadReplicas {
		rid := fmt.Sprintf("PGReplica%d", i+1)
		g.Nodes = append(g.Nodes, diagram.Shape{ID: rid, Label: fmt.Sprintf(v.T("읽기 복제본 %d", "Read replica %d"), i+1), DB: true})
		d.Late = append(d.Late, diagram.Edge{From: "PG", To: rid, Label: v.T("비동기 복제", "async replication"), Dotted: true})
	}
	if !v.Network {
		g.Nodes = append(g.Nodes, diagram.Shape{ID: "PGBackup", Label: fmt.Sprintf(v.T("자동 백업 %d일", "automatic backup %d days"), c.BackupDays)})
		g.Edges = append(g.Edges, diagram.Edge{From: "PG", To: "PGBackup", Label: v.T("백업", "backup"), Dotted: true})
	}
	d.Subnet = g
	return d
}

// icon is Azure Database for PostgreSQL's.
const icon = "Databases/AzureDatabaseForPostgreSQL"
