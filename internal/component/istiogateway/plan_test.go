package istiogateway_test

import (
	"slices"
	"testing"

	"github.com/physarch/physarch/internal/component/appgateway"
	"github.com/physarch/physarch/internal/component/istiogateway"
	"github.com/physarch/physarch/internal/component/servicemesh"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
)

// TestBehindTheGateway: behind the Application Gateway the mesh turns on
// its internal gateway only, no port stays PERMISSIVE (the gateway is in
// the mesh), the gateway's pool is the internal gateway's Service, the
// node subnet admits the gateway on that Service's port alone, and no
// public address is priced for the Istio gateway.
func TestBehindTheGateway(t *testing.T) {
	doc, err := components.Load("physarch.yaml", []byte(shopSpec("behindGateway: true", "")))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatal(err)
	}
	e := pl.Envs[0]
	x, ok := plan.Find[*istiogateway.Component](e)
	if !ok || !x.Internal || x.TLS || x.PublicIPs() != 0 {
		t.Fatalf("gateway %+v: want the internal one, without TLS of its own or a public address", x)
	}
	mesh, ok := plan.Find[*servicemesh.Component](e)
	if !ok || mesh.Gateway != servicemesh.Internal || len(mesh.Routed) != 0 {
		t.Errorf("mesh %+v: want the internal gateway on and no PERMISSIVE port", mesh)
	}
	if _, ok := plan.Find[*appgateway.Fronting](e); !ok {
		t.Fatal("no Application Gateway in front")
	}
	if b := x.GatewayBackend(); b.Service != istiogateway.InternalService || b.Namespace != istiogateway.Namespace || b.Port != 80 {
		t.Errorf("backend %+v", b)
	}
	var found bool
	for _, r := range e.SecurityRules {
		if r.Name == "AllowAppGateway" {
			found = true
			if !slices.Equal(r.Ports, []string{"80"}) {
				t.Errorf("AllowAppGateway ports %v, want only the gateway Service's 80", r.Ports)
			}
		}
	}
	if !found {
		t.Error("the node subnet does not admit the Application Gateway")
	}
}

// TestExternalGateway: without the Application Gateway in front the mesh
// turns on its external gateway, priced as one public address.
func TestExternalGateway(t *testing.T) {
	doc, err := components.Load("physarch.yaml", []byte(shopSpec("frontDoor: none, waf: false", "")))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatal(err)
	}
	e := pl.Envs[0]
	x, _ := plan.Find[*istiogateway.Component](e)
	mesh, _ := plan.Find[*servicemesh.Component](e)
	if x == nil || x.Internal || x.PublicIPs() != 1 || mesh == nil || mesh.Gateway != servicemesh.External {
		t.Errorf("gateway %+v, mesh %+v: want the external gateway", x, mesh)
	}
	if _, ok := plan.Find[*appgateway.Fronting](e); ok {
		t.Error("an Application Gateway in front of the external gateway")
	}
}
