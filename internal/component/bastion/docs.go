package bastion

import (
	"fmt"
	"github.com/physarch/physarch/internal/render/msg"
	"path"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/terraform"
)

// WayIn implements docs.WayIn: what the Terraform creates for
// operators (7.5.1) and the exact commands that use it (7.5.2).
func (c *Component) WayIn(d *md.Doc, e *plan.Env, s *docs.Sections) {
	s.Next("Azure Bastion")
	tunnel := d.T("없음 (Basic: Azure Portal에서만 연결)", "no (Basic: connect in the Azure portal only)")
	if c.SKU == Standard {
		tunnel = d.T("사용 (`az network bastion ssh` / `tunnel`)", "on (`az network bastion ssh` / `tunnel`)")
	}
	const (
		tfHost = "azurerm_bastion_host.main"
		tfVM   = "azurerm_linux_virtual_machine.jump_host"
	)
	tunnelAt := claim.TF(tfHost, "sku").Is(c.SKU)
	if c.SKU == Standard {
		tunnelAt = claim.TF(tfHost, "tunneling_enabled").Is("true")
	}
	rows := [][2]string{
		docs.Row(d, "bastion.sku", "SKU", c.SKU, claim.TF(tfHost, "sku").Is(c.SKU)),
		docs.Row(d, "bastion.subnet", d.T("서브넷", "Subnet"), c.Subnet.Name+" "+c.Subnet.CIDR,
			claim.TF(tfHost, "ip_configuration.subnet_id"), claim.TF("azurerm_subnet."+c.Subnet.Role, "address_prefixes").Is(c.Subnet.CIDR)),
		docs.Row(d, "bastion.public-ip", "Public IP", d.T("Standard 고정 IP (Bastion 전용)", "Standard static IP (Bastion's own)"),
			claim.TF("azurerm_public_ip.bastion", "sku").Is("Standard"), claim.TF("azurerm_public_ip.bastion", "allocation_method").Is("Static")),
		docs.Row(d, "bastion.native-client", d.T("네이티브 클라이언트", "Native client"), tunnel, tunnelAt),
	}
	if c.JumpHost && c.Management.CIDR != "" {
		mainTF := path.Join(terraform.Dir, e.Name, "main.tf")
		signIn := claim.TF(tfVM, "admin_ssh_key.public_key")
		if c.EntraLogin {
			signIn = claim.TF("azurerm_virtual_machine_extension.jump_host_entra_login", "type").Is("AADSSHLoginForLinux")
		}
		rows = append(rows,
			docs.Row(d, "bastion.jump-host", d.T("점프 호스트", "Jump host"), fmt.Sprintf(d.T("%s (Ubuntu 24.04, 공용 IP 없음)", "%s (Ubuntu 24.04, no public IP)"), JumpHostSize),
				claim.TF(tfVM, "size").Is(JumpHostSize), claim.TF(tfVM, "source_image_reference.offer").Is("ubuntu-24_04-lts")),
			docs.Row(d, "bastion.jump-host-subnet", d.T("점프 호스트 서브넷", "Jump host subnet"), c.Management.Name+" "+c.Management.CIDR,
				claim.TF("azurerm_subnet."+c.Management.Role, "address_prefixes").Is(c.Management.CIDR)),
			docs.Row(d, "bastion.sign-in", d.T("로그인", "Sign-in"), c.login(d), signIn),
			docs.Row(d, "bastion.tools", d.T("설치 도구 (cloud-init)", "Tools (cloud-init)"), ToolList(), claim.TF(tfVM, "custom_data"),
				claim.File(mainTF, azureCLIPackage), claim.File(mainTF, kubectlPackage), claim.File(mainTF, terraformPackage), claim.File(mainTF, kubeloginURL)),
			c.checkoutRow(d, mainTF),
		)
	}
	if c.RunnerSubnet.CIDR != "" {
		rows = append(rows, docs.Row(d, "bastion.runner-subnet", d.T("러너 서브넷", "Runner subnet"), c.RunnerSubnet.Name+" "+c.RunnerSubnet.CIDR+d.T(" (러너는 직접 설치)", " (you install the runners)"),
			claim.TF("azurerm_subnet."+c.RunnerSubnet.Role, "address_prefixes").Is(c.RunnerSubnet.CIDR)))
	}
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"), rows...)
	s.Next(d.T("운영자 명령", "Operator commands"))
	d.P(d.T("terraform 출력은 deploy/terraform/"+e.Name+"에서 읽습니다. 점프 호스트는 VNet 안에 있어, VNet의 프라이빗 DNS 영역이 비공개 API 서버와 모든 프라이빗 엔드포인트를 사설 주소로 해석합니다.",
		"Read the terraform outputs in deploy/terraform/"+e.Name+". The jump host is inside the VNet, whose private DNS zones resolve the private API server and every private endpoint to its private address."))
	d.Code("sh", c.Commands(e, d.T))
}

