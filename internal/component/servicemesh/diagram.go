package servicemesh

import "github.com/physarch/physarch/internal/render/diagram"

// Draw implements diagram.Drawn: in the physical diagram, the add-on's
// control plane (istiod, managed by AKS) and the sidecars fetching their
// configuration and certificates from it.
func (x *Component) Draw(v diagram.View) diagram.Drawing {
	if v.Network {
		return diagram.Drawing{}
	}
	return diagram.Drawing{
		Azure: []diagram.Shape{{ID: "IstioControlPlane", Label: v.T("Istio 컨트롤 플레인 (AKS 관리, ", "Istio control plane (managed by AKS, ") + x.Revision + ")"}},
		Ties:  []diagram.Edge{{From: diagram.NodeServices, To: "IstioControlPlane", Label: v.T("사이드카 xDS·mTLS 인증서", "sidecar xDS, mTLS certificates"), Dotted: true}},
	}
}
