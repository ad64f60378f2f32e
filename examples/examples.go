// Package examples embeds the example specs so that `physarch build` works
// on a fresh checkout with no spec of the user's.
package examples

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

//go:embed */physarch.yaml
var files embed.FS

// Default is the example `physarch build` uses when there is no spec.
const Default = "kt-event-marketing"

// Names lists the embedded examples.
func Names() []string {
	matches, _ := fs.Glob(files, "*/physarch.yaml")
	out := make([]string, len(matches))
	for i, m := range matches {
		out[i] = strings.TrimSuffix(m, "/physarch.yaml")
	}
	sort.Strings(out)
	return out
}

// Spec returns an example's spec text and the path it is known by.
func Spec(name string) (path string, data []byte, err error) {
	path = "examples/" + name + "/physarch.yaml"
	data, err = files.ReadFile(name + "/physarch.yaml")
	if err != nil {
		return "", nil, fmt.Errorf("no example %q (examples: %s)", name, strings.Join(Names(), ", "))
	}
	return path, data, nil
}
