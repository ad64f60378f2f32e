package defender

import (
	"github.com/physarch/physarch/internal/component/loganalytics"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Kind is the Defender for Containers block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Component is Defender for Containers in one environment.
type Component struct {
	// Sensor is whether the cluster runs the Defender sensor, which needs
	// the workspace it reports to.
	Sensor bool
}

// ID implements plan.Component.
func (*Component) ID() string { return Name }

// Plan implements plan.Kind: registered after the monitoring block, whose
// workspace the sensor reports to.
func (Kind) Plan(c *plan.Context) plan.Component {
	if !plan.Settings[Settings](c, Name).Defender {
		return nil
	}
	m, ok := plan.Find[*loganalytics.Component](c.Env)
	return &Component{Sensor: ok && m.Workspace}
}

// VCores are the vCores Defender bills at minimum and maximum scale: every
// node of every pool.
func VCores(e *plan.Env) (lo, hi int) {
	for _, p := range e.Pools {
		lo += p.Min * p.VCPU
		hi += p.Max * p.VCPU
	}
	return lo, hi
}
