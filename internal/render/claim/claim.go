// Package claim is the registry behind "no claim without an artifact":
// every configuration statement a document prints is recorded as a Claim
// with the locator of what realises it (a Terraform attribute, a
// Kubernetes manifest field, a generated script, or a manual step with its
// exact command), so a test can resolve each locator against the generated
// files and fail on a statement nothing realises.
package claim

import (
	"fmt"
	"strings"
)

// Kind says which artifact a locator names.
type Kind int

// The artifacts a statement can be realised by.
const (
	// Terraform: Address is a resource address in the environment's root
	// module ("azurerm_kubernetes_cluster.main"), Path an attribute, with
	// nested blocks before it ("network_profile.network_plugin").
	Terraform Kind = iota + 1
	// Manifest: Address is "Kind/name" of an object in the environment's
	// Kustomize base or overlay, Path a dotted field path
	// ("spec.maxReplicas"); list elements are searched for the rest of
	// the path.
	Manifest
	// Script: Address is a generated file, relative to the output
	// directory ("deploy/compose/init.sh"); Path, when set, is text the
	// file must contain.
	Script
	// Manual: a step the user runs; Command is its exact command, which
	// the same document must print.
	Manual
)

// Locator names the artifact that realises a statement and, where Value is
// set, the literal value the artifact must have.
type Locator struct {
	Kind          Kind
	Address, Path string
	// Value is the expected literal (lists joined by ","); "" checks
	// presence only, as for an attribute set from a reference.
	Value string
	// Contains makes Value a part the located value must contain (an
	// argument among a container's args, a setting in a file).
	Contains bool
	// Command is a manual step's exact command.
	Command string
}

// TF locates a Terraform attribute: address "type.name", path
// "block.attribute"; path "" is the resource itself (for what its type
// does by default). Name "*" is every resource of the type: each must
// have the attribute (and there must be one).
func TF(address, path string) Locator {
	return Locator{Kind: Terraform, Address: address, Path: path}
}

// K8s locates a field of a Kubernetes object by kind and name; name "*"
// is any object of the kind.
func K8s(kind, name, path string) Locator {
	return Locator{Kind: Manifest, Address: kind + "/" + name, Path: path}
}

// File locates a generated file that must contain the text (or only exist,
// with contains "").
func File(file, contains string) Locator {
	return Locator{Kind: Script, Address: file, Path: contains}
}

// Manually is a manual step with its exact command, printed in the
// document.
func Manually(command string) Locator { return Locator{Kind: Manual, Command: command} }

// Is requires the located value to equal v.
func (l Locator) Is(v string) Locator {
	l.Value = v
	return l
}

// Has requires the located value to contain v.
func (l Locator) Has(v string) Locator {
	l.Value, l.Contains = v, true
	return l
}

// Matches reports whether a located value satisfies the locator.
func (l Locator) Matches(got string) bool {
	if l.Contains {
		return strings.Contains(got, l.Value)
	}
	return l.Value == "" || got == l.Value
}

// String is the locator as the test reports it.
func (l Locator) String() string {
	var s string
	switch l.Kind {
	case Terraform:
		s = "terraform " + l.Address + "." + l.Path
	case Manifest:
		s = "manifest " + l.Address + " " + l.Path
	case Script:
		s = "file " + l.Address
		if l.Path != "" {
			s += fmt.Sprintf(" containing %q", l.Path)
		}
	case Manual:
		return fmt.Sprintf("manual step %q", l.Command)
	default:
		return "no artifact"
	}
	switch {
	case l.Contains:
		s += fmt.Sprintf(" has %q", l.Value)
	case l.Value != "":
		s += fmt.Sprintf(" = %q", l.Value)
	}
	return s
}

// Claim is one configuration statement of a document.
type Claim struct {
	// ID is stable across languages and runs ("aks.private-cluster");
	// the test's pending list is keyed by it.
	ID string
	// Doc is the document's path, Env its environment ("" for the master
	// index); the docs renderer sets both.
	Doc, Env string
	// Section is the heading the statement is printed under, as printed.
	Section string
	// Text is the statement: a table row's first cell, or a list item.
	Text string
	// At are the artifacts that realise it; none means nothing does yet.
	At []Locator
}

// String is the claim as the test reports it.
func (c Claim) String() string {
	at := make([]string, len(c.At))
	for i, l := range c.At {
		at[i] = l.String()
	}
	if len(at) == 0 {
		at = []string{"no artifact"}
	}
	return fmt.Sprintf("%s: %s § %q %q → %s", c.ID, c.Doc, c.Section, c.Text, strings.Join(at, "; "))
}