// ToolList is the jump host's tools as the documents list them, with the
// pinned versions.
func ToolList() string {
	return "Azure CLI " + AzureCLIVersion + ", `kubectl` " + KubectlVersion + ", `kubelogin` " + KubeloginVersion + ", Terraform " + TerraformVersion + ", `git`, `jq`, `docker`"
}

// checkoutRow is where the checkout lands on the jump host and how it
// gets there: cloned by cloud-init from the URL, or (Standard) copied
// through the tunnel with the command the operator section prints.
func (c *Component) checkoutRow(d *md.Doc, mainTF string) [2]string {
	clone := claim.File(mainTF, "git clone \""+repositoryURL+"\" "+CheckoutDir)
	if c.SKU != Standard {
		return docs.Row(d, "bastion.checkout", d.T("체크아웃", "Checkout"),
			fmt.Sprintf(d.T("`%s` (cloud-init이 `%s`에서 `git clone`)", "`%s` (cloud-init runs `git clone` of `%s`)"), CheckoutDir, RepositoryVariable), clone)
	}
	return docs.Row(d, "bastion.checkout", d.T("체크아웃", "Checkout"),
		fmt.Sprintf(d.T("`%s` (cloud-init이 `%s`에서 `git clone`, 비어 있으면 터널로 `git archive` 복사)", "`%s` (cloud-init runs `git clone` of `%s`; where it is empty, copied with `git archive` through the tunnel)"), CheckoutDir, RepositoryVariable),
		clone, claim.Manually(CopyCommand))
}

// login is how operators sign in to the jump host.
func (c *Component) login(d *md.Doc) string {
	if c.EntraLogin {
		return d.T("Entra ID (AADSSHLoginForLinux, admin_group_object_ids에 Virtual Machine Administrator Login), 비상용 SSH 키 "+JumpHostUser,
			"Entra ID (AADSSHLoginForLinux; Virtual Machine Administrator Login for admin_group_object_ids), break-glass SSH key for "+JumpHostUser)
	}
	return d.T("SSH 키 ("+JumpHostUser+", jump_host_ssh_public_key)", "SSH key ("+JumpHostUser+", jump_host_ssh_public_key)")
}

