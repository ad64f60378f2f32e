package plan

// EdgeProbe is the path an edge's health probe (Front Door's, a
// gateway's) asks for: the health path of the first routed service that
// states one, with that service (so the ingress routes the probe to it),
// else the first route and no service; "/" without routes. Every entry
// block probes the same path, so Front Door and the gateway behind it
// agree on what healthy means.
func EdgeProbe(svs []Service) (path, service string) {
	first := ""
	for _, sv := range svs {
		if sv.Route == "" {
			continue
		}
		if sv.Health != "" {
			return sv.Health, sv.Name
		}
		if first == "" {
			first = sv.Route
		}
	}
	if first == "" {
		first = "/"
	}
	return first, ""
}
