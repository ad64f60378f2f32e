// Package components is the one place that names every building block:
// the list below, in the order outputs show them. Everything else reads
// blocks through their facets. Adding a block is its own package under
// internal/component and one line here.
package components

import (
	"fmt"
	"os"

	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/component/agc"
	"github.com/physarch/physarch/internal/component/apimanagement"
	"github.com/physarch/physarch/internal/component/appgateway"
	"github.com/physarch/physarch/internal/component/approuting"
	"github.com/physarch/physarch/internal/component/azuresql"
	"github.com/physarch/physarch/internal/component/bastion"
	"github.com/physarch/physarch/internal/component/blobstorage"
	"github.com/physarch/physarch/internal/component/cosmosdb"
	"github.com/physarch/physarch/internal/component/defender"
	"github.com/physarch/physarch/internal/component/eventhubs"
	"github.com/physarch/physarch/internal/component/firewall"
	"github.com/physarch/physarch/internal/component/frontdoor"
	"github.com/physarch/physarch/internal/component/identityprovider"
	"github.com/physarch/physarch/internal/component/ingress"
	"github.com/physarch/physarch/internal/component/istiogateway"
	"github.com/physarch/physarch/internal/component/keyvault"
	"github.com/physarch/physarch/internal/component/loganalytics"
	"github.com/physarch/physarch/internal/component/maintenance"
	"github.com/physarch/physarch/internal/component/postgresql"
	"github.com/physarch/physarch/internal/component/redis"
	"github.com/physarch/physarch/internal/component/registry"
	"github.com/physarch/physarch/internal/component/servicebus"
	"github.com/physarch/physarch/internal/component/servicemesh"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// All returns the building blocks, in order.
func All() []plan.Kind {
	return []plan.Kind{
		postgresql.Kind{},
		azuresql.Kind{},
		cosmosdb.Kind{},
		redis.Kind{},
		blobstorage.Kind{},
		servicebus.Kind{},
		eventhubs.Kind{},
		ingress.Kind{},
		appgateway.Kind{},
		agc.Kind{},
		approuting.Kind{},
		istiogateway.Kind{},
		frontdoor.Kind{},
		apimanagement.Kind{},
		firewall.Kind{},
		keyvault.Kind{},
		registry.Kind{},
		loganalytics.Kind{},
		bastion.Kind{},
		maintenance.Kind{},
		defender.Kind{},
		servicemesh.Kind{},
		identityprovider.Kind{},
	}
}

// Sections are the blocks' parts of the spec.
func Sections(kinds []plan.Kind) []spec.Section {
	out := make([]spec.Section, len(kinds))
	for i, k := range kinds {
		out[i] = k.Section()
	}
	return out
}

// Loader loads specs with every block's section.
func Loader() spec.Loader { return spec.Loader{Sections: Sections(All())} }

// Load loads a spec given as bytes.
func Load(file string, data []byte) (*spec.Document, error) { return Loader().Load(file, data) }

// LoadFile reads and loads a spec file.
func LoadFile(path string) (*spec.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading spec: %w", err)
	}
	return Load(path, data)
}

// Plan plans a loaded spec with every block.
func Plan(doc *spec.Document) (*plan.Plan, error) { return plan.Build(doc, All()...) }

// Checks is the check registry: the core's rules and every block's.
func Checks() *check.Registry {
	r := check.Default()
	for _, k := range All() {
		if rk, ok := k.(check.Ruled); ok {
			r.Add(rk.Rules()...)
		}
	}
	return r
}

// Schema is the JSON Schema of the spec with every block's section.
func Schema() ([]byte, error) { return Loader().Schema() }
