package bastion_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/component/bastion"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// TestOneTruthOperatorAccess: the documents' operator access table, the
// commands they print, the Terraform and the cost rows state the planned
// Bastion and jump host, for the example's prod (Standard, Entra ID) and
// the sample's dev (Standard, SSH key) and prod (Basic, runner subnet).
func TestOneTruthOperatorAccess(t *testing.T) {
	sample, err := os.ReadFile("testdata/sample.yaml")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, c := range []struct{ name, src string }{{"phonebill", example(t)}, {"sample", string(sample)}} {
		t.Run(c.name, func(t *testing.T) {
			pl, files := readback.Build(t, "physarch.yaml", []byte(c.src), md.En)
			for _, e := range pl.Envs {
				if b, ok := plan.Find[*bastion.Component](e); ok {
					seen++
					t.Run(e.Name, func(t *testing.T) { accessTruth(t, pl, files, e, b) })
				}
			}
		})
	}
	if seen != 3 {
		t.Errorf("%d environments with Bastion, want 3 (phonebill prod, the sample's dev and prod)", seen)
	}
}

func accessTruth(t *testing.T, pl *plan.Plan, files []render.File, e *plan.Env, b *bastion.Component) {
	doc := readback.File(t, files, "physical-architecture-"+e.Name+".md")
	section := "7.3.1 Azure Bastion"
	if e.IsProdLike() {
		section = "7.5.1 Azure Bastion"
	}
	table := readback.TableUnder(t, doc, section)
	tf := readback.TerraformOf(t, files, e.Name)
	hosts := readback.Find(tf, "azurerm_bastion_host")
	if len(hosts) != 1 {
		t.Fatalf("Terraform has %d Bastion hosts, want 1", len(hosts))
	}
	want := func(key, got string) {
		t.Helper()
		if v, ok := table.Value(key); !ok || v != got {
			t.Errorf("document %s = %q, want %q", key, v, got)
		}
	}
	want("SKU", hosts[0].Attrs["sku"])
	if (hosts[0].Attrs["tunneling_enabled"] == "true") != (b.SKU == bastion.Standard) {
		t.Errorf("tunneling_enabled = %q for %s", hosts[0].Attrs["tunneling_enabled"], b.SKU)
	}
	subnets := map[string]readback.Resource{}
	for _, s := range readback.Find(tf, "azurerm_subnet") {
		subnets[s.Attrs["name"]] = s
	}
	cidr := func(name string) string { return strings.Trim(subnets[name].Attrs["address_prefixes"], "[]\"") }
	want("Subnet", "AzureBastionSubnet "+cidr("AzureBastionSubnet"))
	if b.Subnet.CIDR != cidr("AzureBastionSubnet") {
		t.Errorf("plan %s, Terraform %s", b.Subnet.CIDR, cidr("AzureBastionSubnet"))
	}
	vms := readback.Find(tf, "azurerm_linux_virtual_machine")
	if !b.JumpHost {
		if len(vms) != 0 {
			t.Errorf("no jump host planned, Terraform has %d VMs", len(vms))
		}
		return
	}
	if len(vms) != 1 {
		t.Fatalf("Terraform has %d VMs, want the jump host", len(vms))
	}
	want("Jump host", vms[0].Attrs["size"]+" (Ubuntu 24.04, no public IP)")
	want("Jump host subnet", b.Management.Name+" "+cidr(b.Management.Name))
	if disk := vms[0].Blocks["os_disk"]; len(disk) != 1 || disk[0].Attrs["disk_size_gb"] != "32" {
		t.Errorf("the jump host's OS disk is not the E4 (32 GiB) the cost prices: %v", disk)
	}
	exts := readback.Find(tf, "azurerm_virtual_machine_extension")
	if b.EntraLogin != (len(exts) == 1) {
		t.Errorf("Entra ID login %v, Terraform has %d VM extensions", b.EntraLogin, len(exts))
	}
	if b.RunnerSubnet.CIDR != "" {
		want("Runner subnet", b.RunnerSubnet.Name+" "+cidr(b.RunnerSubnet.Name)+" (you install the runners)")
	}
	// The commands name the outputs the module has.
	outs := string(readback.File(t, files, "deploy/terraform/"+e.Name+"/outputs.tf"))
	for _, o := range []string{"bastion_name", "jump_host_id"} {
		if !strings.Contains(string(doc), "output -raw "+o) || !strings.Contains(outs, fmt.Sprintf("output %q", o)) {
			t.Errorf("the document's commands and outputs.tf disagree on %s", o)
		}
	}
	// Cost: the host's hours at the tier's meter, the VM's hours.
	prices, err := azure.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	reports, err := cost.Estimate(pl, prices)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]cost.Component{}
	for _, rep := range reports {
		if rep.Env == e.Name {
			for _, c := range rep.Components {
				rows[c.Name] = c
			}
		}
	}
	host, ok := rows["Azure Bastion "+b.SKU]
	if !ok || host.SKU != hosts[0].Attrs["sku"] {
		t.Errorf("no cost row for Bastion %s (rows: %v)", b.SKU, host)
	}
	if vm, ok := rows["Jump host"]; !ok || vm.SKU != vms[0].Attrs["size"] {
		t.Errorf("jump host cost row %v, Terraform size %s", vm, vms[0].Attrs["size"])
	}
	if !strings.Contains(string(doc), fmt.Sprintf("| Azure Bastion %s | %s |", b.SKU, b.SKU)) {
		t.Errorf("the document's cost table has no Azure Bastion %s row", b.SKU)
	}
}
