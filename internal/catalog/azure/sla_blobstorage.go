package azure

// srcStorageSLA is the SLA for Storage Accounts. Its text (v1.5) names
// LRS, ZRS, GRS and RA-GRS and the Cool tier; the Blob Storage block
// applies the GRS and RA-GRS figures to GZRS and RA-GZRS, and Cool's to
// Cold, and says so where it prints them.
var srcStorageSLA = Source{Ref: "azure.microsoft.com/support/legal/sla/storage/v1_5 (SLA for Storage Accounts)", Date: "2019-06-01", Ko: "azure.microsoft.com/support/legal/sla/storage/v1_5 (스토리지 계정 SLA)"}

// blobStorageSLAs: reads from RA-GRS accounts 99.99% (Cool 99.9%) when
// failed reads are retried on the secondary; reads from LRS, ZRS and GRS
// 99.9% (Cool 99%); writes to any of them 99.9% (Cool 99%).
var blobStorageSLAs = []SLA{
	{Key: "blobstorage/hot/write", Percent: 99.9, Source: srcStorageSLA},
	{Key: "blobstorage/hot/read", Percent: 99.9, Source: srcStorageSLA},
	{Key: "blobstorage/hot/read-secondary", Percent: 99.99, Source: srcStorageSLA},
	{Key: "blobstorage/cool/write", Percent: 99, Source: srcStorageSLA},
	{Key: "blobstorage/cool/read", Percent: 99, Source: srcStorageSLA},
	{Key: "blobstorage/cool/read-secondary", Percent: 99.9, Source: srcStorageSLA},
}
