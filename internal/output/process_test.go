package output

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// The file sets the child processes write.
var (
	crashV1 = map[string]string{"a/one.md": "one v1", "two.md": "two", "gone.md": "only in v1"}
	crashV2 = map[string]string{"a/one.md": "one v2", "two.md": "two", "b/c/new.md": "new in v2"}
	crashV3 = map[string]string{"a/one.md": "one v3", "two.md": "two v3", "b/c/new.md": "new v3", "d.md": "d"}
)

// raceSet is what one side of a concurrent pair writes: the same names
// with its own contents, plus a file only it generates.
func raceSet(side string) map[string]string {
	m := map[string]string{"only-" + side + "/x.md": side}
	for i := range 12 {
		m[fmt.Sprintf("deploy/f%02d.yaml", i)] = fmt.Sprintf("%s %d", side, i)
	}
	return m
}

// TestHelperProcess is not a test: it is the child process of the crash
// and race tests (see helper), and does nothing in a normal run.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		t.Skip("the child process of the crash and race tests")
	}
	dir := os.Getenv("DIR")
	var err error
	switch mode {
	case "crash":
		k, _ := strconv.Atoi(os.Getenv("KILL_AT"))
		_, err = Write(dir, set(crashV2), Options{afterStep: func(n int) {
			if n == k {
				killSelf()
			}
		}})
	case "crash-rollback":
		// A file appears where b/ must go after the first file moved
		// (steps 1-2), so the build rolls back from step 3 on.
		k, _ := strconv.Atoi(os.Getenv("KILL_AT"))
		_, err = Write(dir, set(crashV2), Options{afterStep: func(n int) {
			if n == 2 {
				os.WriteFile(filepath.Join(dir, "b"), []byte("in the way"), 0o644)
			}
			if n == k {
				killSelf()
			}
		}})
		if err != nil {
			fmt.Fprintln(os.Stderr, "physarch:", err)
			os.Exit(3) // failed and rolled back, as intended
		}
	case "race":
		io.Copy(io.Discard, os.Stdin) // start together: the parent closes stdin
		_, err = Write(dir, set(raceSet(os.Getenv("SIDE"))), Options{Log: os.Stderr})
	default:
		err = fmt.Errorf("unknown helper mode %q", mode)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "physarch:", err)
		os.Exit(1)
	}
	os.Exit(0)
}