// Commands are the operator commands, in the order they run, with the
// environment's names filled in; t picks each comment's language.
func (c *Component) Commands(e *plan.Env, t func(ko, en string) string) string {
	rg, cl := c.ResourceGroup, c.Cluster
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("# %s", t("`az aks command invoke`: AKS API를 통한 kubectl, 어느 컴퓨터에서나 실행 (Azure가 클러스터 안에서 실행)", "`az aks command invoke`: kubectl through the AKS API, from any machine (Azure runs it in the cluster)"))
	w("cd deploy/k8s && az aks command invoke --resource-group %s --name %s --command \"kubectl apply -k overlays/%s\" --file .", rg, cl, e.Name)
	if !c.JumpHost || c.Management.CIDR == "" {
		return b.String()
	}
	w("")
	w("# %s", t("Bastion을 거쳐 점프 호스트로 (Azure CLI 확장: `az extension add --name bastion`, 이어서 `--name ssh`)", "the jump host, through Bastion (Azure CLI extensions: `az extension add --name bastion`, then `--name ssh`)"))
	w("BASTION=$(terraform -chdir=deploy/terraform/%s output -raw bastion_name)", e.Name)
	w("JUMP=$(terraform -chdir=deploy/terraform/%s output -raw jump_host_id)", e.Name)
	auth := "--auth-type AAD"
	if !c.EntraLogin {
		auth = "--auth-type ssh-key --username " + JumpHostUser + " --ssh-key ~/.ssh/id_rsa"
	}
	if c.SKU == Standard {
		w("az network bastion ssh --name \"$BASTION\" --resource-group %s --target-resource-id \"$JUMP\" %s", rg, auth)
		w("# %s", t("또는 점프 호스트 SSH 포트로 터널 (scp와 포트 전달용)", "or a tunnel to the jump host's SSH port, for scp and port forwarding"))
		w("az network bastion tunnel --name \"$BASTION\" --resource-group %s --target-resource-id \"$JUMP\" --resource-port 22 --port 2222", rg)
		w("# %s", t(msg.Particle(RepositoryVariable, "이", "가")+" 비어 있으면 cloud-init이 저장소를 복제하지 않으므로, 터널을 연 상태에서 다른 셸을 열고 체크아웃 루트에서 커밋된 트리를 복사",
			"where "+RepositoryVariable+" is empty (cloud-init cloned nothing): the checkout's committed tree, from its root, in a second shell while the tunnel is open"))
		w("%s", CopyCommand)
	} else {
		w("# %s", t("Basic에는 네이티브 클라이언트가 없음: Azure Portal → "+c.VM+" → 연결 → Bastion; 체크아웃은 "+RepositoryVariable+"로만",
			"Basic has no native client: Azure portal → "+c.VM+" → Connect → Bastion; the checkout only through "+RepositoryVariable))
	}
	w("")
	w("# %s (%s)", t("점프 호스트에서", "on the jump host"), strings.Join(Tools, ", "))
	w("cd %s", CheckoutDir)
	w("az login")
	w("az aks get-credentials --resource-group %s --name %s", rg, cl)
	if c.EntraLogin {
		w("kubelogin convert-kubeconfig -l azurecli")
	}
	w("kubectl get nodes")
	// Only where a vault holds the services' secrets (a private one
	// answers only inside the VNet).
	for _, st := range plan.Facets[plan.SecretStore](e) {
		if st.HoldsServiceSecrets() {
			// The jump host has no Terraform state (the checkout holds
			// none): the vault is found by its resource group, not by
			// terraform output.
			w("az keyvault secret set --vault-name \"$(az keyvault list --resource-group %s --query [0].name -o tsv)\" --name <name> --value ...", rg)
			break
		}
	}
	return b.String()
}

// SecurityLayers implements docs.Layered: operator access is a layer of
// its own, beside the workloads' identity.
func (c *Component) SecurityLayers(d *md.Doc, _ *plan.Env) []docs.Layer {
	tech := "Azure Bastion " + c.SKU
	if c.JumpHost {
		tech += d.T(" → 점프 호스트", " → jump host")
	}
	return []docs.Layer{{N: 3, Name: d.T("운영자 접근", "Operator access"), Technology: tech, Applies: d.T("운영자 → 프라이빗 클러스터·레지스트리·Key Vault", "operators → private cluster, registry, Key Vault")}}
}

// Deployment implements docs.Deployed: where the operator's way in is
// described.
func (c *Component) Deployment(d *md.Doc, e *plan.Env) [][]string {
	v := "Azure Bastion " + c.SKU
	if c.JumpHost {
		v += d.T(" + 점프 호스트 ", " + jump host ") + JumpHostSize
	}
	if e.IsProdLike() {
		v += " (7.5)"
	} else {
		v += " (7.3)"
	}
	return [][]string{docs.Cells(d, "bastion.operator-access", []string{d.T("운영자 접근", "Operator access"), v}, claim.TF("azurerm_bastion_host.main", "sku").Is(c.SKU))}
}
