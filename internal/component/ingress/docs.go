package ingress

import (
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
)

// Summary implements docs.Summarised: the controller's name.
func (*Component) Summary(_ *md.Doc, _ *plan.Env, key string) (string, bool) {
	if key == docs.SummaryIngress {
		return "NGINX Ingress Controller", true
	}
	return "", false
}
