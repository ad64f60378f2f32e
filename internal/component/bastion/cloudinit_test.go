package bastion

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"gopkg.in/yaml.v3"

	"github.com/physarch/physarch/internal/plan"
)

// cloudConfig is the part of cloud-init's schema the jump host uses;
// decoding with KnownFields refuses any other key.
type cloudConfig struct {
	PackageUpdate bool     `yaml:"package_update"`
	Packages      []string `yaml:"packages"`
	WriteFiles    []struct {
		Path, Permissions, Content string
	} `yaml:"write_files"`
	RunCmd []string `yaml:"runcmd"`
}

// TestCloudInitIsCloudConfig: the jump host's cloud-init is a
// cloud-config document (its header line, then YAML with the keys
// cloud-init reads), and it installs every tool the documents name: each
// of Tools by its package, apt-get line or release download, at its
// pinned version where it has one. The login message says how to fill
// the checkout with what the Bastion tier allows.
func TestCloudInitIsCloudConfig(t *testing.T) {
	for _, tc := range []struct {
		sku          string
		message, not string
	}{
		{Standard, CopyCommand, "set " + RepositoryVariable},
		{Basic, "set " + RepositoryVariable, "bastion tunnel"},
	} {
		t.Run(tc.sku, func(t *testing.T) {
			ci := (&Component{SKU: tc.sku, ResourceGroup: "rg-x-prod"}).cloudInit()
			if !strings.HasPrefix(ci, "#cloud-config\n") {
				t.Fatalf("cloud-init starts %q, want #cloud-config", ci[:20])
			}
			var doc cloudConfig
			dec := yaml.NewDecoder(strings.NewReader(ci))
			dec.KnownFields(true)
			if err := dec.Decode(&doc); err != nil {
				t.Fatalf("cloud-init is not valid YAML: %v\n%s", err, ci)
			}
			if !doc.PackageUpdate || len(doc.RunCmd) == 0 || len(doc.WriteFiles) != 1 {
				t.Fatalf("cloud-init %+v: want package_update, runcmd and the login message", doc)
			}
			installs := strings.Join(doc.Packages, " ") + "\n" + strings.Join(doc.RunCmd, "\n")
			for tool, want := range map[string]string{
				"az":        "apt-get install -y azure-cli=" + AzureCLIVersion + "-1~noble",
				"kubectl":   " kubectl=" + KubectlVersion + "-1.1",
				"terraform": " terraform=" + TerraformVersion + "-1",
				"kubelogin": "releases/download/" + KubeloginVersion + "/kubelogin-linux-amd64.zip",
				"git":       "git",
				"jq":        "jq",
				"docker":    "docker.io",
			} {
				if !strings.Contains(installs, want) {
					t.Errorf("%s: cloud-init does not install %q", tool, want)
				}
			}
			if len(Tools) != 7 {
				t.Errorf("Tools %v: the table above checks 7", Tools)
			}
			if doc.RunCmd[0] != "install -d -m 0755 -o "+JumpHostUser+" -g "+JumpHostUser+" "+CheckoutDir {
				t.Errorf("runcmd starts %q, want the checkout directory owned by %s (the copy signs in as it)", doc.RunCmd[0], JumpHostUser)
			}
			if last := doc.RunCmd[len(doc.RunCmd)-1]; !strings.Contains(last, "git clone \""+repositoryURL+"\" "+CheckoutDir) {
				t.Errorf("cloud-init's last command %q does not clone the repository URL into %s", last, CheckoutDir)
			}
			msg := doc.WriteFiles[0].Content
			if !strings.Contains(msg, tc.message) || strings.Contains(msg, tc.not) {
				t.Errorf("the login message should say %q and not %q:\n%s", tc.message, tc.not, msg)
			}
		})
	}
}

