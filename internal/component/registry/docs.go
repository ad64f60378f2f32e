package registry

import (
	"fmt"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
)

// Deployment implements docs.Deployed: where the images come from.
func (c *Component) Deployment(d *md.Doc, _ *plan.Env) [][]string {
	return [][]string{{d.T("컨테이너 레지스트리", "Container registry"), fmt.Sprintf("Azure Container Registry (%s)", c.Registry)}}
}
