package redis

import (
	"github.com/physarch/physarch/internal/render/mermaid"
)

// serviceTitle is the managed service's name.
func (c *Component) serviceTitle() string {
	if c.AMR() {
		return "Azure Managed Redis"
	}
	return "Azure Cache for Redis"
}

// Draw implements mermaid.Drawn: the dev pod is drawn with the cluster's
// backing pods; the managed cache outside the subnets, with its private
// endpoint in the endpoints subnet. The network diagram's flows end on
// the endpoint, the physical diagram's on the cache.
func (c *Component) Draw(v mermaid.View) mermaid.Drawing {
	d := mermaid.Drawing{Entry: "Redis"}
	if !c.Managed() {
		return d
	}
	if v.Network {
		d.Managed = []mermaid.Shape{{ID: "Redis", Label: c.serviceTitle() + " " + c.SKU, DB: true}}
	} else {
		d.Managed = []mermaid.Shape{{ID: "Redis", Label: c.serviceTitle() + " " + c.sku(), DB: true}}
	}
	if !c.endpoint {
		return d
	}
	if v.Network {
		d.Entry = "PERedis"
		d.Endpoints = []mermaid.Shape{{ID: "PERedis", Label: "PE: Redis"}}
		d.Links = []mermaid.Edge{{From: "PERedis", To: "Redis", Label: "Private Link"}}
	} else {
		d.Endpoints = []mermaid.Shape{{ID: "PERedis", Label: "Private Endpoint: Redis"}}
	}
	return d
}
