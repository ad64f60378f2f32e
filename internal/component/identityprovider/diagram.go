package identityprovider

import "github.com/physarch/physarch/internal/render/diagram"

// nodeID is the provider's node: an external actor beside the users.
const nodeID = "IdP"

// Draw implements diagram.Drawn: the provider outside Azure, which the
// users sign in at (the physical diagram; the network diagram has no
// flow of the VNet's to it but the gateway's key downloads).
func (x *Component) Draw(v diagram.View) diagram.Drawing {
	if v.Network {
		return diagram.Drawing{}
	}
	label := x.Title()
	if x.Provider == OIDC {
		label = v.T("외부 OIDC 공급자", "External OIDC provider") + "\n" + x.Issuer
	}
	return diagram.Drawing{Azure: []diagram.Shape{{ID: nodeID, Label: label}},
		Ties: []diagram.Edge{{From: "Users", To: nodeID, Label: v.T("로그인 (OIDC)", "sign-in (OIDC)"), Dotted: true}}}
}
