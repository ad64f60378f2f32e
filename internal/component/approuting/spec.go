// Package approuting is the AKS application routing add-on as the
// ingress controller (ingress.controller: approuting): managed NGINX,
// which AKS installs and upgrades (azurerm web_app_routing, its default
// controller behind a public Standard load balancer, or with
// ingress.behindGateway an internal one behind the Application Gateway,
// whose backend pool holds its address), serving Ingress objects of class
// webapprouting.kubernetes.azure.com. The NginxIngressController CRD
// (a controller of physarch's own with a chosen static address) is not
// used: its CRD cannot be fetched offline for the dry run. With end-to-end
// TLS the Ingress serves a Key Vault certificate the add-on syncs
// (kubernetes.azure.com/tls-cert-keyvault-uri); a per-client rate limit
// is NGINX's own (limit-rpm). It owns no keys: the ingress block owns the
// controller and the domain, the gateway block endToEndTLS and
// rateLimitPerMinute, which mean the same here.
package approuting

import (
	"fmt"

	"github.com/physarch/physarch/internal/component/appgateway"
	"github.com/physarch/physarch/internal/component/frontdoor"
	"github.com/physarch/physarch/internal/component/ingress"
	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's name.
const Name = "approuting"

// Namespace is where the add-on runs NGINX.
const Namespace = "app-routing-system"

// Class is the default controller's ingress class.
const Class = "webapprouting.kubernetes.azure.com"

func section() spec.Section { return spec.Section{Kind: Name, Validate: validate} }

// validate refuses what the add-on's public NGINX cannot be: Front Door's
// origin (its address exists only once the cluster made its load
// balancer, so Terraform cannot give it to Front Door) or a WAF.
func validate(v *spec.Validation) {
	for i, e := range v.Spec().Environments {
		if e.Profile == "" || ingress.Of(e).Controller != ingress.AppRouting {
			continue
		}
		p := fmt.Sprintf("environments[%d].ingress", i)
		if appgateway.Of(e).BehindGateway {
			continue // the Application Gateway in front holds the WAF and is Front Door's origin
		}
		if st, ok := spec.Block[frontdoor.Settings](e.Blocks, frontdoor.Name); ok && st.FrontDoor != "" && st.FrontDoor != "none" {
			v.Fail(p+".frontDoor", "set behindGateway: true (Front Door → Application Gateway → internal NGINX), or frontDoor: none; Front Door Private Link straight to NGINX is not offered: AKS makes its Private Link Service, so Terraform cannot know its ID",
				"controller approuting cannot be Front Door's origin: its load balancer's address exists only once the cluster has made it")
		}
		if appgateway.Of(e).WAF {
			v.Fail(p+".waf", "set behindGateway: true for the Application Gateway WAF in front of NGINX, or waf: false",
				"controller approuting has no WAF")
		}
	}
}
