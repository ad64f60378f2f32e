package plan

import "github.com/physarch/physarch/internal/spec"

// refuseSpot fails a pool that asks for Spot on a size Azure does not sell
// as Spot (B-series). The loader refuses a spec that states it; a what-if
// (plan.Vary) is not loaded again, so the planner refuses it too: there
// is no such VM to price or to deploy.
func (p *planner) refuseSpot(path, name, vm string) {
	at := path + ".spot"
	if !p.doc.Stated(at) {
		at = path + ".vmSize" // Spot is the profile's: the size is what the user chose
	}
	p.fail(at, spec.SpotHint(vm), "node pool %s asks for Spot VMs, but Azure does not offer %s (B-series) as Spot", name, vm)
}
