// Package servicemesh is the Istio-based service mesh add-on of AKS as an
// option (environments[].serviceMesh): the cluster's service_mesh_profile
// with one revision, a sidecar in the pods of every long-running service
// (selected by the pod label istio.io/rev, sized by annotations, counted
// in the node packing and the namespaces' quotas), and STRICT mutual TLS
// in each namespace (PeerAuthentication), with the one exception the
// ingress needs: a routed service's own port stays PERMISSIVE, since the
// ingress controllers and API Management are outside the mesh.
package servicemesh

import (
	"reflect"

	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's name and ID.
const Name = "servicemesh"

// Modes.
const (
	None  = "none"
	Istio = "istio"
)

// Settings are environments[].serviceMesh.
type Settings struct {
	Mode     string `yaml:"mode" jsonschema_description:"none, or istio (the AKS Istio-based service mesh add-on)"`
	Revision string `yaml:"revision" jsonschema_description:"the add-on's Istio revision, such as asm-1-26"`
	// The sidecar's requests and limits: what each injected proxy
	// reserves, counted in the node packing and the quotas.
	SidecarCPUMillis      int `yaml:"sidecarCPUMillis" jsonschema_description:"CPU each sidecar requests, in millicores (Istio's default 100)"`
	SidecarMemoryMiB      int `yaml:"sidecarMemoryMiB" jsonschema_description:"memory each sidecar requests, in MiB (Istio's default 128)"`
	SidecarCPULimitMillis int `yaml:"sidecarCPULimitMillis" jsonschema_description:"CPU limit of each sidecar, in millicores"`
	SidecarMemoryLimitMiB int `yaml:"sidecarMemoryLimitMiB" jsonschema_description:"memory limit of each sidecar, in MiB"`
}

// FieldRules constrains the settings.
func (Settings) FieldRules() spec.Rules {
	return spec.Rules{
		"mode":                  spec.OneOf(None, Istio),
		"revision":              spec.Pattern(`^asm-1-[0-9]{2}$`, 10, "an AKS Istio revision such as asm-1-26 (az aks mesh get-revisions)"),
		"sidecarCPUMillis":      spec.Between(0, 4000).WithHint("millicores, 0 to 4,000; Istio's default request is 100"),
		"sidecarMemoryMiB":      spec.Between(0, 8192).WithHint("MiB, 0 to 8,192; Istio's default request is 128"),
		"sidecarCPULimitMillis": spec.Between(1, 8000).WithHint("millicores, 1 to 8,000"),
		"sidecarMemoryLimitMiB": spec.Between(1, 16384).WithHint("MiB, 1 to 16,384"),
	}
}

// Profile defaults: no mesh; when on, Istio's default proxy requests
// (100m CPU, 128Mi memory, from Istio's global.proxy.resources) and
// limits of 500m and 256Mi, physarch's, so that the namespaces' limit
// ranges stay near the services' own.
const profile = `mode: none
revision: asm-1-26
sidecarCPUMillis: 100
sidecarMemoryMiB: 128
sidecarCPULimitMillis: 500
sidecarMemoryLimitMiB: 256
`

func section() spec.Section {
	return spec.Section{
		Kind:        Name,
		SettingsKey: "serviceMesh", Settings: reflect.TypeFor[Settings](),
		Profiles: map[string]string{"dev": profile, "prod": profile},
		Validate: validate,
	}
}

// validate checks the limits against the requests.
func validate(v *spec.Validation) {
	for i, e := range v.Spec().Environments {
		st, ok := spec.Block[Settings](e.Blocks, Name)
		if e.Profile == "" || !ok || st.Mode != Istio {
			continue
		}
		p := "environments[" + itoa(i) + "].serviceMesh"
		if st.SidecarCPULimitMillis < st.SidecarCPUMillis {
			v.Fail(p+".sidecarCPULimitMillis", "make the limit at least the request", "sidecar CPU limit %dm is below its request %dm", st.SidecarCPULimitMillis, st.SidecarCPUMillis)
		}
		if st.SidecarMemoryLimitMiB < st.SidecarMemoryMiB {
			v.Fail(p+".sidecarMemoryLimitMiB", "make the limit at least the request", "sidecar memory limit %dMi is below its request %dMi", st.SidecarMemoryLimitMiB, st.SidecarMemoryMiB)
		}
	}
}
