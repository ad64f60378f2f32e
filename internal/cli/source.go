package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/spec"
)

// DefaultSpec is the spec file commands read when no spec is named.
const DefaultSpec = "physarch.yaml"

// specArgHelp ends the long help of every command that reads a spec.
const specArgHelp = `SPEC, or -f SPEC, is the spec file, or a directory holding physarch.yaml
(default ./physarch.yaml); give it one way, not both.`

// source is where a command's spec comes from.
type source struct {
	path     string
	data     []byte
	embedded bool
	// name, when set, is what positions name instead of path: the spec
	// as it was at a git revision is path@rev, but lives beside path.
	name string
}

// load loads the spec, naming it as positions should.
func (s *source) load() (*spec.Document, error) {
	name := s.name
	if name == "" {
		name = s.path
	}
	return components.Load(name, s.data)
}

// specFlags are the -f and --example flags every spec-reading command has;
// the spec may also be its one positional argument.
type specFlags struct{ file, example string }

func (f *specFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVarP(&f.file, "file", "f", "", "spec file or directory (default ./physarch.yaml; or give it as the argument)")
	cmd.Flags().StringVar(&f.example, "example", "", "use a built-in example instead of a spec file")
}

// specArg is the Args of a command that takes at most one spec path.
func specArg(cmd *cobra.Command, args []string) error {
	if len(args) > 1 {
		return fmt.Errorf("%s takes one spec, not %d (%s)", cmd.CommandPath(), len(args), strings.Join(args, ", "))
	}
	return nil
}

// read returns the spec the flags or the positional argument name; see
// readSpec.
func (f *specFlags) read(args []string, allowExample bool) (*source, error) {
	file := f.file
	if len(args) > 0 {
		switch {
		case len(args) > 1:
			return nil, usageError{fmt.Errorf("give one spec, not %d (%s)", len(args), strings.Join(args, ", "))}
		case f.file != "":
			return nil, usageError{fmt.Errorf("the spec is given twice, as -f %s and as %s; give one", f.file, args[0])}
		case f.example != "":
			return nil, usageError{fmt.Errorf("--example %s and the spec %s: give one", f.example, args[0])}
		}
		file = args[0]
	}
	return readSpec(file, f.example, allowExample)
}

// readSpec reads the named spec (a file, or a directory's physarch.yaml),
// or physarch.yaml, or (with allowExample, when neither exists) the
// built-in example, so a fresh checkout has something to build.
func readSpec(file, example string, allowExample bool) (*source, error) {
	if example != "" {
		p, data, err := examples.Spec(example)
		if err != nil {
			return nil, usageError{err}
		}
		return &source{path: p, data: data, embedded: true}, nil
	}
	explicit := file != ""
	if !explicit {
		file = DefaultSpec
	}
	if st, err := os.Stat(file); err == nil && st.IsDir() {
		file = filepath.Join(file, DefaultSpec)
	}
	data, err := os.ReadFile(file)
	if err == nil {
		return &source{path: file, data: data}, nil
	}
	if errors.Is(err, fs.ErrNotExist) && !explicit && allowExample {
		p, data, err := examples.Spec(examples.Default)
		if err != nil {
			return nil, err
		}
		return &source{path: p, data: data, embedded: true}, nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no spec at %s (run 'physarch init' to write one, or name the spec as the argument or with -f)", file)
	}
	return nil, fmt.Errorf("reading spec: %w", err)
}
