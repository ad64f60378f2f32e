package check

import (
	"bytes"
	"fmt"
	"os"

	"gopkg.in/yaml.v3"
)

// Config turns rules on and off and changes their severity. It is read
// from a YAML file (physarch-check.yaml by default):
//
//	disable: [CO005, SC007]      # rules not to run
//	only: [AV001, CO001]         # if set, run just these
//	severity: {AV005: error}     # raise or lower a rule's severity
type Config struct {
	Disable  []string            `yaml:"disable"`
	Only     []string            `yaml:"only"`
	Severity map[string]Severity `yaml:"-"`
}

func (c Config) enabled(id string) bool {
	for _, d := range c.Disable {
		if d == id {
			return false
		}
	}
	if len(c.Only) == 0 {
		return true
	}
	for _, o := range c.Only {
		if o == id {
			return true
		}
	}
	return false
}

// LoadConfig reads a config file; unknown keys and unknown rule IDs are
// errors with their line, since a misspelt ID would silently do nothing.
func LoadConfig(path string, reg *Registry) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("reading check config: %w", err)
	}
	return ParseConfig(path, data, reg)
}

// ParseConfig reads a config file's contents; path only names it in errors.
func ParseConfig(path string, data []byte, reg *Registry) (Config, error) {
	var raw struct {
		Disable  []string          `yaml:"disable"`
		Only     []string          `yaml:"only"`
		Severity map[string]string `yaml:"severity"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil && err.Error() != "EOF" {
		return Config{}, fmt.Errorf("%s: %w (known keys: disable, only, severity)", path, err)
	}
	cfg := Config{Disable: raw.Disable, Only: raw.Only, Severity: map[string]Severity{}}
	var errs []string
	check := func(id string) {
		if _, ok := reg.Rule(id); !ok {
			errs = append(errs, fmt.Sprintf("unknown rule %q", id))
		}
	}
	for _, id := range append(append([]string(nil), raw.Disable...), raw.Only...) {
		check(id)
	}
	for id, sev := range raw.Severity {
		check(id)
		s, err := ParseSeverity(sev)
		if err != nil {
			errs = append(errs, fmt.Sprintf("rule %s: %v", id, err))
		}
		cfg.Severity[id] = s
	}
	if len(errs) > 0 {
		return Config{}, fmt.Errorf("%s: %s (`physarch check --list` shows the rules)", path, joinSorted(errs))
	}
	return cfg, nil
}
