package bastion

import "strings"

// The jump host's tool versions: pinned so that every jump host built
// from the same output runs the same commands the same way. Azure CLI,
// kubectl and Terraform come from their publishers' apt repositories
// (packages.microsoft.com, pkgs.k8s.io, apt.releases.hashicorp.com), with
// the repositories' signing keys; kubelogin, which has no apt
// repository, from its GitHub release. kubectl is the version the real
// kube-apiserver judge runs, Terraform the version of the real terraform
// judge (scripts/install-tools.sh).
const (
	AzureCLIVersion  = "2.75.0"
	KubectlVersion   = "1.32.4"
	KubeloginVersion = "v0.2.10"
	TerraformVersion = "1.11.4"
)

// Tools are the commands the jump host has once cloud-init has run, in
// the order the documents list them.
var Tools = []string{"az", "kubectl", "kubelogin", "terraform", "git", "jq", "docker"}

// The apt package versions cloud-init installs, as each repository spells
// them (Microsoft's "-1~<codename>", pkgs.k8s.io's "-1.1", HashiCorp's
// "-1"); the image is Ubuntu 24.04, codename noble.
var (
	azureCLIPackage  = "azure-cli=" + AzureCLIVersion + "-1~noble"
	kubectlPackage   = "kubectl=" + KubectlVersion + "-1.1"
	terraformPackage = "terraform=" + TerraformVersion + "-1"
	kubeloginURL     = "https://github.com/Azure/kubelogin/releases/download/" + KubeloginVersion + "/kubelogin-linux-amd64.zip"
)

// RepositoryVariable is the Terraform variable with the HTTPS URL the
// jump host clones the checkout from ("" for none: a private repository,
// whose token would sit in the VM's custom data and the state; the
// checkout is then copied through the tunnel).
const RepositoryVariable = "jump_host_repository_url"

// repositoryURL is the variable as cloud-init's text interpolates it
// (a heredoc template in main.tf).
const repositoryURL = "${var." + RepositoryVariable + "}"

// CheckoutDir is where the checkout lands, cloned or copied: outside any
// home directory, since operators signing in with Entra ID each get their
// own, and owned by JumpHostUser, the account the copy signs in as.
const CheckoutDir = "/srv/checkout"

// CopyCommand copies the checkout's committed tree from the operator's
// machine to the jump host through the Bastion tunnel on local port 2222,
// with the break-glass key: the same tree a clone gives, without .git's
// history, untracked files, Terraform plans or state.
const CopyCommand = "git archive HEAD | ssh -p 2222 -i ~/.ssh/id_rsa " + JumpHostUser + "@127.0.0.1 tar -x -C " + CheckoutDir