// TestCloudInitHeredoc: main.tf's heredoc, evaluated as Terraform
// evaluates it, is the cloud-config with the repository URL filled in:
// nothing in it is taken for an interpolation or a directive but the URL,
// and the indentation is stripped again.
func TestCloudInitHeredoc(t *testing.T) {
	c := &Component{SKU: Standard, ResourceGroup: "rg-x-prod"}
	src := heredoc(c.cloudInit())
	expr, diags := hclsyntax.ParseExpression([]byte(src+"\n"), "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("heredoc does not parse: %s\n%s", diags.Error(), src)
	}
	const url = "https://github.com/example/shop.git"
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{"var": cty.ObjectVal(map[string]cty.Value{RepositoryVariable: cty.StringVal(url)})}}
	v, diags := expr.Value(ctx)
	if diags.HasErrors() {
		t.Fatalf("heredoc does not evaluate: %s", diags.Error())
	}
	want := strings.ReplaceAll(c.cloudInit(), repositoryURL, url)
	if got := v.AsString(); got != want {
		t.Errorf("heredoc evaluates to\n%s\nwant\n%s", got, want)
	}
	for _, tr := range expr.Variables() {
		if a, ok := tr[len(tr)-1].(hcl.TraverseAttr); len(tr) != 2 || tr.RootName() != "var" || !ok || a.Name != RepositoryVariable {
			t.Errorf("heredoc references %s at %s, want only var.%s", tr.RootName(), tr.SourceRange(), RepositoryVariable)
		}
	}
}

// TestRepositoryURLPattern: the clone URL's check takes HTTPS URLs,
// with a token or not, and refuses what the shell would expand or split,
// and SSH URLs (the jump host has no key for them).
func TestRepositoryURLPattern(t *testing.T) {
	re := regexp.MustCompile(repositoryURLPattern)
	for url, ok := range map[string]bool{
		"https://github.com/example/shop.git":                        true,
		"https://x-access-token:abc123@github.com/example/shop":      true,
		"https://dev.azure.com/org/project/_git/shop?version=GBmain": true,
		"git@github.com:example/shop.git":                            false,
		"ssh://git@github.com/example/shop.git":                      false,
		"https://github.com/example/$(reboot)":                       false,
		"https://github.com/example/`reboot`":                        false,
		`https://github.com/example/"shop`:                           false,
		"https://github.com/example/shop.git /etc":                   false,
		`https://github.com/example\shop`:                            false,
		"http://github.com/example/shop.git":                         false,
	} {
		if re.MatchString(url) != ok {
			t.Errorf("%q: accepted %v, want %v", url, !ok, ok)
		}
	}
	if !strings.Contains(repositoryURLCheck, `"`+repositoryURLPattern+`"`) || strings.ContainsAny(repositoryURLPattern, `"\\`) {
		t.Errorf("the check %s does not carry the pattern as a plain HCL string", repositoryURLCheck)
	}
}

// base are the commands every Ubuntu image has.
var base = map[string]bool{"cd": true, "sudo": true}

// TestJumpHostStepsUseItsTools: every command the operator document and
// the README run on the jump host is a tool cloud-init installs (or a
// shell built-in of the image).
func TestJumpHostStepsUseItsTools(t *testing.T) {
	has := map[string]bool{}
	for _, tool := range Tools {
		has[tool] = true
	}
	check := func(where, block string) {
		n := 0
		for _, line := range strings.Split(block, "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			n++
			cmd := strings.Fields(line)[0]
			if !has[cmd] && !base[cmd] {
				t.Errorf("%s runs %q on the jump host, which cloud-init does not install: %s", where, cmd, line)
			}
		}
		if n == 0 {
			t.Errorf("%s: no command on the jump host", where)
		}
	}
	for _, sku := range []string{Standard, Basic} {
		x := &Component{SKU: sku, JumpHost: true, EntraLogin: true, ResourceGroup: "rg", Cluster: "aks", Management: plan.Subnet{CIDR: "10.0.0.0/29"}}
		cmds := x.Commands(&plan.Env{Name: "prod"}, func(_, en string) string { return en })
		_, on, ok := strings.Cut(cmds, "# on the jump host")
		if !ok {
			t.Fatalf("%s: no jump host section in\n%s", sku, cmds)
		}
		check("the document ("+sku+")", on[strings.Index(on, "\n"):])
	}
	readme, err := os.ReadFile("../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, step, ok := strings.Cut(string(readme), "# 6. On the jump host")
	if !ok {
		t.Fatal("README: no step 6 on the jump host")
	}
	step, _, _ = strings.Cut(step, "# 7.")
	check("README step 6", step[strings.Index(step, "\n"):])
}
