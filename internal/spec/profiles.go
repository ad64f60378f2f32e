package spec

import (
	"embed"
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Profiles are YAML so that they are merged exactly like user input and
// their values keep positions ("profile dev:12:5") in error messages.
//
//go:embed profiles/*.yaml
var profileFS embed.FS

// ProfileNames lists the built-in profiles.
func ProfileNames() []string {
	entries, _ := profileFS.ReadDir("profiles")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(out)
	return out
}

// ProfileSource returns a profile's YAML text, for `physarch init` and docs.
func ProfileSource(name string) ([]byte, error) {
	data, err := profileFS.ReadFile("profiles/" + name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("unknown profile %q", name)
	}
	return data, nil
}

// profileNode parses a fresh copy of a profile; each environment gets its
// own so merging never shares nodes between environments.
func profileNode(name string) (*yaml.Node, string, error) {
	data, err := ProfileSource(name)
	if err != nil {
		return nil, "", err
	}
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		return nil, "", fmt.Errorf("built-in profile %s is broken: %w", name, err)
	}
	return n.Content[0], "profile " + name, nil
}