// cloudInit is the jump host's cloud-config: the publishers' apt
// repositories and the pinned tools, git, jq and docker (image pushes to
// the private registry), the checkout directory, cloned from the
// repository URL where one is given, and a login message that says how to
// fill it otherwise (Standard: the tunnel; Basic has none, so only the
// URL).
func (c *Component) cloudInit() string {
	k8sMinor := KubectlVersion[:strings.LastIndex(KubectlVersion, ".")]
	empty := []string{
		"        echo \"physarch: " + CheckoutDir + " is empty; Bastion Basic has no tunnel to copy it through:\"",
		"        echo \"  set " + RepositoryVariable + " and apply again (the VM is replaced)\"",
	}
	if c.SKU == Standard {
		empty = []string{
			"        echo \"physarch: " + CheckoutDir + " is empty; copy it from your machine (section 7.5.2 of the environment document):\"",
			"        echo \"  az network bastion tunnel --name \\\"\\$BASTION\\\" --resource-group " + c.ResourceGroup + " --target-resource-id \\\"\\$JUMP\\\" --resource-port 22 --port 2222\"",
			"        echo \"  " + CopyCommand + "\"",
		}
	}
	lines := []string{
		"#cloud-config",
		"package_update: true",
		"packages:",
		"  - ca-certificates",
		"  - curl",
		"  - gnupg",
		"  - unzip",
		"  - git",
		"  - jq",
		"  - docker.io",
		"write_files:",
		"  - path: /etc/profile.d/physarch-checkout.sh",
		"    permissions: \"0644\"",
		"    content: |",
		"      if [ -n \"$(ls -A " + CheckoutDir + " 2>/dev/null)\" ]; then",
		"        echo \"physarch: the checkout is in " + CheckoutDir + "\"",
		"      else",
	}
	lines = append(lines, empty...)
	lines = append(lines,
		"      fi",
		"runcmd:",
		"  - install -d -m 0755 -o "+JumpHostUser+" -g "+JumpHostUser+" "+CheckoutDir,
		// Operators other than the owner run git there too.
		"  - git config --system --add safe.directory "+CheckoutDir,
		"  - install -m 0755 -d /etc/apt/keyrings",
		"  - curl -fsSL https://packages.microsoft.com/keys/microsoft.asc | gpg --dearmor -o /etc/apt/keyrings/microsoft.gpg",
		"  - echo \"deb [arch=amd64 signed-by=/etc/apt/keyrings/microsoft.gpg] https://packages.microsoft.com/repos/azure-cli/ noble main\" > /etc/apt/sources.list.d/azure-cli.list",
		"  - curl -fsSL https://pkgs.k8s.io/core:/stable:/v"+k8sMinor+"/deb/Release.key | gpg --dearmor -o /etc/apt/keyrings/kubernetes.gpg",
		"  - echo \"deb [signed-by=/etc/apt/keyrings/kubernetes.gpg] https://pkgs.k8s.io/core:/stable:/v"+k8sMinor+"/deb/ /\" > /etc/apt/sources.list.d/kubernetes.list",
		"  - curl -fsSL https://apt.releases.hashicorp.com/gpg | gpg --dearmor -o /etc/apt/keyrings/hashicorp.gpg",
		"  - echo \"deb [signed-by=/etc/apt/keyrings/hashicorp.gpg] https://apt.releases.hashicorp.com noble main\" > /etc/apt/sources.list.d/hashicorp.list",
		"  - apt-get update",
		"  - apt-get install -y "+azureCLIPackage+" "+kubectlPackage+" "+terraformPackage,
		"  - apt-mark hold azure-cli kubectl terraform",
		"  - curl -fsSL -o /tmp/kubelogin.zip "+kubeloginURL,
		"  - unzip -o -j /tmp/kubelogin.zip bin/linux_amd64/kubelogin -d /usr/local/bin",
		"  - chmod 0755 /usr/local/bin/kubelogin",
		"  - if [ -n \""+repositoryURL+"\" ]; then git clone \""+repositoryURL+"\" "+CheckoutDir+" && chown -R "+JumpHostUser+":"+JumpHostUser+" "+CheckoutDir+"; fi",
	)
	return strings.Join(lines, "\n") + "\n"
}

// heredoc is the cloud-config as an indented HCL heredoc template (the
// locals block's attribute): readable in main.tf, and Terraform fills in
// the repository URL.
func heredoc(text string) string {
	var b strings.Builder
	b.WriteString("<<-EOT\n")
	for _, l := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if l != "" {
			b.WriteString("    ")
		}
		b.WriteString(l + "\n")
	}
	b.WriteString("  EOT")
	return b.String()
}

// repositoryURLCheck is the variable's validation: empty, or an HTTPS URL
// of characters that stay inert inside the shell's double quotes
// cloud-init runs the clone in (no quote, $, backtick, backslash or
// space). SSH URLs would need a key the jump host does not have.
const repositoryURLCheck = `var.` + RepositoryVariable + ` == "" || can(regex("` + repositoryURLPattern + `", var.` + RepositoryVariable + `))`

// repositoryURLPattern is the check's RE2 expression (Terraform's regex
// is RE2, as Go's regexp is), with nothing HCL's quoted strings escape.
const repositoryURLPattern = `^https://[A-Za-z0-9._~:/?#@!&+,;=%-]+$`
