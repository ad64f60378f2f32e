//go:build !unix

package output

import (
	"os"
	"os/exec"
)

// killSelf ends the process at once (TerminateProcess on Windows).
func killSelf() {
	p, _ := os.FindProcess(os.Getpid())
	p.Kill()
	select {}
}

// killed cannot tell a kill from exit code 1 here; the helper exits 1 only
// after printing an error, which the test shows.
func killed(ee *exec.ExitError) bool { return ee.ExitCode() == 1 }
