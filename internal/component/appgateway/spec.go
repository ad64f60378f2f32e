// Package appgateway is the Application Gateway building block: WAF_v2
// with its WAF policy (the OWASP rule set; behind Front Door a check that
// admits only this profile's X-Azure-FDID, else a per-client rate limit)
// in a /24 of its own, an HTTPS listener with a Key Vault certificate
// (endToEndTLS), and the AGIC add-on that makes it the cluster's ingress
// controller. ingress.controller: agic selects it (the ingress block owns
// that key and the domain); it owns the gateway's keys of
// environments[].ingress: waf, wafMode, rateLimitPerMinute,
// gatewayMinCapacity, gatewayMaxCapacity and endToEndTLS. It owns every
// facet of the block: names, subnet, NSG rules, private frontend address,
// cost lines, SLA link, ingress class, annotations and policy peer,
// Terraform, document sections, diagram nodes and check rules.
package appgateway

import (
	"fmt"
	"reflect"

	"github.com/physarch/physarch/internal/component/ingress"
	"github.com/physarch/physarch/internal/component/keyvault"
	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's name.
const Name = "appgateway"

// subnetRole is the gateway's own subnet.
const subnetRole = "gateway"

// Settings are the gateway's keys of environments[].ingress.
type Settings struct {
	WAF                bool   `yaml:"waf"`
	WAFMode            string `yaml:"wafMode"`
	RateLimitPerMinute int    `yaml:"rateLimitPerMinute" jsonschema_description:"requests per minute per client IP"`
	GatewayMinCapacity int    `yaml:"gatewayMinCapacity"`
	GatewayMaxCapacity int    `yaml:"gatewayMaxCapacity"`
	// EndToEndTLS keeps TLS up to the gateway: an HTTPS listener with a
	// Key Vault certificate, and Front Door forwarding HTTPS only. Off,
	// Front Door terminates TLS and forwards HTTP (SC009 says so). The
	// certificate lives in Key Vault: without security.keyVault the
	// gateway listens on HTTP only, and SC009 says why.
	EndToEndTLS bool `yaml:"endToEndTLS" jsonschema_description:"HTTPS from Front Door to the gateway (a Key Vault certificate for the public host name); false forwards plain HTTP behind Front Door"`
	// BehindGateway puts the Application Gateway in front of the
	// cluster's own controller (controller istio or approuting), which
	// then listens on an internal load balancer only.
	BehindGateway bool `yaml:"behindGateway" jsonschema_description:"with controller istio or approuting: the controller listens on an internal load balancer behind the Application Gateway (WAF_v2), which forwards every request to its private address"`
}

// FieldRules constrains the settings.
func (Settings) FieldRules() spec.Rules {
	capacity := spec.Between(0, 125).WithHint("Application Gateway v2 autoscales from 0 to 125 instances")
	return spec.Rules{
		"wafMode":            spec.OneOf("Detection", "Prevention"),
		"rateLimitPerMinute": spec.Between(0, 100000).WithHint("0 (off) or requests per minute per client, up to 100,000"),
		"gatewayMinCapacity": capacity,
		"gatewayMaxCapacity": capacity,
	}
}

// Profile defaults: no WAF in dev (NGINX has none); in prod a WAF that
// blocks, 100 requests a minute per client, 2 to 10 instances, and TLS
// from Front Door to the gateway.
const (
	devProfile = `waf: false
rateLimitPerMinute: 0
`
	prodProfile = `waf: true
wafMode: Prevention
rateLimitPerMinute: 100
gatewayMinCapacity: 2
gatewayMaxCapacity: 10
endToEndTLS: true
`
)

func section() spec.Section {
	return spec.Section{
		Kind:        Name,
		SettingsKey: "ingress", Settings: reflect.TypeFor[Settings](),
		Profiles:    map[string]string{"dev": devProfile, "prod": prodProfile},
		SubnetRoles: []string{subnetRole},
		Validate:    validate,
	}
}

// Of is an environment's gateway settings.
func Of(e spec.Environment) Settings {
	if st, ok := spec.Block[Settings](e.Blocks, Name); ok {
		return *st
	}
	return Settings{}
}

// validate checks the settings against the controller and each other.
func validate(v *spec.Validation) {
	for i, e := range v.Spec().Environments {
		if e.Profile == "" {
			continue
		}
		p := fmt.Sprintf("environments[%d].ingress", i)
		st, controller := Of(e), ingress.Of(e).Controller
		if controller == ingress.NGINX && st.WAF {
			v.Fail(p+".waf", "use controller: agic for the Application Gateway WAF", "a WAF needs the Application Gateway; the NGINX ingress has none")
		}
		if st.BehindGateway && controller != ingress.Istio && controller != ingress.AppRouting {
			v.Fail(p+".behindGateway", "use it with controller: istio or approuting, or remove it (agic is the gateway; nginx and agc take no gateway in front)",
				"behindGateway puts the Application Gateway in front of controller istio or approuting, not %s", controller)
		}
		if (controller == ingress.AGIC || st.BehindGateway) && st.GatewayMinCapacity > st.GatewayMaxCapacity {
			v.Fail(p+".gatewayMaxCapacity", "make the maximum at least the minimum", "gateway capacity %d–%d runs backwards", st.GatewayMinCapacity, st.GatewayMaxCapacity)
		}
	}
}

// TLSVault reports whether the environment's gateway can have end-to-end
// TLS: it is asked for, and Key Vault holds the certificate.
func TLSVault(e spec.Environment) (asked, vault bool) {
	kv, ok := spec.Block[keyvault.Settings](e.Blocks, keyvault.Name)
	return Of(e).EndToEndTLS, ok && kv.KeyVault
}
