package generate

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan"
)

// TestDedicatedPoolsInEveryOutput: the sample's GPU and batch pools have
// their cost rows (priced from the GPU catalog file, with its source),
// their Terraform node pools (zones, taints, labels), their rows in the
// documents' node pool tables and their place in the diagrams.
func TestDedicatedPoolsInEveryOutput(t *testing.T) {
	pl := testplan.Workloads(t)
	prices, err := azure.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	reports, err := cost.Estimate(pl, prices)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range pl.Envs {
		gpu := e.Pool("gpu")
		var row *cost.Component
		for j, c := range reports[i].Components {
			if c.Name == "Node pool gpu" {
				row = &reports[i].Components[j]
			}
		}
		if row == nil {
			t.Fatalf("%s: no cost row for the gpu pool", e.Name)
		}
		if row.UnitPrice != 0.526 || row.Quantity != float64(gpu.Min) || row.QuantityAt != float64(gpu.Max) || !strings.Contains(row.Source, "karpenter-provider-azure") {
			t.Errorf("%s: gpu pool cost %+v (pool %d–%d)", e.Name, *row, gpu.Min, gpu.Max)
		}
	}
	files, err := Files(pl, Options{Lang: md.En})
	if err != nil {
		t.Fatal(err)
	}
	tf := file(t, files, "terraform/prod/main.tf")
	for _, want := range []string{
		"resource \"azurerm_kubernetes_cluster_node_pool\" \"gpu\" {\n  name                  = \"gpu\"",
		`vm_size               = "Standard_NC4as_T4_v3"`,
		`zones                 = ["1", "2"]`,
		`node_taints = ["sku=gpu:NoSchedule"]`,
		`"example.com/tier"  = "inference"`,
		"resource \"azurerm_kubernetes_cluster_node_pool\" \"batch\" {",
		`node_taints = ["workload=batch:NoSchedule"]`,
	} {
		if !strings.Contains(tf, want) {
			t.Errorf("prod Terraform lacks %q", want)
		}
	}
	prod := file(t, files, "physical-architecture-prod.md")
	for _, want := range []string{
		"| gpu | User | Standard_NC4as_T4_v3 | 4 vCPU, 28 GiB | 3,860m, 27,922Mi |",
		"| gpu | Standard_NC4as_T4_v3 | 1 × NVIDIA T4 | inference | accelerator=nvidia-t4, example.com/tier=inference | 1, 2 |",
		"| batch | Standard_E4s_v5 | - | nightly-report | - | 1 |",
		"| Node pool gpu | Standard_NC4as_T4_v3 |",
		"- batch: the pods placed on it request 2,000m CPU",
	} {
		if !strings.Contains(prod, want) {
			t.Errorf("prod document lacks %q", want)
		}
	}
	diagram := file(t, files, "physical-architecture-prod.mmd")
	for _, want := range []string{`subgraph pool_gpu["gpu: Standard_NC4as_T4_v3 × `, `node_gpu_2["Standard_NC4as_T4_v3<br/>Zone 2"]`, `svc_inference -.->|"nodeSelector"| pool_gpu`, `svc_nightly_report -.->|"nodeSelector"| pool_batch`} {
		if !strings.Contains(diagram, want) {
			t.Errorf("prod diagram lacks %q", want)
		}
	}
	if strings.Contains(diagram, "node_gpu_3") {
		t.Error("the zonal gpu pool is drawn in zone 3")
	}
}
