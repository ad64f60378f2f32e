package blobstorage

import (
	"strings"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/plan"
)

// ServiceLinks implements availability.Linked: a using service's requests
// wait on the account. The SLA for Storage Accounts promises writes and
// reads separately: a service that writes waits on the write figure; one
// that only reads on the read figure, which for RA-GRS and RA-GZRS is
// higher when failed reads are retried on the secondary endpoint (the
// service receives it as AZURE_STORAGE_BLOB_SECONDARY_ENDPOINT).
func (c *Component) ServiceLinks(_ *plan.Env, sv plan.Service, nodes availability.Nodes) []availability.PathLink {
	u, ok := c.User(sv.Name)
	if !ok {
		return nil
	}
	if !c.Managed() {
		key, cfg := nodes(1)
		return []availability.PathLink{{Name: "Blob Storage", Config: "Azurite pod (" + cfg + ")", Key: key, Note: "a single pod: the SLA of the node it runs on"}}
	}
	// Reads and writes have their own SLAs: each is a link of its own,
	// so that a reading route and a writing route each get theirs.
	key, what, note := slaKey(c.AccessTier, c.Redundancy, u.Access)
	if strings.Contains(c.Redundancy, "GZRS") || c.AccessTier == "Cold" {
		note += "; the SLA's text predates GZRS and Cold: GZRS is taken as GRS, Cold as Cool"
	}
	cfg := c.AccessTier + " " + c.Redundancy
	if strings.HasSuffix(key, "/read-secondary") {
		// The figure holds only when failed reads go to the secondary:
		// say so where the documents print the figure.
		cfg += ", reads retried on the secondary"
	}
	return []availability.PathLink{{Name: "Blob Storage " + what, Config: cfg, Key: key, Note: note}}
}

// slaKey is the catalog key of the figure a service with an access waits
// on, what it covers, and the condition it holds under.
func slaKey(tier, redundancy, access string) (key, what, note string) {
	class := "hot"
	if tier != "Hot" {
		class = "cool"
	}
	switch {
	case access != "read":
		return "blobstorage/" + class + "/write", "writes", "a service that writes waits on the write SLA"
	case strings.HasPrefix(redundancy, "RA-"):
		return "blobstorage/" + class + "/read-secondary", "reads", "reads retried on the secondary endpoint, as the SLA requires"
	}
	return "blobstorage/" + class + "/read", "reads", "a service that only reads waits on the read SLA"
}
