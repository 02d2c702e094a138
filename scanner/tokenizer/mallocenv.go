package tokenizer

import "os"

// mallocTunables set glibc's malloc for cppjieba's dictionary load; other
// C libraries ignore the variable.
//
// The load builds about 130 MB of small objects and of vectors that double
// as they grow. With glibc's defaults a freed block over 128 KB goes back
// to the kernel (an mmap'd chunk, a trimmed heap top) and the next one is
// faulted in afresh: a one-title scan took about 98k page faults for the
// 57k pages of its peak RSS, and in a VM a fault is dear (about 50 ms of
// system time went). Blocks up to 32 MB (glibc's largest threshold) now
// come from the heap, whose freed space is reused, and a heap keeps 64 MB
// of slack address space; space never touched is never resident, so peak
// RSS does not move. glibc reads tunables only as a process starts, and
// mallopt at run time comes too late for the arenas already made, so they
// go into the environment of the process that will load (the supervised
// child).
const mallocTunables = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.top_pad=67108864"

// MallocEnv is what to add to the environment of a process that will load
// the dictionaries: the malloc tunables, unless the user set GLIBC_TUNABLES
// (theirs win, whole).
func MallocEnv() []string {
	if _, set := os.LookupEnv("GLIBC_TUNABLES"); set {
		return nil
	}
	return []string{"GLIBC_TUNABLES=" + mallocTunables}
}
