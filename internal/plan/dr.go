package plan

import (
	"time"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/spec"
)

// Recovering is a component with a part in recovering the environment from
// its region's loss (dr.mode): the steps its own recovery takes, each with
// how long it takes and where that figure comes from. The planner takes the
// environment's recovery time from the slowest step, so a block that
// recovers slowly cannot hide behind the database's figure.
type Recovering interface{ Recovery(e *Env) []RecoveryStep }

// RecoveryStep is one block's part of a recovery.
type RecoveryStep struct {
	Component string // the block, as the documents name it ("PostgreSQL")
	// What is done, in both languages ("promote the read replica").
	What spec.Text
	// Time is the longest the step takes; Loss the most recent writes it
	// may lose (0: none, or nothing stateful).
	Time, Loss time.Duration
	// Source backs Time and Loss; Estimate says why a figure no source
	// gives was chosen (the documents mark it as an estimate).
	Source   azure.Source
	Estimate spec.Text
	// Command is the manual step's exact command ("" when the step is
	// automatic or already done by the Terraform).
	Command string
	// Standing is a resource the step relies on that the Terraform keeps
	// in the DR region all the time ("" for none): its address, so the
	// documents' claim resolves to it.
	Standing string
}

// Recovery is what the environment's DR mode delivers, step by step.
type Recovery struct {
	// Region is where the environment recovers into (dr.region or the
	// pair), RegionZones its zones; "" for mode none.
	Region      string
	RegionZones int
	Steps       []RecoveryStep
	// Time and Loss are the slowest step's and the largest loss (the
	// mode's catalog figures at least): what the DR row prints and rule
	// RS010 holds targets.rto and targets.rpo to.
	Time, Loss time.Duration
}

// recovery collects the components' steps; the cluster itself is rebuilt
// by the same Terraform in the DR region, which no block owns.
func recovery(e *Env, system string) Recovery {
	r := Recovery{Region: e.Settings.DRRegion(e.Region)}
	if !e.DR.Recovers || r.Region == "" {
		return r
	}
	if reg, ok := azure.LookupRegion(r.Region); ok {
		r.RegionZones = reg.Zones
	}
	r.Steps = append(r.Steps, clusterRebuild(e, system, r.Region))
	for _, c := range Facets[Recovering](e) {
		r.Steps = append(r.Steps, c.Recovery(e)...)
	}
	// The mode's own figures are the floor: a store with no step of its
	// own (one that states no recovery) is not taken to recover faster.
	r.Time, r.Loss = e.DR.RecoveryTime, e.DR.DataLoss
	for _, s := range r.Steps {
		r.Time, r.Loss = max(r.Time, s.Time), max(r.Loss, s.Loss)
	}
	return r
}

// srcAKSCreate backs the cluster's rebuild: Microsoft gives no creation
// time for a cluster, so physarch counts an hour for the whole module's
// apply in the DR region (the cluster, its pools, the network and the
// gateway), an estimate the documents mark.
var srcAKSCreate = azure.Source{Ref: "physarch estimate (no Microsoft figure for an AKS cluster's creation time; the apply creates the cluster, its node pools, the network and the gateway)", Date: "2026-12-02",
	Ko: "physarch 추정 (Microsoft는 AKS 클러스터 생성 시간을 공개하지 않음; 적용 단계에서 클러스터, 노드 풀, 네트워크, 게이트웨이를 생성)"}

// clusterRebuild is the cluster's step: the same Terraform module applied
// in the DR region, then the manifests, in both modes (the standby keeps
// no second cluster running: physarch prices a warm standby of the data,
// not of the compute).
func clusterRebuild(e *Env, system, region string) RecoveryStep {
	return RecoveryStep{
		Component: "AKS",
		What: spec.Text{Ko: "같은 스펙을 DR 리전과 다른 시스템 이름(-dr), dr.mode none으로 다시 생성해 적용하고 (클러스터, 노드 풀, 네트워크, 게이트웨이) 매니페스트를 배포; 새 모듈의 빈 데이터베이스 서버 대신 복원 또는 승격한 서버를 사용",
			En: "build the module again from the same spec for the DR region under another system name (-dr) with dr.mode none and apply it (cluster, node pools, network, gateway), then deploy the manifests; the clients use the restored or promoted server, not the new module's empty one"},
		Time:     time.Hour,
		Source:   srcAKSCreate,
		Estimate: spec.Text{Ko: "모듈 적용에 1시간", En: "one hour for the module's apply"},
		// The module is built again from the same spec with the DR
		// region (a region without zones gets a module that pins none)
		// and the system renamed: registry, vault and server names are
		// global, and the lost region's still hold them. A stated dr
		// (flow style) becomes none: the DR module must not keep a
		// standby in the lost region.
		Command: "sed -e 's/^region: " + e.Region + "$/region: " + region + "/' -e 's/^\\( *\\)name: " + system + "$/\\1name: " + system + "-dr/' -e 's/dr: {[^}]*}/dr: {mode: none}/' physarch.yaml > physarch-dr.yaml && physarch build physarch-dr.yaml -o dr && terraform -chdir=dr/deploy/terraform/" + e.Name +
			" init && terraform -chdir=dr/deploy/terraform/" + e.Name + " apply -var resource_group_name=<resource_group_name>-dr && kubectl apply -k dr/deploy/k8s/overlays/" + e.Name,
	}
}
