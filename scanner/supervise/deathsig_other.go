//go:build unix && !linux

package supervise

import "syscall"

// childAttr: no death signal here; a parent killed with SIGKILL leaves
// its child running to the end.
func childAttr() *syscall.SysProcAttr { return nil }
