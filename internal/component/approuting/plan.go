package approuting

import (
	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/component/appgateway"
	"github.com/physarch/physarch/internal/component/ingress"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Kind is the application routing block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Component is the environment's managed NGINX.
type Component struct {
	// Domain is the host the Ingress answers ("" for any).
	Domain string
	// RateLimit is NGINX's per-client limit in requests a minute (0 off).
	RateLimit int
	// TLS serves the Key Vault certificate Certificate (imported by
	// Terraform from the operator's .pfx) on 443, which the add-on syncs
	// into the Secret TLSSecret; without, NGINX answers HTTP on 80.
	TLS                    bool
	Certificate, TLSSecret string
	// Internal is the default controller on an internal load balancer
	// behind the Application Gateway (ingress.behindGateway), which then
	// holds the certificate, the WAF and the client's limit: NGINX takes
	// plain HTTP from it inside the VNet.
	Internal bool
	// ProbePath is, behind the gateway, the path its probe asks for and
	// ProbeService the service that serves it ("" for none).
	ProbePath, ProbeService string
}

// ID implements plan.Component: NGINX is the end of every ingress flow.
func (*Component) ID() string { return plan.IngressName }

// Plan implements plan.Kind: managed NGINX where the environment chose
// it; TLS where end-to-end TLS is asked for and Key Vault holds the
// certificate.
func (Kind) Plan(c *plan.Context) plan.Component {
	in := plan.Settings[ingress.Settings](c, ingress.Name)
	if in.Controller != ingress.AppRouting {
		return nil
	}
	gw := plan.Settings[appgateway.Settings](c, appgateway.Name)
	if gw.BehindGateway {
		// NGINX sees only the gateway's addresses: a per-client limit
		// here would limit the gateway, so the edge in front keeps it.
		x := &Component{Domain: in.Domain, Internal: true}
		x.ProbePath, x.ProbeService = plan.EdgeProbe(c.Plan.Services)
		return x
	}
	x := &Component{Domain: in.Domain, RateLimit: gw.RateLimitPerMinute}
	if asked, vault := appgateway.TLSVault(c.Doc.Spec.Environments[c.Index]); asked && vault {
		x.TLS = true
		x.Certificate = c.Name("Key Vault certificate", naming.KeyVaultSecret("cert-nginx-"+c.Plan.Name+"-"+c.Env.Name))
		// The add-on names the Secret it syncs keyvault-<Ingress name>.
		x.TLSSecret = "keyvault-" + c.Plan.Name
	}
	return x
}

// EdgeTier implements plan.Edge: the region's entry.
func (*Component) EdgeTier() int { return plan.EdgeRegional }

// GatewayBackend implements appgateway.Backend: behind the Application
// Gateway, the default controller's Service (named after the
// controller's prefix, nginx, in the add-on's namespace) on port 80.
func (*Component) GatewayBackend() appgateway.BackendService {
	return appgateway.BackendService{Namespace: Namespace, Service: "nginx", Port: 80}
}
