package servicemesh

import (
	"fmt"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
)

const tfCluster = "azurerm_kubernetes_cluster.main"

// ClusterSettings implements docs.ClusterConfigured: the mesh, its mutual
// TLS and what each sidecar reserves (counted in the node pools above).
func (x *Component) ClusterSettings(d *md.Doc, _ *plan.Env) [][2]string {
	return [][2]string{
		x.addonRow(d),
		x.mtlsRow(d),
		docs.Row(d, "mesh.sidecar", d.T("사이드카 예약", "Sidecar reservation"),
			fmt.Sprintf(d.T("Pod마다 CPU %s, 메모리 %s 요청 (한도 %s, %s), 노드 풀 계산과 할당량에 포함", "per pod %s CPU, %s memory requested (limits %s, %s), counted in the node pools and the quotas"), x.cpu(), x.mem(), x.cpuLimit(), x.memLimit()),
			claim.K8s("Deployment", "*", "spec.template.metadata.annotations").Has(annotationCPU+":"+x.cpu())),
	}
}

// addonRow is the add-on with its revision and the ingress gateway that
// is on.
func (x *Component) addonRow(d *md.Doc) [2]string {
	mode, rev := claim.TF(tfCluster, "service_mesh_profile.mode").Is("Istio"), claim.TF(tfCluster, "service_mesh_profile.revisions").Is(x.Revision)
	switch x.Gateway {
	case Internal:
		return docs.Row(d, "mesh.addon", d.T("서비스 메시", "Service mesh"), fmt.Sprintf(d.T("Istio 추가 기능 (리비전 %s, 내부 인그레스 게이트웨이)", "Istio add-on (revision %s, internal ingress gateway)"), x.Revision),
			mode, rev, claim.TF(tfCluster, "service_mesh_profile.internal_ingress_gateway_enabled").Is("true"))
	case External:
		return docs.Row(d, "mesh.addon", d.T("서비스 메시", "Service mesh"), fmt.Sprintf(d.T("Istio 추가 기능 (리비전 %s, 외부 인그레스 게이트웨이)", "Istio add-on (revision %s, external ingress gateway)"), x.Revision),
			mode, rev, claim.TF(tfCluster, "service_mesh_profile.external_ingress_gateway_enabled").Is("true"))
	}
	return docs.Row(d, "mesh.addon", d.T("서비스 메시", "Service mesh"), fmt.Sprintf(d.T("Istio 추가 기능 (리비전 %s, Istio 인그레스 게이트웨이 없음)", "Istio add-on (revision %s, no Istio ingress gateway)"), x.Revision),
		mode, rev)
}

// mtlsRow is the namespaces' mutual TLS, with the ports left PERMISSIVE
// for an ingress outside the mesh.
func (x *Component) mtlsRow(d *md.Doc) [2]string {
	strict := claim.K8s("PeerAuthentication", namespacePolicy, "spec.mtls.mode").Is(mtlsStrict)
	if len(x.Routed) == 0 {
		return docs.Row(d, "mesh.mtls", "mTLS", d.T("네임스페이스마다 STRICT (인그레스 게이트웨이도 메시 안에서 mTLS로 보냄)", "STRICT in every namespace (the ingress gateway is in the mesh and sends mTLS too)"), strict)
	}
	return docs.Row(d, "mesh.mtls", "mTLS", d.T("네임스페이스마다 STRICT, 라우팅되는 서비스는 자기 포트만 PERMISSIVE (인그레스가 메시 밖에 있음)", "STRICT in every namespace; a routed service's own port PERMISSIVE (the ingress is outside the mesh)"), strict)
}
