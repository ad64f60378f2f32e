// Package ingress is the NGINX ingress building block, and the owner of the
// environment's choice of ingress controller (ingress.controller) and host
// (ingress.domain). With controller: nginx it is the controller: an NGINX
// ingress behind the cluster's Standard load balancer, in the ingress-nginx
// namespace. With controller: agic the Application Gateway block
// (internal/component/appgateway) is the controller and reads this block's
// settings; with controller: agc Application Gateway for Containers
// (internal/component/agc) is. Other blocks own the rest of the ingress key (the gateway's
// WAF and capacity, Front Door).
package ingress

import (
	"reflect"

	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's name.
const Name = "ingress"

// Controllers: AGC (Application Gateway for Containers, Gateway API) is
// planned by internal/component/agc.
const (
	NGINX = "nginx"
	AGIC  = "agic"
	AGC   = "agc"
	// AppRouting is the AKS application routing add-on's managed NGINX,
	// planned by internal/component/approuting.
	AppRouting = "approuting"
	// Istio is the Istio service mesh add-on's ingress gateway (with
	// serviceMesh.mode: istio), planned by internal/component/istiogateway.
	Istio = "istio"
)

// Settings are the keys of environments[].ingress this block owns.
type Settings struct {
	Controller string `yaml:"controller" jsonschema_description:"nginx (an NGINX ingress behind the load balancer), agic (Application Gateway WAF_v2 and its ingress controller) agc (Application Gateway for Containers and its ALB controller, routed by Gateway API) approuting (the AKS application routing add-on: managed NGINX behind a public load balancer, or an internal one with behindGateway) or istio (the Istio service mesh add-on's ingress gateway, with serviceMesh.mode: istio)"`
	Domain     string `yaml:"domain" jsonschema_description:"host the Ingress answers; any host when absent"`
}

// FieldRules constrains the settings.
func (Settings) FieldRules() spec.Rules {
	return spec.Rules{
		"controller": spec.OneOf(NGINX, AGIC, AGC, AppRouting, Istio),
		"domain":     spec.Pattern(`^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$`, 253, "a host name such as shop.example.com"),
	}
}

// Profile defaults: NGINX in dev, the Application Gateway in prod.
const (
	devProfile  = "controller: nginx\n"
	prodProfile = "controller: agic\n"
)

func section() spec.Section {
	return spec.Section{
		Kind:        Name,
		SettingsKey: "ingress", Settings: reflect.TypeFor[Settings](),
		Profiles: map[string]string{"dev": devProfile, "prod": prodProfile},
	}
}

// Of is the ingress settings of an environment of the spec, for the
// blocks that share the key.
func Of(e spec.Environment) Settings {
	if st, ok := spec.Block[Settings](e.Blocks, Name); ok {
		return *st
	}
	return Settings{}
}
