package components_test

import (
	"errors"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/generate"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/spec"
)

// gadget is a building block of this test with two private endpoints to
// one resource, told apart by their keys (the second's is set, the
// first's defaults to the subresource).
type gadget struct{ keys [2]string }

type gadgetBacking struct {
	Size int `yaml:"size"`
}

func (gadgetBacking) FieldRules() spec.Rules { return spec.Rules{} }

func (gadget) Name() string { return "gadget" }

func (gadget) Section() spec.Section {
	return spec.Section{Kind: "gadget", BackingKey: "gadget", Backing: reflect.TypeFor[gadgetBacking]()}
}

func (g gadget) Plan(c *plan.Context) plan.Component {
	if _, ok := plan.Backing[gadgetBacking](c, "gadget"); !ok {
		return nil
	}
	return &gadgetComponent{keys: g.keys}
}

type gadgetComponent struct{ keys [2]string }

func (*gadgetComponent) ID() string { return "gadget" }

func (g *gadgetComponent) PrivateEndpoints() []plan.PrivateEndpoint {
	return []plan.PrivateEndpoint{
		{Service: "gadget", Key: g.keys[0], Title: "Gadget", Subresource: "vault", DNSZone: "privatelink.vaultcore.azure.net", Ports: []int{443}},
		{Service: "gadget", Key: g.keys[1], Title: "Gadget", Subresource: "vault", DNSZone: "privatelink.vaultcore.azure.net", IPs: 3, Ports: []int{443}},
	}
}

func (*gadgetComponent) PrivateLinkTarget(plan.PrivateEndpoint) string {
	return "azurerm_resource_group.main.id"
}

// planGadget plans phonebill with a gadget in its backing.
func planGadget(t *testing.T, g gadget) (*plan.Plan, error) {
	t.Helper()
	kinds := append(components.All(), g)
	loader := spec.Loader{Sections: components.Sections(kinds)}
	p, data, err := examples.Spec("phonebill")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "backing:\n", "backing:\n  gadget: {size: 1}\n", 1)
	doc, err := loader.Load(p, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return plan.Build(doc, kinds...)
}

// TestTwoEndpointsOfOneComponent: a component with two private endpoints
// gets two names and two Terraform endpoints, each drawn and listed, its
// first keeping the names a single endpoint has always had. Before the
// fix both were pe-gadget-phonebill-prod and azurerm_private_endpoint.gadget.
func TestTwoEndpointsOfOneComponent(t *testing.T) {
	pl, err := planGadget(t, gadget{keys: [2]string{"", "replica"}})
	if err != nil {
		t.Fatal(err)
	}
	var prod *plan.Env
	for _, e := range pl.Envs {
		if e.Name == "prod" {
			prod = e
		}
	}
	var names []string
	for _, p := range prod.PrivateEndpoints {
		if p.Service == "gadget" {
			names = append(names, p.Handle+" "+p.Key+" "+p.Name)
		}
	}
	want := []string{"gadget vault pe-gadget-phonebill-prod", "gadget-replica replica pe-gadget-replica-phonebill-prod"}
	if strings.Join(names, ", ") != strings.Join(want, ", ") {
		t.Errorf("gadget's endpoints %q, want %q", names, want)
	}
	files, err := generate.Files(pl, generate.Options{Lang: md.En})
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]string{}
	for _, f := range files {
		byPath[f.Path] = string(f.Data)
	}
	mainTF := byPath["deploy/terraform/prod/main.tf"]
	labels := map[string]int{}
	for _, m := range regexp.MustCompile(`(?m)^resource "azurerm_private_endpoint" "([^"]+)"`).FindAllStringSubmatch(mainTF, -1) {
		labels[m[1]]++
	}
	for l, n := range labels {
		if n > 1 {
			t.Errorf("main.tf declares azurerm_private_endpoint.%s %d times", l, n)
		}
	}
	if labels["gadget"] != 1 || labels["gadget_replica"] != 1 {
		t.Errorf("main.tf's endpoints %v, want gadget and gadget_replica", labels)
	}
	for _, n := range []string{`name                = "pe-gadget-phonebill-prod"`, `name                = "pe-gadget-replica-phonebill-prod"`} {
		if !strings.Contains(mainTF, n) {
			t.Errorf("main.tf has no endpoint %s", n)
		}
	}
	for _, d := range []string{"network-prod.mmd", "physical-architecture-prod.mmd"} {
		src := byPath["design/backend/physical/"+d]
		for _, node := range []string{`pe_gadget[`, `pe_gadget_replica[`} {
			if strings.Count(src, node) != 1 {
				t.Errorf("%s draws %s %d times", d, node, strings.Count(src, node))
			}
		}
	}
	doc := byPath["design/backend/physical/physical-architecture-prod.md"]
	if strings.Count(doc, "| Gadget | snet-endpoints | privatelink.vaultcore.azure.net | vault |") != 2 {
		t.Error("the prod document's endpoints table does not list both gadget endpoints")
	}
	// The second takes three addresses, the first one: four in the subnet.
	sn, _ := prod.Network.Subnet("endpoints")
	if got := sn.Required - plan.EndpointAddresses(withoutGadget(prod.PrivateEndpoints)); got != 4 {
		t.Errorf("the gadget's endpoints take %d addresses of the subnet, want 4", got)
	}
}

func withoutGadget(eps []plan.PrivateEndpoint) []plan.PrivateEndpoint {
	var out []plan.PrivateEndpoint
	for _, p := range eps {
		if p.Service != "gadget" {
			out = append(out, p)
		}
	}
	return out
}

// TestEndpointsWithOneKey: two endpoints of one component with the same
// key would share a name; the plan refuses them with a positioned error
// instead of writing a module Azure rejects.
func TestEndpointsWithOneKey(t *testing.T) {
	_, err := planGadget(t, gadget{keys: [2]string{"", ""}})
	var errs spec.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("want plan errors, got %v", err)
	}
	if !strings.Contains(err.Error(), `gadget lists two private endpoints with the key "vault"`) {
		t.Errorf("error %q does not name the endpoints", err)
	}
}
