package frontdoor

import (
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// staticAt is where the static route's findings point: the spec section
// that declares it (the block that holds its container).
const staticAt = "backing.blobStorage.staticRoute"

// staticRules are the static content route's rules.
func staticRules() []check.Rule {
	return []check.Rule{
		{ID: "CO008", Family: "cost", Severity: check.Warning,
			Title:     "Static content route without edge caching",
			Rationale: "Without caching every request for static content goes on to the storage account: each is a read operation billed by the account and data leaving it, and the edge adds latency instead of removing it.",
			Fix:       "Set backing.blobStorage.staticRoute.caching: ignoreQueryString (or useQueryString where the query string selects a version).",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range c.Plan.Envs {
					if fd, ok := plan.Find[*Component](e); ok && fd.Static != nil && !fd.Static.Cached() {
						out = append(out, check.Finding{Env: e.Name, Path: staticAt + ".caching",
							Message: "static route " + fd.Static.Pattern() + " is not cached at the edge: every request reads the storage account"})
					}
				}
				return out
			}},
		{ID: "NW013", Family: "network", Severity: check.Error,
			Title:     "Static route's origin unreachable: Front Door Standard and a private storage account",
			Rationale: "Front Door Standard reaches an origin over its public endpoint only; a storage account behind a private endpoint has public network access off, so every request on the static route fails. Only Premium has Private Link origins.",
			Fix:       "Set ingress.frontDoor: Premium (a Private Link origin to the account), or serve the content from elsewhere.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range c.Plan.Envs {
					if fd, ok := plan.Find[*Component](e); ok && !fd.Reachable() {
						out = append(out, check.At(e, c, "ingress.frontDoor", "Front Door %s cannot reach account %s of static route %s: its public network access is off, and Standard has no Private Link origin", fd.Tier, fd.Static.Account, fd.Static.Pattern()))
					}
				}
				return out
			}},
		{ID: "SC017", Family: "security", Severity: check.Error,
			Title:     "Static content readable around Front Door",
			Rationale: "The static route's container allows anonymous reads, as Front Door needs; where the account's public endpoint is open, anyone can read it directly, past Front Door's WAF, rate limit and cache (and every such read is billed to the account). Behind a private endpoint with a Private Link origin, Front Door is the only way in, and SC008 leaves the container to this rule.",
			Fix:       "Put the account behind a private endpoint (network.privateEndpoints: true) and use Front Door Premium, whose Private Link origin is then the only way in.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if fd, ok := plan.Find[*Component](e); ok && fd.Static != nil && !fd.Static.Private {
						out = append(out, check.Finding{Env: e.Name, Path: staticAt + ".container",
							Message: "container " + fd.Static.Container + " of static route " + fd.Static.Pattern() + " is anonymously readable on the public endpoint of account " + fd.Static.Account + ", past Front Door"})
					}
				}
				return out
			}},
	}
}
