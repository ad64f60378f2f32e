package azure

// End-user identity provider SLAs. Microsoft Entra External ID (the
// successor of Azure AD B2C, which new customers cannot buy since
// 2025-05-01) is billed as Azure AD External Identities, whose pricing
// page promises 99.9% uptime; Azure AD B2C's own SLA says the same. The
// 99.99% of Microsoft Entra ID's SLA covers workforce sign-ins, and no
// source extends it to external tenants, so the lower figure is taken.
var srcExternalIDSLA = Source{Ref: "azure.microsoft.com/pricing/details/active-directory/external-identities (\"Guaranteed 99.9% uptime\"); azure.microsoft.com/support/legal/sla/active-directory-b2c/v1_0 (99.9%, July 2016)", Date: "2026-12-02",
	Ko: "azure.microsoft.com/pricing/details/active-directory/external-identities (\"Guaranteed 99.9% uptime\"); azure.microsoft.com/support/legal/sla/active-directory-b2c/v1_0 (99.9%, 2016년 7월)"}

var identitySLAs = []SLA{
	{Key: "identity/entraExternalId", Percent: 99.9, Source: srcExternalIDSLA,
		Notes: []string{"Microsoft Entra ID's 99.99% (SLA v1.1, user authentication) is for workforce tenants; no source applies it to external tenants"}},
	// An external OIDC provider's figure is the spec's
	// (backing.identityProvider.availability): no catalog entry.
	{Key: "identity/oidc", Source: Source{Ref: "none: an external provider's SLA is its operator's; state backing.identityProvider.availability", Date: "2026-12-02",
		Ko: "없음: 외부 공급자의 SLA는 그 운영자가 정함; `backing.identityProvider.availability`로 명시"}},
}
