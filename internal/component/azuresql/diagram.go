package azuresql

import (
	"fmt"

	"github.com/physarch/physarch/internal/render/diagram"
)

// Node IDs of the block's shapes.
const (
	nodeSQL = "AzureSQL"
	nodePE  = "PEAzureSQL"
)

// Draw implements diagram.Drawn: the dev pod is drawn with the cluster's
// backing pods; the managed server outside the subnets with its
// databases, and its private endpoint in the endpoints subnet. The
// network diagram's flows end on the endpoint, the physical diagram's on
// the server.
func (c *Component) Draw(v diagram.View) diagram.Drawing {
	d := diagram.Drawing{Entry: nodeSQL}
	if !c.Managed() {
		return d
	}
	zr := ""
	if c.ZoneRedundant {
		zr = v.T(", 영역 중복", ", zone-redundant")
	}
	if v.Network {
		d.Managed = []diagram.Shape{{ID: nodeSQL, Label: "Azure SQL Database " + c.SKU, DB: true, Icon: "Databases/AzureSqlDatabase"}}
	} else {
		d.Managed = []diagram.Shape{{ID: nodeSQL, Label: fmt.Sprintf("Azure SQL Database %s\n%s × %d%s\n%s", c.Server, c.SKU, len(c.Databases), zr, c.names()), DB: true, Icon: "Databases/AzureSqlDatabase"}}
	}
	if !c.endpoint {
		return d
	}
	if v.Network {
		d.Entry = nodePE
		d.Endpoints = []diagram.Shape{{ID: nodePE, Label: "PE: Azure SQL"}}
		d.Links = []diagram.Edge{{From: nodePE, To: nodeSQL, Label: "Private Link"}}
	} else {
		d.Endpoints = []diagram.Shape{{ID: nodePE, Label: "Private Endpoint: Azure SQL"}}
	}
	return d
}
