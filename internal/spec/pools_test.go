package spec

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// pools is a valid spec with a GPU pool in both environments, zonal in
// prod; the cases below break it one way each.
const pools = `apiVersion: physarch.dev/v1
kind: System
metadata: {name: shop, title: {en: Shop}}
cloud: azure
region: koreacentral
services:
  - name: api
    route: /api
    health: /health
  - name: inference
    route: /infer
    health: /health
    nodePool: gpu
environments:
  - name: dev
    profile: dev
    nodePools:
      gpu: {vmSize: Standard_NC4as_T4_v3, taints: ["sku=gpu:NoSchedule"]}
  - name: prod
    profile: prod
    nodePools:
      gpu:
        vmSize: Standard_NC4as_T4_v3
        zones: [1, 2]
        taints: ["sku=gpu:NoSchedule"]
        labels: {accelerator: nvidia-t4}
`

func TestLoadDedicatedPools(t *testing.T) {
	doc, err := testLoad("shop.yaml", []byte(pools))
	if err != nil {
		t.Fatalf("valid spec rejected: %v", err)
	}
	e := doc.Spec.Environments[1]
	gpu, ok := e.NodePools.Dedicated["gpu"]
	if !ok || gpu.VMSize != "Standard_NC4as_T4_v3" || len(gpu.Zones) != 2 || gpu.Labels["accelerator"] != "nvidia-t4" || gpu.Taints[0] != "sku=gpu:NoSchedule" {
		t.Errorf("prod gpu pool: %+v", gpu)
	}
	if e.NodePools.Apps.VMSize != "Standard_D4s_v3" || e.NodePools.System.Min != 3 {
		t.Errorf("the profile's system and apps pools were lost next to the dedicated one: %+v", e.NodePools)
	}
	if p := doc.At("environments[1].nodePools.gpu.zones"); p.Line != 24 {
		t.Errorf("zones position %v, want line 24", p)
	}
	if got := doc.Spec.Services[1].NodePool; got != "gpu" {
		t.Errorf("nodePool %q", got)
	}
}

// TestDedicatedPoolErrors: each mistake in a dedicated pool or a
// placement is one error at its position, with a hint.
func TestDedicatedPoolErrors(t *testing.T) {
	many := "    nodePools:\n"
	for i := range 11 {
		many += fmt.Sprintf("      p%d: {vmSize: Standard_D4s_v3}\n", i)
	}
	cases := []struct {
		name, old, new string
		line, col      int
		parts          []string
	}{
		{"misspelt nodePools", "    nodePools:\n      gpu:\n", "    nodePoolz:\n      gpu:\n", 21, 5, []string{`unknown key "nodePoolz"`, `did you mean "nodePools"`}},
		{"placement on a pool one environment lacks", "      gpu:\n        vmSize", "      gpux:\n        vmSize", 13, 15, []string{`node pool "gpu", where inference runs, is not declared in environment prod`, "declare nodePools.gpu in environment prod"}},
		{"placement on an unknown pool", "    nodePool: gpu\n", "    nodePool: gpuu\n", 13, 15, []string{`node pool "gpuu"`, `did you mean "gpu"`}},
		{"placement on the system pool", "    nodePool: gpu\n", "    nodePool: system\n", 13, 15, []string{"the system pool runs only AKS's own pods"}},
		{"pool name with a hyphen", "      gpu: {vmSize", "      gpu-pool: {vmSize", 18, 7, []string{`nodePools "gpu-pool" is not in the expected form`, "at most 12 characters"}},
		{"taint without an effect", `taints: ["sku=gpu:NoSchedule"]}`, `taints: ["sku=gpu"]}`, 18, 52, []string{`"sku=gpu" is not in the expected form`, "key=value:NoSchedule"}},
		{"reserved label", "{accelerator: nvidia-t4}", "{kubernetes.azure.com/mode: user}", 26, 45, []string{`label "kubernetes.azure.com/mode" uses the prefix kubernetes.azure.com/`}},
		{"label value not a label value", "{accelerator: nvidia-t4}", `{accelerator: "nvidia t4"}`, 26, 31, []string{`"nvidia t4" is not in the expected form`}},
		{"zone out of range", "zones: [1, 2]", "zones: [1, 4]", 24, 20, []string{"4 is out of range: must be from 1 to 3"}},
		{"zone twice", "zones: [1, 2]", "zones: [2, 2]", 24, 20, []string{"zone 2 is listed twice"}},
		{"min above max", "        zones: [1, 2]\n", "        zones: [1, 2]\n        min: 5\n        max: 2\n", 26, 14, []string{"node pool gpu max 2 is below min 5"}},
		{"no VM size", "      gpu: {vmSize: Standard_NC4as_T4_v3, taints", "      gpu: {taints", 18, 12, []string{`missing key "vmSize" in environments[0].nodePools.gpu`}},
		{"unknown VM size", "{vmSize: Standard_NC4as_T4_v3,", "{vmSize: Standard_NC4as_T4,", 18, 21, []string{`"Standard_NC4as_T4" is not allowed`, `did you mean "Standard_NC4as_T4_v3"`}},
		{"namespace group read as Kubernetes' own", "    nodePool: gpu\n", "    nodePool: gpu\n    namespace: default\n", 14, 16, []string{`namespace group "default" reads as Kubernetes' own namespace`, "leave namespace out"}},
		{"namespace group not a name", "    nodePool: gpu\n", "    nodePool: gpu\n    namespace: Payments\n", 14, 16, []string{`namespace "Payments" is not in the expected form`, "at most 20 characters"}},
		{"namespace group too long", "    nodePool: gpu\n", "    nodePool: gpu\n    namespace: machine-learning-inference\n", 14, 16, []string{"is longer than 20 characters"}},
		{"too many pools", "    nodePools:\n      gpu: {vmSize: Standard_NC4as_T4_v3, taints: [\"sku=gpu:NoSchedule\"]}\n", many + "      gpu: {vmSize: Standard_NC4as_T4_v3}\n", 18, 7, []string{"at most 10 besides system, apps"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(pools, c.old) {
				t.Fatalf("case does not apply: %q", c.old)
			}
			doc, err := testLoad("shop.yaml", []byte(strings.Replace(pools, c.old, c.new, 1)))
			if doc != nil {
				t.Fatal("a broken spec returned a document")
			}
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("want Errors, got %v", err)
			}
			if len(errs) != 1 {
				t.Fatalf("want exactly one error, got %d:\n%v", len(errs), errs)
			}
			e := errs[0]
			if e.Pos.Line != c.line || e.Pos.Col != c.col {
				t.Errorf("position %d:%d, want %d:%d (%v)", e.Pos.Line, e.Pos.Col, c.line, c.col, e)
			}
			if e.Hint == "" {
				t.Errorf("no hint: %v", e)
			}
			for _, p := range c.parts {
				if !strings.Contains(e.Error(), p) {
					t.Errorf("error %q lacks %q", e.Error(), p)
				}
			}
		})
	}
}
