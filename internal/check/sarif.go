package check

import (
	"encoding/json"
	"net/url"
	"path/filepath"
	"strings"
)

// SARIF 2.1.0, the subset GitHub code scanning reads: the tool with its
// rules, and results with a rule, a level, a message and a location.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name"`
	ShortDescription     sarifText         `json:"shortDescription"`
	FullDescription      sarifText         `json:"fullDescription"`
	Help                 sarifText         `json:"help"`
	DefaultConfiguration map[string]string `json:"defaultConfiguration"`
	Properties           map[string]any    `json:"properties"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
	// RelatedLocations are the other places a finding quotes (audit's
	// conflicting lines): code scanning shows the first location as the
	// finding's place and links these from its message.
	RelatedLocations []sarifLocation    `json:"relatedLocations,omitempty"`
	Suppressions     []sarifSuppression `json:"suppressions,omitempty"`
	Properties       map[string]string  `json:"properties,omitempty"`
}

type sarifLocation struct {
	ID               int           `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation map[string]string `json:"artifactLocation"`
	Region           map[string]int    `json:"region"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification"`
}

func sarifLevel(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "note"
}

// SARIF writes the findings as a SARIF 2.1.0 log.
func SARIF(reg *Registry, findings []Finding, version string) ([]byte, error) {
	rules := reg.Rules()
	index := map[string]int{}
	drv := sarifDriver{Name: "physarch", Version: version, InformationURI: "https://github.com/physarch/physarch"}
	for i, r := range rules {
		index[r.ID] = i
		drv.Rules = append(drv.Rules, sarifRule{
			ID: r.ID, Name: ruleName(r.Title),
			ShortDescription:     sarifText{Text: r.Title},
			FullDescription:      sarifText{Text: r.Rationale},
			Help:                 sarifText{Text: r.Fix, Markdown: "**Fix:** " + r.Fix + "\n\n" + r.Rationale},
			DefaultConfiguration: map[string]string{"level": sarifLevel(r.Severity)},
			Properties:           map[string]any{"tags": []string{r.Family}},
		})
	}
	results := []sarifResult{}
	for _, f := range findings {
		line, col := max(f.Pos.Line, 1), max(f.Pos.Col, 1)
		res := sarifResult{
			RuleID: f.Rule, RuleIndex: index[f.Rule], Level: sarifLevel(f.Severity),
			Message: sarifText{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: map[string]string{"uri": sarifURI(f.Pos.File)},
				Region:           map[string]int{"startLine": line, "startColumn": col},
			}}},
		}
		for i, p := range f.Related {
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{ID: i + 1, PhysicalLocation: sarifPhysical{
				ArtifactLocation: map[string]string{"uri": sarifURI(p.File)},
				Region:           map[string]int{"startLine": max(p.Line, 1), "startColumn": max(p.Col, 1)},
			}})
		}
		if f.Env != "" {
			res.Properties = map[string]string{"environment": f.Env}
		}
		if f.Suppressed != "" {
			res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: f.Suppressed}}
		}
		results = append(results, res)
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{Driver: drv}, Results: results}},
	}
	return json.MarshalIndent(log, "", "  ")
}

// ruleName turns a title into the PascalCase name SARIF viewers show.
func ruleName(title string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(title, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

// sarifURI is a file's path as the relative URI reference SARIF asks for:
// a space, "#", "%" or "?" in a name is percent-encoded, or the viewer
// reads another file ("a b#c.md" is "a%20b%23c.md").
func sarifURI(path string) string {
	path = filepath.ToSlash(strings.TrimPrefix(path, "./"))
	return (&url.URL{Path: path}).EscapedPath()
}
