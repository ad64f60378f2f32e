package registry

// ImageName implements k8s.Registered: each overlay pulls the services'
// images from the environment's registry.
func (c *Component) ImageName(image string) string { return c.LoginServer() + "/" + image }
