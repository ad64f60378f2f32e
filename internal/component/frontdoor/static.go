package frontdoor

import (
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/plan"
)

// Static is a static content route: a path Front Door serves from a
// storage container, cached at the edge, with no service behind it. The
// block that holds the container (Blob Storage) plans it and Front Door
// routes it; Front Door has no credential for storage, so the container
// allows anonymous reads.
type Static struct {
	// Path is the route's prefix ("/static"); Front Door matches
	// Path + "/*" and asks the origin for OriginPath + the request's
	// path, so the blobs live under the prefix inside the container.
	Path string
	// Account and Container name the origin; Host is the Terraform
	// expression of the account's blob host name, Target the account's
	// id (a private link origin connects to it).
	Account, Container, Host, Target string
	// Private: the account's public network access is off, so only a
	// private link origin (Premium) reaches it.
	Private bool
	// Caching is the route's query-string behaviour
	// (IgnoreQueryString, UseQueryString) or "" for no caching;
	// Compression compresses the content types of compressTypes at the
	// edge.
	Caching     string
	Compression bool
	// Link is the origin's SLA on the route's path (the account's reads).
	Link availability.PathLink
	// Node is the origin's node in the diagrams.
	Node string
}

// StaticOrigin is a component that holds a static content route's origin.
// It is registered before Front Door, so it is planned first.
type StaticOrigin interface {
	StaticRoute() *Static
}

// Pattern is the route's pattern as Front Door matches it.
func (s *Static) Pattern() string { return s.Path + "/*" }

// OriginPath is the path Front Door puts in front of the request's.
func (s *Static) OriginPath() string { return "/" + s.Container }

// Cached reports whether the edge caches the route.
func (s *Static) Cached() bool { return s.Caching != "" }

// compressTypes are the content types Front Door compresses on the static
// route: the text types a web front end serves (Front Door compresses
// only the types a route lists, files of 1 KB to 8 MB).
var compressTypes = []string{"application/javascript", "application/json", "image/svg+xml", "text/css", "text/html", "text/plain"}

// privateLink reports whether the route reaches its origin over a private
// link (Premium only: Microsoft, "Secure your origin with Private Link in
// Azure Front Door Premium").
func (c *Component) privateLink() bool { return c.Static != nil && c.ManagedRules() }

// Reachable reports whether Front Door can reach the static route's
// origin: over a private link, or over the account's public endpoint
// where it is open.
func (c *Component) Reachable() bool {
	return c.Static == nil || c.privateLink() || !c.Static.Private
}

// OwnRoutes implements availability.Routing: the static route is a path of
// its own, Front Door and the account's reads, nothing in the cluster.
func (c *Component) OwnRoutes(_ *plan.Env) []availability.OwnRoute {
	if c.Static == nil {
		return nil
	}
	return []availability.OwnRoute{{Route: c.Static.Pattern(), Service: c.Static.Container,
		Links: []availability.PathLink{c.edgeLink(), c.Static.Link}}}
}
