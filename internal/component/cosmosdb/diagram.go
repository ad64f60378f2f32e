package cosmosdb

import (
	"github.com/physarch/physarch/internal/render/diagram"
)

// Draw implements diagram.Drawn: the mongo pod is drawn with the
// cluster's backing pods; the managed account outside the subnets, its
// extra regions beside it with dotted replication edges (physical
// diagram), its private endpoint in the endpoints subnet. The network
// diagram's flows end on the endpoint, the physical diagram's on the
// account.
func (c *Component) Draw(v diagram.View) diagram.Drawing {
	d := diagram.Drawing{Entry: "Cosmos"}
	if !c.Managed() {
		return d
	}
	if v.Network {
		d.Managed = []diagram.Shape{{ID: "Cosmos", Label: "Cosmos DB " + c.API + " (" + c.Account + ")", DB: true, Icon: "Databases/AzureCosmosDb"}}
	} else {
		d.Managed = []diagram.Shape{{ID: "Cosmos", Label: "Azure Cosmos DB for " + c.API + "\n" + c.throughputLabel() + "\n" + c.Consistency + ", " + c.zoneLabel(c.Regions[0], v.T), DB: true, Icon: "Databases/AzureCosmosDb"}}
		for _, r := range c.Regions[1:] {
			role := v.T("읽기", "read")
			if c.MultiRegionWrites {
				role = v.T("쓰기", "write")
			}
			rid := diagram.ID("cosmos", r.Name)
			d.Managed = append(d.Managed, diagram.Shape{ID: rid, Label: "Cosmos DB " + r.Name + " (" + role + ", " + c.zoneLabel(r, v.T) + ")", DB: true})
			d.Edges = append(d.Edges, diagram.Edge{From: "Cosmos", To: rid, Label: v.T("지역 복제", "geo-replication"), Dotted: true})
		}
	}
	if !c.endpoint {
		return d
	}
	if v.Network {
		d.Entry = "PECosmos"
		d.Endpoints = []diagram.Shape{{ID: "PECosmos", Label: "PE: Cosmos DB"}}
		d.Links = []diagram.Edge{{From: "PECosmos", To: "Cosmos", Label: "Private Link"}}
	} else {
		d.Endpoints = []diagram.Shape{{ID: "PECosmos", Label: "Private Endpoint: Cosmos DB"}}
	}
	return d
}

// zoneLabel says whether a region's replicas span zones.
func (c *Component) zoneLabel(r Region, t func(ko, en string) string) string {
	if r.ZoneRedundant {
		return t("영역 중복", "zone-redundant")
	}
	return t("영역 중복 없음", "no zone redundancy")
}
