package azure

// Application Gateway for Containers' SLA: 99.95%, the figure Microsoft's
// SLA for Online Services gives Application Gateway v2, under which
// Application Gateway for Containers is listed; its components spread
// over the region's zones by themselves (the FAQ: "automatically ensures
// underlying components are spread across availability zones"), so no
// configuration condition applies.
var srcAGCSLA = Source{Ref: "Microsoft, Service Level Agreements for Online Services (Application Gateway, including Application Gateway for Containers: 99.95%); MicrosoftDocs/azure-docs articles/application-gateway/for-containers/faq.yml (zones without configuration)", Date: "2025-03-31",
	Ko: "Microsoft, Service Level Agreements for Online Services (Application Gateway, Application Gateway for Containers 포함: 99.95%); MicrosoftDocs/azure-docs articles/application-gateway/for-containers/faq.yml (설정 없이 영역에 분산)"}

var agcSLAs = []SLA{
	{Key: "agc", Percent: 99.95, Source: srcAGCSLA},
}
