package registry

import (
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// srcGeoReplication is ACR's geo-replication guide: a Premium registry
// replicates its images to each replica region, which serves pulls there
// (and the replica is billed as a Premium registry in that region).
var srcGeoReplication = azure.Source{Ref: "learn.microsoft.com/azure/container-registry/container-registry-geo-replication (Premium; each replica billed at the Premium registry rate in its region)", Date: "2026-12-01",
	Ko: "learn.microsoft.com/azure/container-registry/container-registry-geo-replication (Premium 전용, 복제본마다 해당 리전의 Premium 레지스트리 요금)"}

// Recovery implements plan.Recovering. The DR region's module (built
// from the same spec under another name, since registry names are
// global) has a registry of its own: a geo-replicated registry still
// serves the images in the DR region, so they are imported from it; a
// registry without a replica went down with its region, and the images
// are pushed again from wherever they were built.
func (c *Component) Recovery(_ *plan.Env) []plan.RecoveryStep {
	if c.Replica != "" {
		return []plan.RecoveryStep{{Component: "Container Registry",
			What:     spec.Text{Ko: "DR 리전의 지역 복제본(" + c.Replica + ")에 남은 이미지를 DR 모듈의 레지스트리로 가져오기", En: "import the images the geo-replica in " + c.Replica + " still serves into the DR module's registry"},
			Source:   srcGeoReplication,
			Estimate: spec.Text{Ko: "재구축에 계산한 1시간에 포함", En: "part of the hour counted for the rebuild"},
			Command:  "az acr import --name <DR module's registry_name> --source " + c.LoginServer() + "/<image>:<tag>"}}
	}
	return []plan.RecoveryStep{{Component: "Container Registry",
		What:     spec.Text{Ko: "DR 모듈의 레지스트리에 서비스 이미지를 다시 푸시", En: "push the service images again to the DR module's registry"},
		Source:   srcGeoReplication,
		Estimate: spec.Text{Ko: "재구축에 계산한 1시간에 포함", En: "part of the hour counted for the rebuild"},
		Command:  "docker push <DR module's registry_login_server>/<image>:<tag>"}}
}

// replicaCost is the geo-replica, billed per day as a Premium registry in
// its region.
func (c *Component) replicaCost() []cost.Line {
	if c.Replica == "" {
		return nil
	}
	return []cost.Line{{Category: "registry", Name: "Container Registry geo-replica", NameKo: "Container Registry 지역 복제본", SKU: c.SKU, Meter: azure.Meter{Service: "Container Registry", Meter: c.SKU + " Registry Unit"},
		Qty: 1, QtyMax: 1, Unit: "day", PerMonth: float64(cost.HoursPerMonth) / 24, Region: c.Replica}}
}
