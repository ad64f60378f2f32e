package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/physarch/physarch/internal/audit/facts"
	"github.com/physarch/physarch/internal/draft"
)

func newImport() *cobra.Command {
	var out string
	var force bool
	cmd := &cobra.Command{
		Use:   "import DIR|FILES...",
		Short: "Draft a physarch.yaml from a physical architecture package written by hand",
		Long: `import reads a package as audit does and drafts a spec from it: services
with their routes, ports, requests, limits and replica bounds, the backing
services and queues, and per environment the users, availability, RTO/RPO,
AKS tier, node sizes and VNet. Every value names the lines it was read
from in a comment; values guessed, or chosen between sources that disagree
(run physarch audit to see all of them), say so. What physarch computes
itself (subnets, node counts, costs) is listed at the end as comments.

The draft writes to standard output, or to -o FILE (refused if it exists,
unless --force). Review it, then physarch build.`,
		Example: `  physarch import design/backend/physical/ -o physarch.yaml
  physarch import physical-architecture-prod.md network-prod.mmd`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{errors.New("import needs a package directory or files")}
			}
			inputs, err := auditInputs(args)
			if err != nil {
				return err
			}
			name := filepath.Base(strings.TrimRight(args[0], string(filepath.Separator)))
			if abs, err := filepath.Abs(args[0]); err == nil && isDir(args[0]) {
				name = systemDir(abs)
			}
			set := facts.Extract(inputs)
			spec := draft.Spec(set, name)
			if len(set.Of(facts.Service)) == 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), "warning: the package names no service; the draft's services are all guessed (is it the right directory?)")
			}
			if out == "" {
				_, err := cmd.OutOrStdout().Write(spec)
				return err
			}
			if err := writeDraft(out, spec, force); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s; review the comments marked guessed and conflict, then run physarch build %s\n", out, out)
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the draft to this file instead of standard output")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite -o FILE if it exists")
	return cmd
}

// systemDir names the system after the directory above design/backend/
// physical when the package sits there, else after the directory itself.
func systemDir(abs string) string {
	if strings.HasSuffix(abs, filepath.Join("design", "backend", "physical")) {
		return filepath.Base(filepath.Dir(filepath.Dir(filepath.Dir(abs))))
	}
	return filepath.Base(abs)
}

// writeDraft writes the draft to a new file, or with force over a regular
// file. A symbolic link is never written through, even a dangling one
// (it would put the draft wherever the link points): the draft lands
// next to the target by a rename, and only a regular file is replaced.
func writeDraft(out string, spec []byte, force bool) error {
	st, err := os.Lstat(out)
	switch {
	case err == nil && st.Mode()&fs.ModeSymlink != 0:
		return usageError{fmt.Errorf("%s is a symbolic link; name the file itself", out)}
	case err == nil && !st.Mode().IsRegular():
		return usageError{fmt.Errorf("%s is not a regular file", out)}
	case err == nil && !force:
		return usageError{fmt.Errorf("%s exists (use --force to overwrite it)", out)}
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("writing the draft: %w", err)
	}
	if dir := filepath.Dir(out); !isDir(dir) {
		return usageError{fmt.Errorf("cannot write %s: the directory %s does not exist", out, dir)}
	}
	tmp, err := newSibling(out)
	if err != nil {
		return fmt.Errorf("writing the draft to %s: %w", out, err)
	}
	_, werr := tmp.Write(spec)
	cerr := tmp.Close()
	// A replaced file keeps its mode (a 0600 spec stays private); a new
	// one has the mode the umask gives (newSibling opens it with 0666).
	var merr error
	if st != nil && st.Mode().IsRegular() {
		merr = os.Chmod(tmp.Name(), st.Mode().Perm())
	}
	if err := errors.Join(werr, cerr, merr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing the draft: %w", err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing the draft: %w", err)
	}
	return nil
}

// newSibling creates a new file next to out, named so no other file is
// touched, with mode 0666 less the umask (os.CreateTemp would give 0600).
func newSibling(out string) (*os.File, error) {
	dir, base := filepath.Split(out)
	var last error
	for i := 0; i < 100; i++ {
		name := filepath.Join(dir, fmt.Sprintf(".%s.physarch-import-%d-%d", base, os.Getpid(), i))
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if err == nil {
			return f, nil
		}
		if last = err; !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	return nil, last
}
