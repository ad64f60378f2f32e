// Command physarch makes a system's physical architecture from one spec.
package main

import (
	"os"

	"github.com/physarch/physarch/internal/cli"
)

func main() {
	os.Exit(cli.Execute(os.Args[1:], os.Stdout, os.Stderr))
}
