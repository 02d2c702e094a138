package supervise

import "syscall"

// childAttr kills the child when the parent dies without passing a signal
// on (SIGKILL, which cannot be caught): no scan goes on writing alone.
func childAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
