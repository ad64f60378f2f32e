package postgresql

import (
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
)

// ServiceLinks implements availability.Linked: a service's requests wait
// on its database. Read replicas serve reads only, so they do not change
// the write path's SLA.
//
// Facts: zone-redundant HA is zone-redundant only with a standby zone to
// put it in (the Terraform sets standby_availability_zone under the same
// condition).
func (c *Component) ServiceLinks(e *plan.Env, sv plan.Service, nodes availability.Nodes) []availability.PathLink {
	if sv.Database == "" {
		return nil
	}
	if c.Flexible() {
		return []availability.PathLink{{Name: "PostgreSQL", Config: "Flexible " + c.SKU + ", " + haConfig(md.En, c.HA),
			ConfigKo: "Flexible " + c.SKU + ", " + haConfig(md.Ko, c.HA), Key: "postgresql/" + c.HA, Setting: "postgresql.ha",
			Facts: azure.Facts{ZoneRedundant: c.HA == "zoneredundant" && len(e.Zones) > 1, MinInstances: c.instances()}}}
	}
	key, cfg, cfgKo := nodes(1)
	return []availability.PathLink{{Name: "PostgreSQL", Config: "pod (" + cfg + ")", ConfigKo: "Pod (" + cfgKo + ")", Key: key, Note: "a single pod: the SLA of the node it runs on", NoteKo: podNoteKo}}
}

// instances is how many servers answer for the primary: it and a standby.
// haConfig names the HA mode as the SLA table and the diagrams print it,
// not as it is stored.
func haConfig(l msg.T, mode string) string {
	if mode == "none" {
		return l.T("HA 미사용", "HA disabled")
	}
	return msg.HA(l, mode)
}

func (c *Component) instances() int {
	if c.HA == "none" {
		return 1
	}
	return 2
}

// podNoteKo is the single pod's note in Korean.
const podNoteKo = "단일 Pod: 실행 중인 노드의 SLA"
