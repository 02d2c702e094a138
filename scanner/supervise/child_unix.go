//go:build unix

package supervise

import (
	"os"
	"strconv"
	"syscall"
)

// childReport returns the report pipe when this process is a supervised
// child, unsetting ChildEnv and closing the pipe on exec so that
// processes the child starts are neither children nor holders of it.
func childReport() (*os.File, bool) {
	v, ok := os.LookupEnv(ChildEnv)
	if !ok {
		return nil, false
	}
	os.Unsetenv(ChildEnv)
	fd, err := strconv.Atoi(v)
	if err != nil || fd < 3 {
		return nil, false
	}
	syscall.CloseOnExec(fd)
	return os.NewFile(uintptr(fd), "supervisor report"), true
}
