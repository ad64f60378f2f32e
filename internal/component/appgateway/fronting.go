package appgateway

import "github.com/physarch/physarch/internal/render/terraform"

// Names of the parts only the gateway in front of a controller has.
const (
	gwProbe            = "controller"
	gwListenerRedirect = "http"
	gwRuleRedirect     = "http-redirect"
	gwRedirect         = "to-https"
)

// toController points the gateway at the controller behind it: the pool
// holds the controller's private address (none until the variable is
// set), the backend settings speak HTTP to its port with a probe of the
// edge's health path, and without Front Door in front plain HTTP is
// redirected to the HTTPS listener.
func (c *gateway) toController(gw, pool, bs terraform.Block, be BackendService, behindFront bool) {
	pool.Expr("ip_addresses", "compact([var."+BackendVariable+"])")
	bs.Set("port", be.Port)
	bs.Set("probe_name", gwProbe)
	pr := gw.Child("probe")
	pr.Set("name", gwProbe)
	pr.Set("protocol", "Http")
	pr.Set("path", c.probePath())
	host := c.Domain
	if host == "" {
		host = "127.0.0.1"
	}
	pr.Set("host", host)
	pr.Set("interval", 30)
	pr.Set("timeout", 30)
	pr.Set("unhealthy_threshold", 3)
	pr.Child("match").Set("status_code", []string{"200-399"})
	if !c.TLS || behindFront {
		return
	}
	fp := gw.Child("http_listener")
	fp.Set("name", gwListenerRedirect)
	fp.Set("frontend_ip_configuration_name", gwFrontendPublic)
	fp.Set("frontend_port_name", gwPort)
	fp.Set("protocol", "Http")
	rc := gw.Child("redirect_configuration")
	rc.Set("name", gwRedirect)
	rc.Set("redirect_type", "Permanent")
	rc.Set("target_listener_name", gwListener)
	rc.Set("include_path", true)
	rc.Set("include_query_string", true)
	r := gw.Child("request_routing_rule")
	r.Set("name", gwRuleRedirect)
	r.Set("rule_type", "Basic")
	r.Set("priority", 110)
	r.Set("http_listener_name", gwListenerRedirect)
	r.Set("redirect_configuration_name", gwRedirect)
}

// probePath is the path the gateway's probe asks the controller for: the
// edge's health path, else the root.
func (c *gateway) probePath() string {
	if c.ProbePath == "" {
		return "/"
	}
	return c.ProbePath
}
