//go:build !linux

package output

import (
	"io/fs"
	"os"
	"path/filepath"
)

// syncTree makes the files and folders written below dir durable, one at
// a time.
func syncTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return syncPath(p)
	})
}

// syncDir makes the renames into dir durable.
func syncDir(dir string) error { return syncTree(dir) }

func syncPath(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
