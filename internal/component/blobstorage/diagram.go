package blobstorage

import (
	"strings"

	"github.com/physarch/physarch/internal/render/mermaid"
)

// nodeID is the account's (or the dev pod's) node.
const nodeID = "Blob"

// Draw implements mermaid.Drawn: the dev pod is drawn with the cluster's
// backing pods; the account outside the subnets with its containers, its
// private endpoint in the endpoints subnet. The network diagram's flows
// end on the endpoint, the physical diagram's on the account.
func (c *Component) Draw(v mermaid.View) mermaid.Drawing {
	d := mermaid.Drawing{Entry: nodeID}
	if !c.Managed() {
		return d
	}
	label := "Azure Blob Storage " + c.AccessTier + " " + c.Redundancy
	if !v.Network {
		var names []string
		for _, ct := range c.Containers {
			names = append(names, ct.Name)
		}
		label += "<br/>" + c.Account + "<br/>" + v.T("컨테이너: ", "containers: ") + strings.Join(names, ", ")
	}
	d.Managed = []mermaid.Shape{{ID: nodeID, Label: label, DB: true}}
	if !c.endpoint {
		return d
	}
	if v.Network {
		d.Entry = "PEBlob"
		d.Endpoints = []mermaid.Shape{{ID: "PEBlob", Label: "PE: Blob Storage"}}
		d.Links = []mermaid.Edge{{From: "PEBlob", To: nodeID, Label: "Private Link"}}
	} else {
		d.Endpoints = []mermaid.Shape{{ID: "PEBlob", Label: "Private Endpoint: Blob Storage"}}
	}
	return d
}
