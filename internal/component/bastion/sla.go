package bastion

// The block implements no availability facet on purpose: Bastion and the
// jump host are how operators get in, not how requests reach the services,
// so neither is on the request path the composite availability multiplies
// (a Bastion outage delays a deploy; it fails no user request).
