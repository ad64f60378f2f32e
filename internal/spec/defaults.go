package spec

import (
	"fmt"
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure"
	"k8s.io/apimachinery/pkg/api/resource"
)

// Defaults a service gets when the spec does not say. They are documented in
// the JSON Schema descriptions and the README.
const (
	DefaultPort                     = 8080
	DefaultDBPool                   = 10
	DefaultRequestsPerUserPerMinute = 2
	DefaultCPUMillisPerRequest      = 20
	DefaultCPURequest               = "250m"
	DefaultMemoryRequest            = "512Mi"
)

// applyDefaults fills what the spec leaves out. A value the user wrote is
// never replaced, even a zero: "requestsPerUserPerMinute: 0" is a service
// users do not call, and "port: 0" is an error the loader reports.
func applyDefaults(doc *Document) {
	s := &doc.Spec
	for i := range s.Services {
		sv := &s.Services[i]
		p := fmt.Sprintf("services[%d]", i)
		if sv.DBPool == 0 && sv.Database != "" {
			sv.DBPool = DefaultDBPool
		}
		if !doc.Has(p + ".port") {
			sv.Port = DefaultPort
		}
		if sv.Image == "" {
			sv.Image = s.Metadata.Name + "/" + sv.Name
		}
		workloadDefaults(doc, i, sv)
		// Only a service takes user load; the other kinds refuse load.
		if !doc.Has(p+".load.requestsPerUserPerMinute") && sv.Kind == WorkloadService {
			sv.Load.RequestsPerUserPerMinute = DefaultRequestsPerUserPerMinute
		}
		if !doc.Has(p+".load.cpuMillisPerRequest") && sv.Kind == WorkloadService {
			sv.Load.CPUMillisPerRequest = DefaultCPUMillisPerRequest
		}
		sv.Route = NormalizeRoute(sv.Route)
		if sv.Title.En == "" {
			sv.Title.En = sv.Name
		}
		if sv.Title.Ko == "" {
			sv.Title.Ko = sv.Title.En
		}
		r := &sv.Resources
		if r.Requests.CPU == "" {
			r.Requests.CPU = DefaultCPURequest
		}
		if r.Requests.Memory == "" {
			r.Requests.Memory = DefaultMemoryRequest
		}
		// Limits default to twice the requests: room for JVM start-up and
		// bursts without letting one pod starve a node.
		if r.Limits.CPU == "" {
			r.Limits.CPU = DoubleQuantity(r.Requests.CPU)
		}
		if r.Limits.Memory == "" {
			r.Limits.Memory = DoubleQuantity(r.Requests.Memory)
		}
	}
	for i := range s.External {
		e := &s.External[i]
		if e.Title.En == "" {
			e.Title.En = e.Name
		}
		if e.Title.Ko == "" {
			e.Title.Ko = e.Title.En
		}
	}
	if s.Metadata.Title.Ko == "" {
		s.Metadata.Title.Ko = s.Metadata.Title.En
	}
	if s.Metadata.Title.En == "" {
		s.Metadata.Title.En = s.Metadata.Title.Ko
	}
	for i := range s.Environments {
		e := &s.Environments[i]
		if e.Title.En == "" {
			e.Title.En = e.Name
		}
		if e.Title.Ko == "" {
			e.Title.Ko = e.Title.En
		}
		regionZones(doc, i, e)
		noSpotDefault(doc, i, e)
	}
}

// noSpotDefault takes a profile's Spot default off a pool whose VM size
// Azure does not sell as Spot (the B-series, azure.SpotOffered): the dev
// profile's spot: true is a default for its own D-series size, and a
// B-series pool runs pay-as-you-go. A spot: true the user wrote is kept,
// and the validator refuses it with a hint.
func noSpotDefault(doc *Document, i int, e *Environment) {
	for _, pool := range []struct {
		key string
		np  *NodePool
	}{{"system", &e.NodePools.System}, {"apps", &e.NodePools.Apps}} {
		if pool.np.Spot && !azure.SpotOffered(pool.np.VMSize) && !doc.Stated(fmt.Sprintf("environments[%d].nodePools.%s.spot", i, pool.key)) {
			pool.np.Spot = false
		}
	}
}

// regionZones takes a profile's zone count down to what the region has:
// the prod profile's three zones are a default for a region with zones,
// and a region without them (koreasouth) still holds the environment in
// its one datacenter. A count the user wrote is kept, and the validator
// refuses it with a hint; rule AV019 says what the lost zones cost.
func regionZones(doc *Document, i int, e *Environment) {
	region, ok := azure.LookupRegion(doc.Spec.Region)
	if !ok || doc.Stated(fmt.Sprintf("environments[%d].targets.zones", i)) {
		return
	}
	if most := max(region.Zones, 1); e.Targets.Zones > most {
		e.Targets.Zones = most
	}
}

// NormalizeRoute collapses repeated slashes and drops a trailing one, so
// that /api//bills and /api/bills/ are the route /api/bills (and collide
// with it). Dot segments are left for validation to refuse: what they mean
// differs between clients, gateways and ingress controllers.
func NormalizeRoute(r string) string {
	if r == "" {
		return ""
	}
	for strings.Contains(r, "//") {
		r = strings.ReplaceAll(r, "//", "/")
	}
	if len(r) > 1 {
		r = strings.TrimSuffix(r, "/")
	}
	return r
}

// DoubleQuantity returns twice a quantity, or the input unchanged when it does not
// parse (validation reports that).
func DoubleQuantity(q string) string {
	v, err := resource.ParseQuantity(q)
	if err != nil {
		return q
	}
	v.Add(v)
	return v.String()
}
