package blobstorage

import (
	"fmt"
	"slices"
	"strings"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/component/frontdoor"
	"github.com/physarch/physarch/internal/spec"
)

// defaultStaticPath is the static route's prefix where the spec gives
// none.
const defaultStaticPath = "/static"

// validateStatic checks the static route against the containers and the
// services' routes: Front Door reads the container without a credential
// (it has none for storage), and a service route under the prefix would
// never be reached (Front Door takes the most specific pattern).
func validateStatic(v *spec.Validation, b *Backing, names []string) {
	st := b.StaticRoute
	p := "backing." + Key + ".staticRoute"
	switch {
	case st.Container == "" || v.Failed(p+".container"):
		// The loader's error says it (the key is required).
	case !slices.Contains(names, st.Container):
		v.Fail(p+".container", v.DidYouMean("blob containers", st.Container, names, "declared: "+fmt.Sprint(names)), "the static route reads container %q, which backing.blobStorage does not declare", st.Container)
	default:
		for _, c := range b.Containers {
			if c.Name == st.Container && (c.PublicAccess == "" || c.PublicAccess == "none") {
				v.Fail(p+".container", fmt.Sprintf("set publicAccess: blob on container %s (Front Door has no credential for storage, so it reads anonymously)", c.Name),
					"the static route reads container %q, which allows no anonymous reads", c.Name)
			}
		}
	}
	if v.Failed(p + ".path") {
		return
	}
	path := staticPath(st)
	for i, sv := range v.Spec().Services {
		r := spec.NormalizeRoute(sv.Route)
		// The root route stays the fallback: Front Door's more specific
		// static pattern wins, as intended.
		if r == path || strings.HasPrefix(r, path+"/") {
			v.Fail(fmt.Sprintf("services[%d].route", i), fmt.Sprintf("move the service's route, or the static route (backing.%s.staticRoute.path)", Key),
				"route %q of service %q lies under the static route %s, which Front Door serves from storage", r, sv.Name, path)
		}
	}
}

// staticPath is the route's prefix.
func staticPath(st *StaticRoute) string {
	if st.Path == "" {
		return defaultStaticPath
	}
	return st.Path
}

// StaticRoute implements frontdoor.StaticOrigin: the managed account's
// container Front Door serves the static route from. Dev's Azurite pod is
// no origin (dev has no Front Door).
func (c *Component) StaticRoute() *frontdoor.Static {
	if c.Static == nil || !c.Managed() {
		return nil
	}
	st := c.Static
	// The same link as a reading service's, so the whole system counts
	// the account's reads once; but Front Door does not retry on the
	// secondary, so with read access the primary's figure is the route's.
	key, what, note, noteKo := slaKey(c.AccessTier, c.Redundancy, "read")
	name, nameKo := "Blob Storage "+what, "Blob Storage "+whatKo[what]
	if strings.HasSuffix(key, "/read-secondary") {
		key, name, nameKo, note = strings.TrimSuffix(key, "-secondary"), name+" (primary)", nameKo+" (기본 엔드포인트)", "Front Door reads the primary endpoint only"
		noteKo = "Front Door는 기본 엔드포인트에서만 읽음"
	}
	return &frontdoor.Static{
		Path: staticPath(st), Account: c.Account, Container: st.Container,
		Host: "azurerm_storage_account.blob.primary_blob_host", Target: "azurerm_storage_account.blob.id",
		Private: c.endpoint, Caching: cachings[orDefault(st.Caching, "ignoreQueryString")], Compression: st.Compression == nil || *st.Compression,
		Link: availability.PathLink{Name: name, NameKo: nameKo, Config: c.AccessTier + " " + c.Redundancy, Key: key, Note: note, NoteKo: noteKo},
		Node: nodeID,
	}
}

func orDefault(v, d string) string {
	if v == "" {
		return d
	}
	return v
}
