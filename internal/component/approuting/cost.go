package approuting

// PublicIPs implements cost.PublicAddressed: NGINX's load balancer
// frontend. The add-on itself is free (its NGINX pods run on the
// cluster's system nodes). Behind the Application Gateway the internal
// load balancer takes an address of the node subnet, not a public one.
func (x *Component) PublicIPs() int {
	if x.Internal {
		return 0
	}
	return 1
}
