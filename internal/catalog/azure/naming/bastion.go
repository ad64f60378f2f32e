package naming

// The operator-access block's rules (Microsoft's "Naming rules and
// restrictions for Azure resources", Microsoft.Network and
// Microsoft.Compute).
var (
	// Microsoft.Network/bastionHosts: 1–80; alphanumerics, underscores,
	// periods, hyphens; start with an alphanumeric, end with an
	// alphanumeric or underscore.
	bastionHost = Rule{Kind: "Bastion host", Min: 1, Max: 80, chars: alnum | underscore | period | hyphen,
		first: alnum, last: alnum | underscore, Source: msRules + " (Microsoft.Network/bastionHosts)"}

	// Microsoft.Network/networkInterfaces: 1–80; as Bastion hosts.
	networkInterface = Rule{Kind: "network interface", Min: 1, Max: 80, chars: alnum | underscore | period | hyphen,
		first: alnum, last: alnum | underscore, Source: msRules + " (Microsoft.Network/networkInterfaces)"}

	// Microsoft.Compute/virtualMachines (Linux): 1–64; no underscores or
	// periods among the characters physarch uses; can't end with a hyphen.
	// The name is also the computer name, a host name, so physarch keeps
	// to letters, digits and hyphens, starting with a letter or digit.
	linuxVM = Rule{Kind: "Linux virtual machine", Min: 1, Max: 64, chars: alnum | hyphen,
		first: alnum, last: alnum, Source: msRules + " (Microsoft.Compute/virtualMachines, Linux)"}
)

// bastionRules are the block's rules, for Rules.
func bastionRules() []Rule { return []Rule{bastionHost, networkInterface, linuxVM} }

// BastionHost derives an Azure Bastion name.
func BastionHost(wanted string) Name { return bastionHost.Derive(wanted) }

// NetworkInterface derives a network interface name.
func NetworkInterface(wanted string) Name { return networkInterface.Derive(wanted) }

// LinuxVM derives a Linux virtual machine name.
func LinuxVM(wanted string) Name { return linuxVM.Derive(wanted) }
