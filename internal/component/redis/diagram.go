package redis

import (
	"github.com/physarch/physarch/internal/render/diagram"
)

// serviceTitle is the managed service's name.
func (c *Component) serviceTitle() string {
	if c.AMR() {
		return "Azure Managed Redis"
	}
	return "Azure Cache for Redis"
}

// Draw implements diagram.Drawn: the dev pod is drawn with the cluster's
// backing pods; the managed cache outside the subnets, with its private
// endpoint in the endpoints subnet. The network diagram's flows end on
// the endpoint, the physical diagram's on the cache.
func (c *Component) Draw(v diagram.View) diagram.Drawing {
	d := diagram.Drawing{Entry: "Redis"}
	if !c.Managed() {
		return d
	}
	if v.Network {
		d.Managed = []diagram.Shape{{ID: "Redis", Label: c.serviceTitle() + " " + c.SKU, DB: true, Icon: "Databases/AzureRedisCache"}}
	} else {
		d.Managed = []diagram.Shape{{ID: "Redis", Label: c.serviceTitle() + " " + c.sku(), DB: true, Icon: "Databases/AzureRedisCache"}}
	}
	if !c.endpoint {
		return d
	}
	if v.Network {
		d.Entry = "PERedis"
		d.Endpoints = []diagram.Shape{{ID: "PERedis", Label: "PE: Redis"}}
		d.Links = []diagram.Edge{{From: "PERedis", To: "Redis", Label: "Private Link"}}
	} else {
		d.Endpoints = []diagram.Shape{{ID: "PERedis", Label: "Private Endpoint: Redis"}}
	}
	return d
}
