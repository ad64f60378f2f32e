package generate

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"gopkg.in/yaml.v3"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/k8s"
	"github.com/physarch/physarch/internal/render/terraform"
)

// manifest is the part of a Kubernetes object the one-truth test reads.
type manifest struct {
	Kind     string
	Metadata struct{ Name string }
	Spec     struct {
		Replicas    *int
		MinReplicas int `yaml:"minReplicas"`
		MaxReplicas int `yaml:"maxReplicas"`
		Ports       []struct{ Port int }
		Template    struct {
			Spec struct {
				Containers []struct {
					Name      string
					Resources struct {
						Requests map[string]string
						Limits   map[string]string
					}
				}
			}
		}
	}
}

// readManifests reads replicas, HPA bounds, requests/limits and ports from
// the generated Kubernetes YAML (base and overlays).
func readManifests(t *testing.T, f facts, pl *plan.Plan, file string, data []byte) {
	t.Helper()
	rel := strings.TrimPrefix(file, k8s.Dir+"/")
	env := ""
	if strings.HasPrefix(rel, "overlays/") {
		env = strings.Split(rel, "/")[1]
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var m manifest
		err := dec.Decode(&m)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		switch m.Kind {
		case "HorizontalPodAutoscaler":
			f.add("replicas "+env+"/"+m.Metadata.Name, file, span(m.Spec.MinReplicas, m.Spec.MaxReplicas))
		case "Deployment", "StatefulSet":
			if m.Kind == "Deployment" && m.Spec.Replicas != nil {
				t.Errorf("%s: Deployment %s sets replicas; the HPA owns the count", file, m.Metadata.Name)
			}
			for _, c := range m.Spec.Template.Spec.Containers {
				r := c.Resources
				if env != "" && len(r.Requests) > 0 {
					f.add("resources "+env+"/"+c.Name, file, strings.Join([]string{r.Requests["cpu"], r.Requests["memory"], r.Limits["cpu"], r.Limits["memory"]}, "/"))
				}
			}
		case "Service":
			if env == "" && len(m.Spec.Ports) > 0 {
				for _, e := range pl.Envs {
					f.add("port "+e.Name+"/"+m.Metadata.Name, file, fmt.Sprint(m.Spec.Ports[0].Port))
				}
			}
		}
	}
}

// readTerraform reads node pools, VM sizes, subnets, the VNet, the
// PostgreSQL SKU and the queues from a generated .tf file, parsed with
// HCL's own parser.
func readTerraform(t *testing.T, f facts, file string, data []byte) {
	t.Helper()
	env := strings.Split(strings.TrimPrefix(file, terraform.Dir+"/"), "/")[0]
	parsed, diags := hclsyntax.ParseConfig(data, file, hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("%s: %s", file, diags.Error())
	}
	body := parsed.Body.(*hclsyntax.Body)
	lit := func(b *hclsyntax.Body, name string) (cty.Value, bool) {
		a, ok := b.Attributes[name]
		if !ok {
			return cty.NilVal, false
		}
		v, d := a.Expr.Value(nil)
		if d.HasErrors() {
			return cty.NilVal, false // a reference, not a literal
		}
		return v, true
	}
	str := func(b *hclsyntax.Body, name string) string {
		if v, ok := lit(b, name); ok && v.Type() == cty.String {
			return v.AsString()
		}
		if v, ok := lit(b, name); ok && v.Type() == cty.Number {
			return v.AsBigFloat().String()
		}
		if v, ok := lit(b, name); ok && v.CanIterateElements() && v.LengthInt() > 0 {
			return v.AsValueSlice()[0].AsString()
		}
		return ""
	}
	nodes := func(b *hclsyntax.Body) string {
		if n := str(b, "node_count"); n != "" {
			return n
		}
		return span(atoi(str(b, "min_count")), atoi(str(b, "max_count")))
	}
	var queues []string
	for _, blk := range body.Blocks {
		if blk.Type != "resource" || len(blk.Labels) != 2 {
			continue
		}
		b := blk.Body
		switch blk.Labels[0] {
		case "azurerm_kubernetes_cluster":
			for _, c := range b.Blocks {
				if c.Type == "default_node_pool" {
					p := str(c.Body, "name")
					f.add("nodes "+env+"/"+p, file, nodes(c.Body))
					f.add("vm "+env+"/"+p, file, str(c.Body, "vm_size"))
				}
			}
		case "azurerm_kubernetes_cluster_node_pool":
			p := str(b, "name")
			f.add("nodes "+env+"/"+p, file, nodes(b))
			f.add("vm "+env+"/"+p, file, str(b, "vm_size"))
		case "azurerm_subnet":
			f.add("subnet "+env+"/"+str(b, "name"), file, str(b, "address_prefixes"))
		case "azurerm_virtual_network":
			f.add("vnet "+env, file, str(b, "address_space"))
		case "azurerm_postgresql_flexible_server":
			f.add("pgsku "+env, file, str(b, "sku_name"))
		case "azurerm_redis_cache":
			f.add("redissku "+env, file, str(b, "family")+str(b, "capacity"))
		case "azurerm_managed_redis":
			_, size, _ := strings.Cut(str(b, "sku_name"), "_") // Balanced_B5
			f.add("redissku "+env, file, size)
		case "azurerm_network_security_group":
			for _, r := range b.Blocks {
				if r.Type == "security_rule" {
					var ps []string
					if ports, ok := lit(r.Body, "destination_port_ranges"); ok && !ports.IsNull() {
						for _, p := range ports.AsValueSlice() {
							ps = append(ps, p.AsString())
						}
					} else {
						ps = []string{str(r.Body, "destination_port_range")} // "*"
					}
					f.add("nsg "+env+"/"+str(b, "name")+"/"+str(r.Body, "name"), file,
						strings.Join([]string{str(r.Body, "direction"), strings.Join(ps, ","), str(r.Body, "source_address_prefix"), str(r.Body, "destination_address_prefix")}, " "))
				}
			}
		case "azurerm_servicebus_queue", "azurerm_servicebus_topic":
			queues = append(queues, str(b, "name"))
		}
	}
	if len(queues) > 0 {
		f.add("queues "+env, file, strings.Join(sorted(queues), ","))
	}
}
