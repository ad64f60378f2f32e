// Command physarch makes a system's physical architecture from one spec.
package main

import (
	"os"
	"runtime/debug"

	"github.com/physarch/physarch/internal/cli"
)

// softMemoryLimit keeps a build of a very large spec (which holds every
// generated file until it is written) under its 200 MiB budget: near the
// limit the garbage collector runs more often instead of letting the heap
// double. GOMEMLIMIT, when set, wins. See docs/benchmarks.md.
const softMemoryLimit = 128 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	os.Exit(cli.Execute(os.Args[1:], os.Stdout, os.Stderr))
}
