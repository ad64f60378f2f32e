package bastion

import (
	"github.com/physarch/physarch/internal/render/terraform"
)

// Variables implements terraform.Terraformed. The jump host's SSH key has
// no default: the module never makes a private key (it would sit in the
// state), so the operator supplies the public half.
func (c *Component) Variables(m terraform.Module) {
	m.Variable("bastion_name", "string", "Azure Bastion host.", c.Host)
	if c.JumpHost {
		m.Variable("jump_host_name", "string", "Jump host VM (no public IP; reached through Bastion).", c.VM)
		m.ValidatedVariable(RepositoryVariable, "string", "HTTPS Git URL cloud-init clones the checkout from into "+CheckoutDir+" on the jump host (public, or a read-only deploy URL); empty for none: the jump host then prints how to copy it. A change replaces the VM.", "",
			repositoryURLCheck, "Give an https:// Git URL without quotes, $, backticks, backslashes or spaces, or \"\" for none.")
		m.Variable("jump_host_ssh_public_key", "string", "OpenSSH public key of the jump host's break-glass administrator "+JumpHostUser+" (ssh-keygen -t rsa -b 4096; the private half never leaves your machine).", nil)
	}
}

// Terraform implements terraform.Terraformed: Bastion with its public IP
// (Standard: native client tunnelling on), the jump host with its NIC, and
// where the cluster uses Entra ID the login extension and the admin
// groups' login role on the VM.
func (c *Component) Terraform(m terraform.Module) {
	if c.Subnet.CIDR == "" {
		return
	}
	ip := m.Resource("azurerm_public_ip", "bastion")
	ip.Set("name", c.PublicIP)
	ip.Expr("location", "azurerm_resource_group.main.location")
	ip.Expr("resource_group_name", "azurerm_resource_group.main.name")
	ip.Set("allocation_method", "Static")
	ip.Set("sku", "Standard")
	m.Tags(ip)

	b := m.Placed("azurerm_bastion_host", "main", "bastion_name")
	b.Set("sku", c.SKU)
	if c.SKU == Standard {
		// az network bastion ssh and tunnel need the native client.
		b.Set("tunneling_enabled", true)
	}
	ic := b.Child("ip_configuration")
	ic.Set("name", "bastion")
	ic.Expr("subnet_id", terraform.SubnetID(bastionRole))
	ic.Expr("public_ip_address_id", "azurerm_public_ip.bastion.id")
	// Azure checks the NSG's required rules when Bastion is created.
	b.Expr("depends_on", "[azurerm_subnet_network_security_group_association."+bastionRole+"]")
	m.Tags(b)

	if !c.JumpHost || c.Management.CIDR == "" {
		return
	}
	nic := m.Resource("azurerm_network_interface", "jump_host")
	nic.Set("name", c.NIC)
	nic.Expr("location", "azurerm_resource_group.main.location")
	nic.Expr("resource_group_name", "azurerm_resource_group.main.name")
	nc := nic.Child("ip_configuration")
	nc.Set("name", "internal")
	nc.Expr("subnet_id", terraform.SubnetID(managementRole))
	nc.Set("private_ip_address_allocation", "Dynamic")
	m.Tags(nic)

	m.Locals().Expr("jump_host_cloud_init", heredoc(c.cloudInit()))
	vm := m.Placed("azurerm_linux_virtual_machine", "jump_host", "jump_host_name")
	vm.Set("size", JumpHostSize)
	vm.Set("admin_username", JumpHostUser)
	vm.Set("disable_password_authentication", true)
	vm.Expr("network_interface_ids", "[azurerm_network_interface.jump_host.id]")
	vm.Expr("custom_data", "base64encode(local.jump_host_cloud_init)")
	key := vm.Child("admin_ssh_key")
	key.Set("username", JumpHostUser)
	key.Expr("public_key", "var.jump_host_ssh_public_key")
	disk := vm.Child("os_disk")
	disk.Set("caching", "ReadWrite")
	disk.Set("storage_account_type", osDiskType)
	disk.Set("disk_size_gb", osDiskGB)
	img := vm.Child("source_image_reference")
	img.Set("publisher", "Canonical")
	img.Set("offer", "ubuntu-24_04-lts")
	img.Set("sku", "server")
	img.Set("version", "latest")
	// Entra ID SSH login needs the VM's system-assigned identity.
	vm.Child("identity").Set("type", "SystemAssigned")
	m.Tags(vm)

	if !c.EntraLogin {
		return
	}
	ext := m.Resource("azurerm_virtual_machine_extension", "jump_host_entra_login")
	ext.Set("name", "AADSSHLoginForLinux")
	ext.Expr("virtual_machine_id", "azurerm_linux_virtual_machine.jump_host.id")
	ext.Set("publisher", "Microsoft.Azure.ActiveDirectory")
	ext.Set("type", "AADSSHLoginForLinux")
	ext.Set("type_handler_version", "1.0")
	ext.Set("auto_upgrade_minor_version", true)
	m.Tags(ext)
	ra := m.Resource("azurerm_role_assignment", "jump_host_login")
	ra.Expr("for_each", "toset(var.admin_group_object_ids)")
	ra.Expr("scope", "azurerm_linux_virtual_machine.jump_host.id")
	ra.Set("role_definition_name", "Virtual Machine Administrator Login")
	ra.Expr("principal_id", "each.value")
	// Bastion's native client (az network bastion ssh) also needs Reader
	// on the VM, on its NIC and on the Bastion host; the login role alone
	// is refused before SSH starts.
	for _, r := range []struct{ name, scope string }{
		{"jump_host_reader", "azurerm_linux_virtual_machine.jump_host.id"},
		{"jump_host_nic_reader", "azurerm_network_interface.jump_host.id"},
		{"bastion_reader", "azurerm_bastion_host.main.id"},
	} {
		rr := m.Resource("azurerm_role_assignment", r.name)
		rr.Expr("for_each", "toset(var.admin_group_object_ids)")
		rr.Expr("scope", r.scope)
		rr.Set("role_definition_name", "Reader")
		rr.Expr("principal_id", "each.value")
	}
}

// Outputs implements terraform.Terraformed: what the operator commands
// name.
func (c *Component) Outputs(m terraform.Module) {
	if c.Subnet.CIDR == "" {
		return
	}
	m.Output("bastion_name", "azurerm_bastion_host.main.name", "Azure Bastion (az network bastion ssh --name).")
	if c.JumpHost && c.Management.CIDR != "" {
		m.Output("jump_host_id", "azurerm_linux_virtual_machine.jump_host.id", "Jump host VM (az network bastion ssh --target-resource-id).")
	}
}
