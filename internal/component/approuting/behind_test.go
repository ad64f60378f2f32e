package approuting_test

import (
	"testing"

	"github.com/physarch/physarch/internal/component/appgateway"
	"github.com/physarch/physarch/internal/component/approuting"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
)

// TestBehindTheGateway: with behindGateway the production NGINX is the
// add-on's internal controller, without TLS or a limit of its own (the
// gateway in front holds them, and NGINX sees only its addresses), with
// the edge's probe path routed; the Application Gateway is in front of
// it, not the controller, and its pool is NGINX's Service; no public
// address is priced for NGINX.
func TestBehindTheGateway(t *testing.T) {
	doc, err := components.Load("physarch.yaml", []byte(shopSpec("behindGateway: true", "")))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatal(err)
	}
	e := pl.Envs[1]
	x, ok := plan.Find[*approuting.Component](e)
	if !ok {
		t.Fatal("no application routing in prod")
	}
	if !x.Internal || x.TLS || x.RateLimit != 0 || x.PublicIPs() != 0 {
		t.Errorf("NGINX %+v: want internal, no TLS, no limit, no public address", x)
	}
	if p, s := x.IngressProbe(); p != "/healthz" || s != "api" {
		t.Errorf("probe %q → %q, want /healthz → api", p, s)
	}
	if _, ok := plan.Find[*appgateway.Fronting](e); !ok {
		t.Fatal("no Application Gateway in front of NGINX")
	}
	if _, ok := plan.Find[*appgateway.Component](e); ok {
		t.Error("AGIC planned beside NGINX")
	}
	if c, ok := e.Component(plan.IngressName); !ok || c != plan.Component(x) {
		t.Errorf("the ingress flows end at %v, want NGINX", c)
	}
	if b := x.GatewayBackend(); b.Namespace != approuting.Namespace || b.Service != "nginx" || b.Port != 80 {
		t.Errorf("backend %+v, want app-routing-system/nginx:80", b)
	}
	dev, _ := plan.Find[*approuting.Component](pl.Envs[0])
	if dev == nil || dev.Internal {
		t.Errorf("dev NGINX %+v, want the public one", dev)
	}
}
