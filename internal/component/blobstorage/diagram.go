package blobstorage

import (
	"strings"

	"github.com/physarch/physarch/internal/render/diagram"
)

// nodeID is the account's (or the dev pod's) node.
const nodeID = "Blob"

// Draw implements diagram.Drawn: the dev pod is drawn with the cluster's
// backing pods; the account outside the subnets with its containers, its
// private endpoints (the read-only secondary's too, with read access) in
// the endpoints subnet. The network diagram's flows
// end on the endpoint, the physical diagram's on the account.
func (c *Component) Draw(v diagram.View) diagram.Drawing {
	d := diagram.Drawing{Entry: nodeID}
	if !c.Managed() {
		return d
	}
	label := "Azure Blob Storage " + c.AccessTier + " " + c.Redundancy
	if !v.Network {
		var names []string
		for _, ct := range c.Containers {
			names = append(names, ct.Name)
		}
		label += "\n" + c.Account + "\n" + v.T("컨테이너: ", "containers: ") + strings.Join(names, ", ")
	}
	d.Managed = []diagram.Shape{{ID: nodeID, Label: label, DB: true, Icon: "Storage/AzureBlobStorage"}}
	if !c.endpoint {
		return d
	}
	// The read-only secondary's endpoint (RA-GRS, RA-GZRS) is drawn next
	// to the primary's, and reaches the same account.
	pe, secondary := "PE: Blob Storage", "PEBlobSecondary"
	if !v.Network {
		pe = "Private Endpoint: Blob Storage"
	}
	d.Endpoints = []diagram.Shape{{ID: "PEBlob", Label: pe}}
	if c.ReadAccess() {
		d.Endpoints = append(d.Endpoints, diagram.Shape{ID: secondary, Label: pe + v.T(" (보조, 읽기 전용)", " (secondary, read-only)"), Endpoint: SubresourceSecondary})
	}
	if v.Network {
		d.Entry = "PEBlob"
		d.Links = []diagram.Edge{{From: "PEBlob", To: nodeID, Label: "Private Link"}}
		if c.ReadAccess() {
			d.Links = append(d.Links, diagram.Edge{From: secondary, To: nodeID, Label: "Private Link"})
		}
	}
	return d
}
