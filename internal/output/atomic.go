package output

import (
	"os"
	"path/filepath"
)

// WriteAtomic writes a file through a temporary file in the same folder
// and a rename, so no reader sees it half-written.
func WriteAtomic(file string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(file), ".careerguide-tmp-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync() // on disk before it takes the name
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
