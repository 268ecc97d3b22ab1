//go:build linux

package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// syncTree makes the files written below dir durable. On Linux one
// syncfs(2) flushes the whole filesystem, far cheaper than a sync per file.
func syncTree(dir string) error { return syncfs(dir) }

// syncDir makes the renames into dir and its subfolders durable.
func syncDir(dir string) error { return syncfs(dir) }

func syncfs(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}
