package istiogateway

// PublicIPs implements cost.PublicAddressed: the external gateway's load
// balancer frontend; the internal gateway takes none (its address is the
// node subnet's). The gateway's pods run on the cluster's nodes, counted
// there; the add-on itself is free.
func (x *Component) PublicIPs() int {
	if x.Internal {
		return 0
	}
	return 1
}
