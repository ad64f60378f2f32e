// Package istiogateway is the Istio service mesh add-on's ingress gateway
// as the ingress controller (ingress.controller: istio, with
// serviceMesh.mode: istio): the add-on's internal gateway behind the
// Application Gateway (ingress.behindGateway: true), which forwards every
// request to its internal load balancer, or its external gateway on a
// public load balancer; an Istio Gateway on it and, in each namespace
// with routes, a VirtualService routing each route prefix (and the edge's
// probe path) to its service. The gateway is in the mesh: it reaches the
// services with mutual TLS, so their ports stay STRICT. It owns no keys:
// the ingress block owns the controller and the domain, the gateway block
// behindGateway and endToEndTLS, the mesh block the mode and revision.
package istiogateway

import (
	"fmt"

	"github.com/physarch/physarch/internal/component/appgateway"
	"github.com/physarch/physarch/internal/component/frontdoor"
	"github.com/physarch/physarch/internal/component/ingress"
	"github.com/physarch/physarch/internal/component/servicemesh"
	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's name.
const Name = "istiogateway"

// Namespace is where the add-on runs its ingress gateways.
const Namespace = "aks-istio-ingress"

// The add-on's gateway Services, also the value of the istio label of
// their pods, which an Istio Gateway selects (Microsoft, "Deploy ingress
// gateways for the Istio service mesh add-on").
const (
	InternalService = "aks-istio-ingressgateway-internal"
	ExternalService = "aks-istio-ingressgateway-external"
)

func section() spec.Section { return spec.Section{Kind: Name, Validate: validate} }

// validate refuses what the mesh's gateway cannot be: a gateway of a
// mesh that is off, Front Door's origin or a WAF without the Application
// Gateway in front (its public load balancer's address exists only once
// the cluster has made it, and Istio has no WAF).
func validate(v *spec.Validation) {
	for i, e := range v.Spec().Environments {
		if e.Profile == "" || ingress.Of(e).Controller != ingress.Istio {
			continue
		}
		p := fmt.Sprintf("environments[%d]", i)
		if st, ok := spec.Block[servicemesh.Settings](e.Blocks, servicemesh.Name); !ok || st.Mode != servicemesh.Istio {
			v.Fail(p+".ingress.controller", "set serviceMesh: {mode: istio}, or choose another controller",
				"controller istio is the Istio service mesh add-on's ingress gateway, and the mesh is off")
		}
		gw := appgateway.Of(e)
		if gw.BehindGateway {
			continue
		}
		if st, ok := spec.Block[frontdoor.Settings](e.Blocks, frontdoor.Name); ok && st.FrontDoor != "" && st.FrontDoor != "none" {
			v.Fail(p+".ingress.frontDoor", "set behindGateway: true (Front Door → Application Gateway → Istio's internal gateway), or frontDoor: none",
				"the Istio external gateway cannot be Front Door's origin: its load balancer's address exists only once the cluster has made it")
		}
		if gw.WAF {
			v.Fail(p+".ingress.waf", "set behindGateway: true for the Application Gateway WAF in front, or waf: false",
				"the Istio ingress gateway has no WAF")
		}
	}
}
