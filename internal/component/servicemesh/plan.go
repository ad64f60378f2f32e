package servicemesh

import (
	"strconv"

	"github.com/physarch/physarch/internal/component/apimanagement"
	"github.com/physarch/physarch/internal/component/appgateway"
	"github.com/physarch/physarch/internal/component/ingress"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Kind is the service mesh block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// ControlPlaneNamespace is where the add-on runs istiod, and XDSPort the
// port the sidecars fetch their configuration and certificates from.
const (
	ControlPlaneNamespace = "aks-istio-system"
	XDSPort               = 15012
)

// The add-on's ingress gateways.
const (
	Internal = "internal"
	External = "external"
)

// Component is the environment's mesh.
type Component struct {
	Revision string
	// The sidecar's requests and limits, in millicores and MiB.
	CPUM, MemMiB, CPULimitM, MemLimitMiB int
	// Meshed are the services whose pods get a sidecar (every one but
	// the cronjobs), in spec order; Routed those of them with a route,
	// whose own port the ingress reaches from outside the mesh.
	Meshed []plan.Service
	Routed []plan.Service
	// Gateway is the add-on's ingress gateway that is on ("internal",
	// "external" or ""): where the environment's controller is istio.
	Gateway string
}

// ID implements plan.Component.
func (*Component) ID() string { return Name }

// Plan implements plan.Kind: the mesh where the environment turns it on.
func (Kind) Plan(c *plan.Context) plan.Component {
	st := plan.Settings[Settings](c, Name)
	if st.Mode != Istio {
		return nil
	}
	x := &Component{Revision: st.Revision, CPUM: st.SidecarCPUMillis, MemMiB: st.SidecarMemoryMiB,
		CPULimitM: st.SidecarCPULimitMillis, MemLimitMiB: st.SidecarMemoryLimitMiB}
	// With the mesh's own gateway as the controller the ingress is in the
	// mesh and reaches the services with mutual TLS: no port needs to
	// stay PERMISSIVE, unless API Management reaches them from outside.
	outside := true
	if plan.Settings[ingress.Settings](c, ingress.Name).Controller == ingress.Istio {
		x.Gateway = External
		if plan.Settings[appgateway.Settings](c, appgateway.Name).BehindGateway {
			x.Gateway = Internal
		}
		apim := plan.Settings[apimanagement.Settings](c, apimanagement.Name)
		outside = apim.Tier != "" && apim.Tier != "none"
	}
	for _, sv := range c.Plan.Services {
		if sv.Kind == spec.WorkloadCronJob {
			continue
		}
		x.Meshed = append(x.Meshed, sv)
		if sv.Route != "" && outside {
			x.Routed = append(x.Routed, sv)
		}
	}
	return x
}

// Sidecar implements plan.Sidecared: the proxy's requests and limits, as
// the pods' annotations write them.
func (x *Component) Sidecar() plan.Sidecar {
	return plan.Sidecar{CPURequest: x.cpu(), MemRequest: x.mem(), CPULimit: x.cpuLimit(), MemLimit: x.memLimit()}
}

func (x *Component) cpu() string      { return strconv.Itoa(x.CPUM) + "m" }
func (x *Component) mem() string      { return strconv.Itoa(x.MemMiB) + "Mi" }
func (x *Component) cpuLimit() string { return strconv.Itoa(x.CPULimitM) + "m" }
func (x *Component) memLimit() string { return strconv.Itoa(x.MemLimitMiB) + "Mi" }

// itoa is strconv.Itoa, for the spec paths.
func itoa(i int) string { return strconv.Itoa(i) }
