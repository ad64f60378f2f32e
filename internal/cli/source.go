package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/physarch/physarch/examples"
)

// DefaultSpec is the spec file commands read when -f is not given.
const DefaultSpec = "physarch.yaml"

// source is where a command's spec comes from.
type source struct {
	path     string
	data     []byte
	embedded bool
}

// specFlags are the -f and --example flags every spec-reading command has.
type specFlags struct{ file, example string }

func (f *specFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVarP(&f.file, "file", "f", "", "spec file (default ./physarch.yaml)")
	cmd.Flags().StringVar(&f.example, "example", "", "use a built-in example instead of a spec file")
}

// read returns the spec the flags name; see readSpec.
func (f *specFlags) read(allowExample bool) (*source, error) {
	return readSpec(f.file, f.example, allowExample)
}

// readSpec reads -f, or physarch.yaml, or (with allowExample, when neither
// exists) the built-in example, so a fresh checkout has something to build.
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
		return nil, fmt.Errorf("no spec at %s (run 'physarch init' to write one, or pass -f)", file)
	}
	return nil, fmt.Errorf("reading spec: %w", err)
}
