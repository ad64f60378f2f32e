package frontdoor

import (
	"fmt"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
)

// Summary implements docs.Summarised: production's way in, and how
// traffic arrives.
func (c *Component) Summary(d *md.Doc, _ *plan.Env, key string) (string, bool) {
	switch key {
	case docs.SummaryFrontEnd:
		return fmt.Sprintf(d.T("프론트엔드: Azure Front Door %s → Application Gateway WAF_v2", "Front end: Azure Front Door %s → Application Gateway WAF_v2"), c.Tier), true
	case docs.SummaryTraffic:
		return "Front Door → HTTPS", true
	}
	return "", false
}

// SecurityLayers implements docs.Layered: the perimeter.
func (c *Component) SecurityLayers(d *md.Doc, _ *plan.Env) []docs.Layer {
	return []docs.Layer{{N: 1, Name: d.T("경계", "Perimeter"), Technology: fmt.Sprintf("Azure Front Door %s", c.Tier), Applies: d.T("인터넷 → Azure", "internet → Azure")}}
}
