package components_test

import (
	"reflect"
	"strings"
	"testing"

	networkingv1 "k8s.io/api/networking/v1"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/generate"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/diagram"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/k8s"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/terraform"
	"github.com/physarch/physarch/internal/spec"
)

// widget is a building block that exists only in this test. Registering
// it must be enough for it to appear in every output: no stage changes.
type widget struct{}

type widgetBacking struct {
	Size int `yaml:"size"`
}

func (widgetBacking) FieldRules() spec.Rules { return spec.Rules{"size": spec.Between(1, 10)} }

type widgetSettings struct {
	Tier string `yaml:"tier"`
}

func (widgetSettings) FieldRules() spec.Rules { return spec.Rules{"tier": spec.OneOf("Lite", "Max")} }

func (widget) Name() string { return "widget" }

func (widget) Section() spec.Section {
	return spec.Section{
		Kind:       "widget",
		BackingKey: "widget", Backing: reflect.TypeFor[widgetBacking](),
		SettingsKey: "widget", Settings: reflect.TypeFor[widgetSettings](),
		Profiles: map[string]string{"dev": "tier: Lite\n", "prod": "tier: Max\n"},
	}
}

func (widget) Plan(c *plan.Context) plan.Component {
	b, ok := plan.Backing[widgetBacking](c, "widget")
	if !ok {
		return nil
	}
	return &widgetComponent{Tier: plan.Settings[widgetSettings](c, "widget").Tier, Size: b.Size, first: c.Plan.Services[0].Name}
}

func (widget) Rules() []check.Rule {
	return []check.Rule{{ID: "ZZ001", Family: "availability", Severity: check.Warning, Title: "Widget on Lite in production",
		Rationale: "test", Fix: "Set widget.tier: Max.",
		Check: func(c *check.Context) []check.Finding {
			var out []check.Finding
			for _, e := range c.Plan.Envs {
				if w, ok := plan.Find[*widgetComponent](e); ok {
					out = append(out, check.At(e, c, "widget.tier", "widget %s", w.Tier))
				}
			}
			return out
		}}}
}

type widgetComponent struct {
	Tier  string
	Size  int
	first string
}

func (*widgetComponent) ID() string { return "widget" }

func (w *widgetComponent) Flows(_ *plan.Plan, _ *plan.Env, sv plan.Service) []plan.Flow {
	if sv.Name != w.first {
		return nil
	}
	return []plan.Flow{{From: sv.Name, To: "widget", Port: 7777, Proto: "TCP", Kind: "database"}}
}

func (w *widgetComponent) CostLines(*plan.Env) []cost.Line {
	n := float64(w.Size)
	return []cost.Line{{Category: "database", Name: "Widget disks", SKU: "E4", Meter: azure.Meter{Service: "Storage", Sku: "E4 LRS"}, Qty: n, QtyMax: n, Unit: "disk-month", PerMonth: 1}}
}

func (w *widgetComponent) ServiceLinks(_ *plan.Env, sv plan.Service, _ availability.Nodes) []availability.PathLink {
	if sv.Name != w.first {
		return nil
	}
	return []availability.PathLink{{Name: "Widget", Config: w.Tier, Key: "keyvault"}}
}

func (w *widgetComponent) Data(d *md.Doc, _ *plan.Env, s *docs.Sections) {
	s.Next("Widget")
	d.P("widget-marker-" + w.Tier)
}

func (w *widgetComponent) Draw(diagram.View) diagram.Drawing {
	return diagram.Drawing{Entry: "Widget", Managed: []diagram.Shape{{ID: "Widget", Label: "Widget " + w.Tier, DB: true}}}
}

func (w *widgetComponent) Peer(k8s.Context) networkingv1.NetworkPolicyPeer {
	return k8s.BlockPeer("10.99.0.0/24")
}

func (w *widgetComponent) Variables(m terraform.Module) {
	m.Variable("widget_name", "string", "Widget.", "widget-"+w.Tier)
}

func (w *widgetComponent) Terraform(m terraform.Module) {
	b := m.Resource("azurerm_resource_group", "widget")
	b.Expr("name", "var.widget_name")
	b.Expr("location", "azurerm_resource_group.main.location")
}

func (w *widgetComponent) Outputs(m terraform.Module) {
	m.Output("widget_id", "azurerm_resource_group.widget.id", "Widget.")
}

// TestAFakeKindReachesEveryStage registers the widget in a test and finds
// it in the plan, the documents, the diagrams, the manifests, Terraform,
// cost, sla, check and the JSON Schema.
func TestAFakeKindReachesEveryStage(t *testing.T) {
	kinds := append(components.All(), widget{})
	loader := spec.Loader{Sections: components.Sections(kinds)}
	p, data, err := examples.Spec("phonebill")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "backing:\n", "backing:\n  widget: {size: 3}\n", 1)
	doc, err := loader.Load(p, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := plan.Build(doc, kinds...)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range pl.Envs {
		if _, ok := e.Component("widget"); !ok {
			t.Errorf("plan: %s has no widget", e.Name)
		}
	}
	files, err := generate.Files(pl, generate.Options{Lang: md.Ko})
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]string{}
	for _, f := range files {
		byPath[f.Path] = string(f.Data)
	}
	contains := func(where, suffix, want string) {
		t.Helper()
		for path, data := range byPath {
			if strings.HasSuffix(path, suffix) && strings.Contains(data, want) {
				return
			}
		}
		t.Errorf("%s: no file ending %s contains %q", where, suffix, want)
	}
	contains("documents", "physical-architecture-prod.md", "widget-marker-Max")
	contains("documents", "physical-architecture-dev.md", "widget-marker-Lite")
	contains("diagrams", "network-prod.mmd", "Widget Max")
	contains("diagrams", "physical-architecture-prod.mmd", `-->|"TCP:7777"| Widget`)
	contains("manifests", "network-policies.yaml", "10.99.0.0/24")
	contains("Terraform", "prod/main.tf", `resource "azurerm_resource_group" "widget"`)
	contains("Terraform", "prod/variables.tf", `variable "widget_name"`)

	prices, err := azure.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	reports, err := cost.Estimate(pl, prices)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reports {
		found := false
		for _, c := range r.Components {
			found = found || c.Name == "Widget disks"
		}
		if !found {
			t.Errorf("cost: %s has no widget row", r.Env)
		}
	}
	for _, r := range availability.Estimate(pl) {
		found := false
		for _, c := range r.Components {
			found = found || c.Name == "Widget"
		}
		if !found {
			t.Errorf("sla: %s has no widget link", r.Env)
		}
	}
	reg := components.Checks()
	reg.Add(widget{}.Rules()...)
	c, err := check.NewContext(doc, pl, prices)
	if err != nil {
		t.Fatal(err)
	}
	fired := 0
	for _, f := range reg.Run(c, check.Config{}) {
		if f.Rule == "ZZ001" {
			fired++
		}
	}
	if fired != len(pl.Envs) {
		t.Errorf("check: ZZ001 fired %d times, want %d", fired, len(pl.Envs))
	}
	schema, err := loader.Schema()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(schema), `"widget"`) {
		t.Error("the JSON Schema has no widget section")
	}
}
