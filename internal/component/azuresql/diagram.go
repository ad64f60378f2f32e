package azuresql

import (
	"fmt"

	"github.com/physarch/physarch/internal/render/mermaid"
)

// Node IDs of the block's shapes.
const (
	nodeSQL = "AzureSQL"
	nodePE  = "PEAzureSQL"
)

// Draw implements mermaid.Drawn: the dev pod is drawn with the cluster's
// backing pods; the managed server outside the subnets with its
// databases, and its private endpoint in the endpoints subnet. The
// network diagram's flows end on the endpoint, the physical diagram's on
// the server.
func (c *Component) Draw(v mermaid.View) mermaid.Drawing {
	d := mermaid.Drawing{Entry: nodeSQL}
	if !c.Managed() {
		return d
	}
	zr := ""
	if c.ZoneRedundant {
		zr = v.T(", 영역 중복", ", zone-redundant")
	}
	if v.Network {
		d.Managed = []mermaid.Shape{{ID: nodeSQL, Label: "Azure SQL Database " + c.SKU, DB: true}}
	} else {
		d.Managed = []mermaid.Shape{{ID: nodeSQL, Label: fmt.Sprintf("Azure SQL Database %s<br/>%s × %d%s<br/>%s", c.Server, c.SKU, len(c.Databases), zr, c.names()), DB: true}}
	}
	if !c.endpoint {
		return d
	}
	if v.Network {
		d.Entry = nodePE
		d.Endpoints = []mermaid.Shape{{ID: nodePE, Label: "PE: Azure SQL"}}
		d.Links = []mermaid.Edge{{From: nodePE, To: nodeSQL, Label: "Private Link"}}
	} else {
		d.Endpoints = []mermaid.Shape{{ID: nodePE, Label: "Private Endpoint: Azure SQL"}}
	}
	return d
}
