package serve

import (
	"os"

	"golang.org/x/sys/unix"
)

// memFree is how much room a memory-backed folder must have left for the
// server's copy of a site, which for 10,000 careers is about 300 MB.
const memFree = 1 << 30

// MemDir returns a folder in memory for the server's private copy of the
// site, as Hugo's server renders to memory: /dev/shm when it is a tmpfs
// with at least memFree bytes free. It returns "" (the system's temporary
// folder) when TMPDIR is set, which the user chose, or when there is no
// such folder. Writing a rebuild's files there costs no disk journal.
func MemDir() string {
	if os.Getenv("TMPDIR") != "" {
		return ""
	}
	const dir = "/dev/shm"
	var st unix.Statfs_t
	if unix.Statfs(dir, &st) != nil || st.Type != unix.TMPFS_MAGIC || st.Bavail*uint64(st.Bsize) < memFree || unix.Access(dir, unix.W_OK) != nil {
		return ""
	}
	return dir
}
