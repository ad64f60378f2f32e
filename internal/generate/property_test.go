package generate

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/component/appgateway"
	"github.com/physarch/physarch/internal/component/frontdoor"
	"github.com/physarch/physarch/internal/component/keyvault"
	"github.com/physarch/physarch/internal/component/loganalytics"
	"github.com/physarch/physarch/internal/component/postgresql"
	"github.com/physarch/physarch/internal/component/redis"
	"github.com/physarch/physarch/internal/component/registry"
	"github.com/physarch/physarch/internal/component/servicebus"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"gopkg.in/yaml.v3"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testspec"
)

// nonFinite finds a NaN or infinity printed as a figure.
var nonFinite = regexp.MustCompile(`\bNaN\b|[+-]Inf\b|\bInf\b`)

// checkPipeline builds a generated spec and asserts what must hold for
// every valid spec: every YAML and HCL file parses, no figure is NaN or
// infinite, costs are non-negative, availability is at most 100%, and the
// output is the same twice.
func checkPipeline(t *testing.T, seed uint64) {
	src := testspec.Random(seed)
	name := fmt.Sprintf("random-%d.yaml", seed)
	pl, files, err := Spec(name, src, Options{Lang: md.Ko})
	if err != nil {
		t.Fatalf("seed %d: a valid spec does not build: %v\n%s", seed, err, src)
	}
	for _, f := range files {
		if m := nonFinite.Find(f.Data); m != nil {
			t.Errorf("seed %d: %s prints %q", seed, f.Path, m)
		}
		switch path.Ext(f.Path) {
		case ".yaml", ".yml":
			if err := parseYAML(f.Data); err != nil {
				t.Errorf("seed %d: %s is not YAML: %v", seed, f.Path, err)
			}
		case ".tf":
			if _, diags := hclsyntax.ParseConfig(f.Data, f.Path, hcl.InitialPos); diags.HasErrors() {
				t.Errorf("seed %d: %s is not HCL: %v", seed, f.Path, diags)
			}
		}
	}
	checkFigures(t, seed, pl)
	checkNames(t, seed, pl, files)
	_, again, err := Spec(name, src, Options{Lang: md.Ko})
	if err != nil || !sameFiles(files, again) {
		t.Errorf("seed %d: a second build differs (%v)", seed, err)
	}
}

func parseYAML(b []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	for {
		var v any
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func checkFigures(t *testing.T, seed uint64, pl *plan.Plan) {
	prices, err := azure.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	reps, err := cost.Estimate(pl, prices)
	if err != nil {
		t.Fatalf("seed %d: pricing: %v", seed, err)
	}
	ok := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) && v >= 0 }
	for _, r := range reps {
		if !ok(r.TotalMin) || !ok(r.TotalMax) || r.TotalMax < r.TotalMin {
			t.Errorf("seed %d: %s total %v–%v", seed, r.Env, r.TotalMin, r.TotalMax)
		}
		for _, c := range r.Components {
			if !ok(c.MonthlyMin) || !ok(c.MonthlyMax) || !ok(c.UnitPrice) || !ok(c.Quantity) {
				t.Errorf("seed %d: %s %s costs %v–%v (%v × %v)", seed, r.Env, c.Name, c.MonthlyMin, c.MonthlyMax, c.Quantity, c.UnitPrice)
			}
		}
	}
	pct := func(v float64) bool { return !math.IsNaN(v) && v >= 0 && v <= 100 }
	for _, a := range availability.Estimate(pl) {
		if !pct(a.Percent) || a.Downtime < 0 {
			t.Errorf("seed %d: %s composite %v%%, downtime %v", seed, a.Env, a.Percent, a.Downtime)
		}
		for _, rt := range a.Routes {
			if !pct(rt.Percent) {
				t.Errorf("seed %d: %s route %s %v%%", seed, a.Env, rt.Route, rt.Percent)
			}
		}
		for _, c := range a.Components {
			if !pct(c.Percent) {
				t.Errorf("seed %d: %s component %s SLA %v%%", seed, a.Env, c.Name, c.Percent)
			}
		}
	}
}

