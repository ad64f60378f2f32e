package appgateway

import (
	"fmt"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// EdgeLinks implements availability.EdgeLinked, with the facts the
// gateway's SLA is conditional on: the Terraform places it in the plan's
// zones when there are two or more, and autoscales it between the bounds.
func (c *gateway) EdgeLinks(e *plan.Env) []availability.PathLink {
	zoned := len(e.Zones) >= 2
	cfg := fmt.Sprintf("WAF_v2, autoscale %d–%d", c.MinCapacity, c.MaxCapacity)
	cfgKo := fmt.Sprintf("WAF_v2, 자동 스케일링 %d–%d", c.MinCapacity, c.MaxCapacity)
	if c.MinCapacity == c.MaxCapacity {
		cfg = fmt.Sprintf("WAF_v2, fixed %d instances", c.MinCapacity)
		cfgKo = fmt.Sprintf("WAF_v2, 인스턴스 %d개 고정", c.MinCapacity)
	}
	if zoned {
		cfg += fmt.Sprintf(", %d zones", len(e.Zones))
		cfgKo += fmt.Sprintf(", %d개 영역", len(e.Zones))
	}
	return []availability.PathLink{{Name: "Application Gateway", Config: cfg, ConfigKo: cfgKo, Key: "appgw/v2", Setting: "ingress.gatewayMaxCapacity",
		Facts: azure.Facts{ZoneRedundant: zoned, Autoscaling: c.MaxCapacity > c.MinCapacity, MinInstances: c.MinCapacity}}}
}
