package bastion

import "github.com/physarch/physarch/internal/plan"

// SecurityRules implements plan.Guarded. AzureBastionSubnet's NSG carries
// exactly the rules Microsoft documents as required (Azure refuses an NSG
// without them): in from the internet, GatewayManager and the load
// balancer on 443 and Bastion's own data plane on 8080/5701; out to the
// VNet's SSH/RDP, AzureCloud on 443, the data plane and the internet on
// 80 (Microsoft, "Working with NSG access and Azure Bastion",
// learn.microsoft.com/azure/bastion/bastion-nsg). The management subnet
// takes SSH from Bastion only; the cluster's and the private endpoints'
// subnets take the jump host's HTTPS (the private API server, Key Vault,
// the registry).
func (c *Component) SecurityRules(e *plan.Env) []plan.SecurityRule {
	if c.Subnet.CIDR == "" {
		return nil
	}
	vnet := "VirtualNetwork"
	out := []plan.SecurityRule{
		{Subnet: bastionRole, Name: "AllowHttpsInbound", Direction: "Inbound", Priority: 120, Ports: []string{"443"}, Source: "Internet", Destination: "*", Access: "Allow"},
		{Subnet: bastionRole, Name: "AllowGatewayManagerInbound", Direction: "Inbound", Priority: 130, Ports: []string{"443"}, Source: "GatewayManager", Destination: "*", Access: "Allow"},
		{Subnet: bastionRole, Name: "AllowAzureLoadBalancerInbound", Direction: "Inbound", Priority: 140, Ports: []string{"443"}, Source: "AzureLoadBalancer", Destination: "*", Access: "Allow"},
		{Subnet: bastionRole, Name: "AllowBastionHostCommunication", Direction: "Inbound", Priority: 150, Ports: []string{"8080", "5701"}, Source: vnet, Destination: vnet, Access: "Allow", Protocol: "*"},
		{Subnet: bastionRole, Name: "AllowSshRdpOutbound", Direction: "Outbound", Priority: 100, Ports: []string{"22", "3389"}, Source: "*", Destination: vnet, Access: "Allow", Protocol: "*"},
		{Subnet: bastionRole, Name: "AllowAzureCloudOutbound", Direction: "Outbound", Priority: 110, Ports: []string{"443"}, Source: "*", Destination: "AzureCloud", Access: "Allow"},
		{Subnet: bastionRole, Name: "AllowBastionCommunication", Direction: "Outbound", Priority: 120, Ports: []string{"8080", "5701"}, Source: vnet, Destination: vnet, Access: "Allow", Protocol: "*"},
		{Subnet: bastionRole, Name: "AllowHttpOutbound", Direction: "Outbound", Priority: 130, Ports: []string{"80"}, Source: "*", Destination: "Internet", Access: "Allow", Protocol: "*"},
	}
	if c.Management.CIDR == "" {
		return out
	}
	out = append(out, plan.SecurityRule{Subnet: managementRole, Name: "AllowBastionSsh", Direction: "Inbound", Priority: 100, Ports: []string{"22"}, Source: c.Subnet.CIDR, Destination: c.Management.CIDR, Access: "Allow"})
	if aks, ok := e.Network.Subnet("aks"); ok {
		out = append(out, plan.SecurityRule{Subnet: "aks", Name: "AllowJumpHostAPI", Direction: "Inbound", Priority: 200, Ports: []string{"443"}, Source: c.Management.CIDR, Destination: aks.CIDR, Access: "Allow"})
	}
	if pe, ok := e.Network.Subnet("endpoints"); ok {
		out = append(out, plan.SecurityRule{Subnet: "endpoints", Name: "AllowJumpHost", Direction: "Inbound", Priority: 200, Ports: []string{"443"}, Source: c.Management.CIDR, Destination: pe.CIDR, Access: "Allow"})
	}
	return out
}

// Diagnostics implements plan.Diagnosed: who opened a session to which
// VM, from where (BastionAuditLogs, the host's only category).
func (c *Component) Diagnostics() []plan.Diagnostic {
	if c.Subnet.CIDR == "" {
		return nil
	}
	return []plan.Diagnostic{{Component: c.ID(), Key: "bastion", Resource: "Azure Bastion " + c.Host, CategoryGroups: []string{"allLogs"}}}
}

// MonitorTarget implements terraform.Watched.
func (*Component) MonitorTarget(string) string { return "azurerm_bastion_host.main.id" }
