//go:build unix

package audit_test

import (
	"syscall"
	"time"
)

// cpuTime is the process's user and system CPU time: on a shared machine
// wall time per operation depends on the load, CPU time much less.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
