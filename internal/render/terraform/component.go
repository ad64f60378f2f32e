package terraform

import (
	"github.com/zclconf/go-cty/cty"

	"github.com/physarch/physarch/internal/plan"
)

// Terraformed is a component with resources of its own in the
// environment's root module: its variables (variables.tf), resources
// (main.tf) and outputs (outputs.tf), written after the core's.
type Terraformed interface {
	Variables(m Module)
	Terraform(m Module)
	Outputs(m Module)
}

// ClusterAddon is a component that configures the AKS cluster block (an
// add-on such as the Key Vault secrets provider, the AGIC ingress or the
// Container Insights agent): Cluster writes its nested blocks while the
// cluster block is written, after the core's.
type ClusterAddon interface {
	Cluster(b Block)
}

// ProviderFeatured is a component that sets the azurerm provider's
// features block (how Key Vault is destroyed).
type ProviderFeatured interface {
	ProviderFeatures(features Block)
}

// Linked is a component reached through private endpoints
// (plan.Endpointed): the Terraform reference to the resource each of its
// endpoints connects to. The module writes every endpoint, with its
// private DNS zone, after all resources.
type Linked interface {
	PrivateLinkTarget(pe plan.PrivateEndpoint) string
}

// Module is the environment's root module as a component writes into it.
type Module struct{ m *module }

// Block is a block being filled.
type Block = block

// Plan is the system's plan.
func (x Module) Plan() *plan.Plan { return x.m.pl }

// Env is the environment the module deploys.
func (x Module) Env() *plan.Env { return x.m.e }

// Resource appends a resource to main.tf.
func (x Module) Resource(typ, name string) Block { return x.m.resource(typ, name) }

// Placed appends a resource named by a variable, in the resource group and
// its location, as most Azure resources are.
func (x Module) Placed(typ, name, nameVar string) Block { return x.m.placed(typ, name, nameVar) }

// Tags gives a resource the module's tags.
func (x Module) Tags(b Block) { x.m.tags(b) }

// Ident is a Terraform label for a name, unique among the resources of a
// type.
func (x Module) Ident(typ, name string) string { return x.m.uniqueIdent(typ, name) }

// Variable declares a variable with a default.
func (x Module) Variable(name, typ, desc string, def any) { x.m.variable(name, typ, desc, def) }

// ValidatedVariable declares a variable with a default and a validation
// block, so a value the module cannot use is refused at plan time with
// the message, not deep inside a resource.
func (x Module) ValidatedVariable(name, typ, desc string, def any, condition, message string) {
	v := x.m.variable(name, typ, desc, def).child("validation")
	v.expr("condition", condition)
	v.set("error_message", message)
}

// SecretVariable declares a sensitive string variable without a default:
// the user supplies it (TF_VAR_<name>), it is never committed.
func (x Module) SecretVariable(name, desc string) {
	b := x.m.vars.top("variable", name)
	b.expr("type", "string")
	b.set("description", desc)
	b.set("sensitive", true)
}

// Locals appends a locals block to main.tf.
func (x Module) Locals() Block { return x.m.main.top("locals") }

// Output declares an output.
func (x Module) Output(name, expr, desc string) {
	b := x.m.outs.top("output", name)
	b.set("description", desc)
	b.expr("value", expr)
}

// SensitiveOutput declares an output Terraform prints only on request
// (terraform output -raw NAME, or -json), as it must for a value the
// provider marks sensitive.
func (x Module) SensitiveOutput(name, expr, desc string) {
	b := x.m.outs.top("output", name)
	b.set("description", desc)
	b.expr("value", expr)
	b.set("sensitive", true)
}

// PrivateDNSZone writes a private DNS zone linked to the VNet; the zone
// and its link are both named id.
func (x Module) PrivateDNSZone(id, zone string) { x.m.privateDNSZone(id, zone) }

// Zones is a zone list as the provider takes it.
func Zones(zs []int) []string { return zones(zs) }

// ObjectOrEmpty is an HCL object of the values, an empty one when there
// are none.
func ObjectOrEmpty(vals map[string]cty.Value) cty.Value { return objectOrEmpty(vals) }

// SubnetID is the Terraform reference to the ID of the subnet of a role.
func SubnetID(role string) string { return "azurerm_subnet." + ident(role) + ".id" }

// Set writes a literal value.
func (b block) Set(name string, v any) Block { return b.set(name, v) }

// Expr writes an HCL expression.
func (b block) Expr(name, src string) Block { return b.expr(name, src) }

// Child appends a nested block.
func (b block) Child(typ string, labels ...string) Block { return b.child(typ, labels...) }

// Fail stops the module with an error: a plan the component cannot
// write (a renderer never guesses).
func (x Module) Fail(err error) {
	if x.m.err == nil {
		x.m.err = err
	}
}