// checkNames holds every Azure name of the plan and every Kubernetes
// object name and namespace in the manifests to its platform's rule.
func checkNames(t *testing.T, seed uint64, pl *plan.Plan, files []render.File) {
	valid := func(kind, name string) {
		r, ok := naming.RuleFor(kind)
		if !ok {
			t.Fatalf("no naming rule %q", kind)
		}
		if err := r.Valid(name); err != nil {
			t.Errorf("seed %d: %s %q: %v", seed, kind, name, err)
		}
	}
	for _, e := range pl.Envs {
		n := e.Names
		for kind, name := range map[string]string{
			"resource group": n.ResourceGroup, "AKS cluster": n.Cluster, "AKS DNS prefix": n.DNSPrefix,
			"virtual network":      n.VNet,
			"Kubernetes namespace": e.Namespace, "Kubernetes object name": n.SecretProvider,
		} {
			valid(kind, name)
		}
		for _, s := range e.Network.Subnets {
			valid("subnet", s.Name)
		}
		if pg, ok := plan.Find[*postgresql.Component](e); ok && pg.Flexible() {
			valid("PostgreSQL flexible server", pg.Server)
		}
		if b, ok := plan.Find[*servicebus.Component](e); ok {
			valid("Service Bus namespace", b.Namespace)
		}
		if r, ok := plan.Find[*redis.Component](e); ok && r.Managed() {
			kind := "Azure Cache for Redis"
			if r.AMR() {
				kind = "Azure Managed Redis"
			}
			valid(kind, r.Cache)
			if r.Backup != "" {
				valid("storage account", r.Backup)
			}
		}
		if gw, ok := plan.Find[*appgateway.Component](e); ok {
			valid("Application Gateway", gw.Gateway)
			valid("public IP address", gw.PublicIP)
			valid("WAF policy", gw.WAFPolicy)
		}
		if fd, ok := plan.Find[*frontdoor.Component](e); ok && fd.Origin != "" {
			valid("Front Door profile", fd.Profile)
			valid("Front Door endpoint", fd.Endpoint)
		}
		if r, ok := plan.Find[*registry.Component](e); ok {
			valid("container registry", r.Registry)
		}
		if m, ok := plan.Find[*loganalytics.Component](e); ok && m.Workspace {
			valid("Log Analytics workspace", m.WorkspaceName)
			if m.AppInsights {
				valid("Application Insights", m.InsightsName)
			}
		}
		if kv, ok := plan.Find[*keyvault.Component](e); ok {
			valid("Key Vault", kv.Vault)
		}
	}
	for _, f := range files {
		if path.Ext(f.Path) != ".yaml" || !strings.HasPrefix(f.Path, "deploy/k8s/") || path.Base(f.Path) == "kustomization.yaml" {
			continue
		}
		dec := yaml.NewDecoder(bytes.NewReader(f.Data))
		for {
			var obj struct {
				Metadata struct{ Name, Namespace string }
			}
			if err := dec.Decode(&obj); err != nil {
				break
			}
			if obj.Metadata.Name != "" {
				valid("Kubernetes object name", obj.Metadata.Name)
			}
			if obj.Metadata.Namespace != "" {
				valid("Kubernetes namespace", obj.Metadata.Namespace)
			}
		}
	}
}

func sameFiles(a, b []render.File) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			return false
		}
	}
	return true
}

// TestPipelineProperties runs the property over a fixed set of seeds on
// every `go test`; FuzzPipeline explores further in the full test run.
func TestPipelineProperties(t *testing.T) {
	n := uint64(40)
	if testing.Short() {
		n = 5
	}
	for seed := range n {
		checkPipeline(t, seed)
	}
}

// FuzzPipeline: any seed's spec builds, and its output keeps the
// properties of checkPipeline.
func FuzzPipeline(f *testing.F) {
	for seed := range uint64(5) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, seed uint64) { checkPipeline(t, seed) })
}
