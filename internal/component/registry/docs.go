package registry

import (
	"fmt"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
)

// Deployment implements docs.Deployed: where the images come from.
func (c *Component) Deployment(d *md.Doc, _ *plan.Env) [][]string {
	return [][]string{docs.Cells(d, "registry.name", []string{d.T("컨테이너 레지스트리", "Container registry"), fmt.Sprintf("Azure Container Registry (%s)", c.Registry)},
		claim.TF("azurerm_container_registry.main", "name").Is(c.Registry))}
}
