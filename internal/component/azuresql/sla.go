package azuresql

import (
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/plan"
)

// ServiceLinks implements availability.Linked: a service's requests wait
// on its own database; each database carries the SLA of its tier and
// zone redundancy.
func (c *Component) ServiceLinks(_ *plan.Env, sv plan.Service, nodes availability.Nodes) []availability.PathLink {
	if _, ok := c.database(sv.Name); !ok {
		return nil
	}
	if c.Managed() {
		return []availability.PathLink{{Name: "Azure SQL Database", Config: c.SKU + ", " + c.zoneText(), ConfigKo: c.SKU + ", " + c.zoneTextKo(), Key: c.slaKey()}}
	}
	key, cfg, cfgKo := nodes(1)
	return []availability.PathLink{{Name: "Azure SQL Database", Config: "SQL Server pod (" + cfg + ")", ConfigKo: "SQL Server Pod (" + cfgKo + ")", Key: key, Note: "a single pod: the SLA of the node it runs on", NoteKo: podNoteKo}}
}

// slaKey is the catalog's SLA entry for the databases.
func (c *Component) slaKey() string {
	k := "azuresql/" + c.Tier
	if c.ZoneRedundant {
		k += "/zoneredundant"
	}
	return k
}

// zoneText says whether the databases are zone-redundant.
// zoneTextKo is zoneText in Korean.
func (c *Component) zoneTextKo() string {
	if c.ZoneRedundant {
		return "영역 중복"
	}
	return "단일 영역"
}

func (c *Component) zoneText() string {
	if c.ZoneRedundant {
		return "zone-redundant"
	}
	return "single zone"
}

// podNoteKo is the single pod's note in Korean.
const podNoteKo = "단일 Pod: 실행 중인 노드의 SLA"
