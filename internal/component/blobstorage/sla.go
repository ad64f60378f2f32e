package blobstorage

import (
	"strings"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/plan"
)

// ServiceLinks implements availability.Linked: a using service's requests
// wait on the account. The SLA for Storage Accounts promises writes and
// reads separately: a service that writes waits on the write figure; one
// that only reads on the read figure, which for RA-GRS and RA-GZRS is
// higher when failed reads are retried on the secondary endpoint (the
// service receives it as AZURE_STORAGE_BLOB_SECONDARY_ENDPOINT).
func (c *Component) ServiceLinks(_ *plan.Env, sv plan.Service, nodes availability.Nodes) []availability.PathLink {
	u, ok := c.User(sv.Name)
	if !ok {
		return nil
	}
	if !c.Managed() {
		key, cfg, cfgKo := nodes(1)
		return []availability.PathLink{{Name: "Blob Storage", Config: "Azurite pod (" + cfg + ")", ConfigKo: "Azurite Pod (" + cfgKo + ")", Key: key, Note: "a single pod: the SLA of the node it runs on", NoteKo: podNoteKo}}
	}
	// Reads and writes have their own SLAs: each is a link of its own,
	// so that a reading route and a writing route each get theirs.
	key, what, note, noteKo := slaKey(c.AccessTier, c.Redundancy, u.Access)
	if strings.Contains(c.Redundancy, "GZRS") || c.AccessTier == "Cold" {
		note += "; the SLA's text predates GZRS and Cold: GZRS is taken as GRS, Cold as Cool"
		noteKo += "; SLA 문서가 GZRS와 Cold보다 먼저 작성됨: GZRS는 GRS로, Cold는 Cool로 간주"
	}
	cfg, cfgKo := c.AccessTier+" "+c.Redundancy, ""
	if strings.HasSuffix(key, "/read-secondary") {
		// The figure holds only when failed reads go to the secondary:
		// say so where the documents print the figure.
		cfg, cfgKo = cfg+", reads retried on the secondary", cfg+", 실패한 읽기는 보조 엔드포인트에서 재시도"
	}
	return []availability.PathLink{{Name: "Blob Storage " + what, NameKo: "Blob Storage " + whatKo[what], Config: cfg, ConfigKo: cfgKo, Key: key, Note: note, NoteKo: noteKo}}
}

// whatKo is slaKey's "what" in Korean.
var whatKo = map[string]string{"reads": "읽기", "writes": "쓰기"}

// slaKey is the catalog key of the figure a service with an access waits
// on, what it covers, and the condition it holds under.
func slaKey(tier, redundancy, access string) (key, what, note, noteKo string) {
	class := "hot"
	if tier != "Hot" {
		class = "cool"
	}
	switch {
	case access != "read":
		return "blobstorage/" + class + "/write", "writes", "a service that writes waits on the write SLA", "쓰는 서비스는 쓰기 SLA의 영향을 받음"
	case strings.HasPrefix(redundancy, "RA-"):
		return "blobstorage/" + class + "/read-secondary", "reads", "reads retried on the secondary endpoint, as the SLA requires", "SLA 조건대로 읽기를 보조 엔드포인트에서 재시도"
	}
	return "blobstorage/" + class + "/read", "reads", "a service that only reads waits on the read SLA", "읽기만 하는 서비스는 읽기 SLA의 영향을 받음"
}

// podNoteKo is the single pod's note in Korean.
const podNoteKo = "단일 Pod: 실행 중인 노드의 SLA"
