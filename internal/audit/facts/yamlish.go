package facts

import (
	"regexp"
	"strings"
)

var pdbWord = regexp.MustCompile(`(?i)pdb|disruption`)

var yamlKey = regexp.MustCompile(`^(\s*)-?\s*([A-Za-z0-9_.-]+):\s*(.*?)\s*(#.*)?$`)

// yamlish reads YAML in a document, fenced or not: a service's replicas
// and HPA bounds under its key ("auth_service:" then "min_replicas: 3").
// A page copied from a browser loses both the fences and the indentation,
// so nesting is not trusted: a figure belongs to the last key above it
// that names a service (or that sits right under an hpa key).
func (c *mdCtx) yamlish() {
	svc, prevKey := "", ""
	// A PDB's figures count only inside a PDB ("kind: PodDisruptionBudget",
	// a "pdb" key), never a Deployment's rollingUpdate.maxUnavailable.
	pdb, block := false, ""
	svcIndent := -1 // the indentation of service keys under an hpa key
	for _, en := range flowExpanded(c.f.MD.Lines) {
		i, l := en.n-1, en.text
		m := yamlKey.FindStringSubmatch(l)
		if m == nil || c.f.MD.InTable[i+1] {
			if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "-") && !strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "```") {
				svc, prevKey, svcIndent = "", "", -1
			}
			continue
		}
		key, val, indent := m[2], m[3], len(m[1])
		if pdbWord.MatchString(key) || pdbWord.MatchString(val) {
			pdb = true
		} else if key == "kind" {
			pdb = false
		}
		if val == "" {
			block = key
			k := ServiceKey(key)
			switch {
			case strings.Contains(strings.ToLower(prevKey), "hpa"):
				svc, svcIndent = k, indent
			case indent == svcIndent && indent > 0, strings.HasSuffix(k, "-service"):
				svc = k
			}
			prevKey = key
			continue
		}
		prevKey = key
		// An HPA or PDB manifest names its workload: "name: order-service"
		// (or "order-service-hpa") under metadata or scaleTargetRef.
		if key == "name" {
			if k := strings.TrimSuffix(strings.TrimSuffix(ServiceKey(strings.Trim(val, `"'`)), "-hpa"), "-pdb"); strings.HasSuffix(k, "-service") {
				svc = k
			}
			continue
		}
		var kind Kind
		switch key {
		case "replicas":
			kind = Replicas
		case "min_replicas", "minReplicas", "minReplicaCount":
			kind = HPAMin
		case "max_replicas", "maxReplicas", "maxReplicaCount":
			kind = HPAMax
		case "minAvailable", "min_available":
			kind = PDBMin
		case "maxUnavailable", "max_unavailable":
			kind = PDBMaxUnav
		}
		if (kind == PDBMin || kind == PDBMaxUnav) && (!pdb || strings.EqualFold(block, "rollingUpdate")) {
			continue
		}
		if kind == "" {
			continue
		}
		n := firstInt(val)
		if svc == "" || n < 0 || strings.Contains(val, "%") {
			continue
		}
		c.add(Fact{Kind: Service, Subject: svc}, i+1)
		c.add(Fact{Kind: kind, Subject: svc, Num: float64(n)}, i+1)
	}
}

type yamlLine struct {
	n    int
	text string
}

// flowMap is a key with a one-line flow mapping: "trip-service:
// {minReplicas: 3, maxReplicas: 14, cpu: 70%}".
var flowMap = regexp.MustCompile(`^(\s*-?\s*)([A-Za-z0-9_.-]+):\s*\{([^{}]*)\}\s*(#.*)?$`)

// flowExpanded is the document's lines with each one-line flow mapping
// written out as the block it means, every part keeping its line number.
func flowExpanded(lines []string) []yamlLine {
	out := make([]yamlLine, 0, len(lines))
	for i, l := range lines {
		m := flowMap.FindStringSubmatch(l)
		if m == nil || !strings.Contains(m[3], ":") {
			out = append(out, yamlLine{i + 1, l})
			continue
		}
		indent := strings.Repeat(" ", len(m[1]))
		out = append(out, yamlLine{i + 1, indent + m[2] + ":"})
		for _, pair := range strings.Split(m[3], ",") {
			if k, v, ok := strings.Cut(pair, ":"); ok {
				out = append(out, yamlLine{i + 1, indent + "  " + strings.TrimSpace(k) + ": " + strings.TrimSpace(v)})
			}
		}
	}
	return out
}
