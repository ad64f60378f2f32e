package blobstorage

import (
	"fmt"
	"github.com/physarch/physarch/internal/component/frontdoor"

	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Rules implements check.Ruled: the block's own rules. Their numbers
// start at 41 in each family, clear of the core's and of the other
// blocks being added alongside this one.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "RS009", Family: "resilience", Severity: check.Warning,
			Title:     "Production Blob Storage on LRS",
			Rationale: "LRS keeps its three copies in one datacenter: a datacenter or zone failure stops every service that reads or writes blobs until Azure recovers it, and a disaster there loses the data.",
			Fix:       "Set blobStorage.redundancy to ZRS (zones), GZRS or RA-GZRS (zones and the paired region), or GRS/RA-GRS where the region has no zones.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if b, ok := plan.Find[*Component](e); ok && b.Managed() && b.Redundancy == "LRS" {
						out = append(out, check.At(e, c, Key+".redundancy", "the storage account %s keeps every blob in one datacenter (LRS)", b.Account))
					}
				}
				return out
			}},
		{ID: "SC008", Family: "security", Severity: check.Error,
			Title:     "Blob container open to anonymous reads in production",
			Rationale: "A container with public access serves its blobs to anyone who has (or guesses) their URL, with no identity and no log of who read them; and to allow it the account must permit public access, so any other container can be opened the same way.",
			Fix:       "Set publicAccess: none and serve the blobs through a service, a CDN with a private origin, or short-lived user delegation SAS URLs.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					b, ok := plan.Find[*Component](e)
					if !ok || !b.Managed() {
						continue
					}
					for i, ct := range b.Containers {
						// The static route's container is judged by
						// Front Door's SC017 where Front Door serves it.
						if ct.PublicAccess != "none" && !servedByFrontDoor(e, ct.Name) {
							f := check.At(e, c, "", "container %s of %s allows anonymous reads (publicAccess: %s)", ct.Name, b.Account, ct.PublicAccess)
							f.Path = fmt.Sprintf("backing.%s.containers[%d].publicAccess", Key, i)
							out = append(out, f)
						}
					}
				}
				return out
			}},
		{ID: "CO006", Family: "cost", Severity: check.Warning,
			Title:     "Growing blob data without a lifecycle rule",
			Rationale: "The spec says the data grows every month; without a lifecycle rule every blob stays in its tier forever, and the bill grows with it although old blobs are rarely read.",
			Fix:       "Set blobStorage.lifecycle (coolAfterDays, archiveAfterDays on LRS/GRS/RA-GRS, deleteAfterDays where the data may go).",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range c.Plan.Envs {
					b, ok := plan.Find[*Component](e)
					if ok && b.Managed() && b.Volume.StatedGrowth && b.Volume.GrowthGBPerMonth > 0 && !b.Lifecycled() {
						out = append(out, check.At(e, c, Key+".lifecycle", "%s grows by %s GB a month and no lifecycle rule moves or deletes old blobs", b.Account, trim(b.Volume.GrowthGBPerMonth)))
					}
				}
				return out
			}},
	}
}

// ManagedInDev implements check.ManagedInDev (rule CO003).
func (c *Component) ManagedInDev() (string, string) {
	if !c.Managed() {
		return "", ""
	}
	return Key + ".mode", "dev runs the storage account " + c.Account + " instead of Azurite"
}

// PublicEndpoint implements check.Public (rule NW003).
func (c *Component) PublicEndpoint(*plan.Env) (string, string) {
	if !c.Managed() || c.endpoint {
		return "", ""
	}
	return "network.privateEndpoints", "the storage account " + c.Account + " keeps its public endpoint"
}

// servedByFrontDoor reports whether Front Door serves a container as the
// environment's static content route.
func servedByFrontDoor(e *plan.Env, container string) bool {
	fd, ok := plan.Find[*frontdoor.Component](e)
	return ok && fd.Static != nil && fd.Static.Container == container
}
