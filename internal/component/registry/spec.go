// Package registry is the Azure Container Registry building block: where
// the services' images come from. Every environment has one: Basic, or
// Premium where the environment uses private endpoints (only Premium
// supports them). It owns every facet of the block: the registry's name
// and tier, its private endpoint, the kubelet's pull access, the image
// rewrite of each overlay, its Terraform, cost line, deployment row and
// diagram node. It has no keys of its own in the spec.
package registry

import "github.com/physarch/physarch/internal/spec"

// Name is the block's name and its ID.
const Name = "registry"

func section() spec.Section { return spec.Section{Kind: Name} }
