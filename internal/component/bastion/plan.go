package bastion

import (
	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Kind is the operator-access block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// JumpHostSize is the jump host's VM size: two vCPUs and 4 GiB run the
// Azure CLI, kubectl and an image push; it bursts, since it idles.
const JumpHostSize = "Standard_B2s"

// JumpHostUser is the jump host's local administrator (break-glass SSH
// key); operators sign in with Entra ID where the cluster uses it.
const JumpHostUser = "azureops"

// Component is the environment's way in.
type Component struct {
	// SKU is the Bastion tier, Basic or Standard.
	SKU string
	// Host and PublicIP name the Bastion and its address.
	Host, PublicIP string
	// JumpHost is whether a jump VM sits in the management subnet; VM
	// and NIC name it and its network interface.
	JumpHost bool
	VM, NIC  string
	// Runner is whether the environment has a subnet for self-hosted
	// runners.
	Runner bool
	// EntraLogin is whether operators sign in to the jump host with Entra
	// ID (the environment's aks.entraRBAC): the VM gets the login
	// extension and the admin groups its login role.
	EntraLogin bool
	// ResourceGroup and Cluster are the environment's, for the commands
	// the documents print.
	ResourceGroup, Cluster string
	// Subnet, Management and RunnerSubnet are the placed subnets.
	Subnet, Management, RunnerSubnet plan.Subnet
}

// ID implements plan.Component.
func (*Component) ID() string { return Name }

// Plan implements plan.Kind: Bastion where the environment's access tier
// resolves to one; the jump host and runner subnet behind it.
func (Kind) Plan(c *plan.Context) plan.Component {
	se := c.Doc.Spec.Environments[c.Index]
	tier := Tier(se)
	if tier == "" {
		return nil
	}
	st := Of(se)
	base := c.Plan.Name + "-" + c.Env.Name
	b := &Component{SKU: tier, JumpHost: st.JumpHost, Runner: st.RunnerSubnet, EntraLogin: se.AKS.EntraRBAC,
		ResourceGroup: c.Env.Names.ResourceGroup, Cluster: c.Env.Names.Cluster}
	b.Host = c.Name("Bastion host", naming.BastionHost("bas-"+base))
	b.PublicIP = c.Name("public IP address", naming.PublicIP("pip-"+b.Host))
	if b.JumpHost {
		b.VM = c.Name("Linux virtual machine", naming.LinuxVM("vm-jump-"+base))
		b.NIC = c.Name("network interface", naming.NetworkInterface("nic-"+b.VM))
	}
	return b
}

// SubnetNeeds implements plan.Subnetted: AzureBastionSubnet (the name
// Azure requires, /26 at least: Microsoft, "Configure Bastion",
// learn.microsoft.com/azure/bastion/configuration-settings#subnet), the
// management subnet for the jump host (Azure's smallest, a /29) and the
// runners' /28. Bastion needs an address per instance: two, the
// Basic tier's and Standard's default.
func (c *Component) SubnetNeeds() []plan.SubnetNeed {
	out := []plan.SubnetNeed{{Role: bastionRole, Name: "AzureBastionSubnet", Required: 2, MinBits: 26,
		Purpose: spec.Text{Ko: "Azure Bastion 전용 (이름 고정)", En: "Azure Bastion only (name fixed by Azure)"}}}
	if c.JumpHost {
		out = append(out, plan.SubnetNeed{Role: managementRole, Name: "snet-management", Required: 1, MinBits: 29, DefaultOutbound: true,
			Purpose: spec.Text{Ko: "운영용 점프 호스트", En: "operators' jump host"}})
	}
	if c.Runner {
		out = append(out, plan.SubnetNeed{Role: runnerRole, Name: "snet-runners", Required: 8, MinBits: 28, DefaultOutbound: true,
			Purpose: spec.Text{Ko: "자체 호스팅 CI 러너 (직접 설치)", En: "self-hosted CI runners (you install them)"}})
	}
	return out
}

// Place implements plan.Placed.
func (c *Component) Place(e *plan.Env) {
	c.Subnet, _ = e.Network.Subnet(bastionRole)
	c.Management, _ = e.Network.Subnet(managementRole)
	c.RunnerSubnet, _ = e.Network.Subnet(runnerRole)
}

// PublicIPs implements cost.PublicAddressed: Bastion's frontend.
func (*Component) PublicIPs() int { return 1 }
