// Package output owns the output folder: it refuses dangerous --out
// folders, writes each file through a temporary file and a rename, skips
// files whose bytes did not change, removes the files of earlier builds
// that this build no longer makes, and leaves every file it did not write
// alone. A manifest in the folder records what careerguide wrote.
package output

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Check refuses an output folder that a build could damage: the site
// folder itself or a folder holding it, its content/, templates/ or
// static/ folder or anything inside them, the filesystem root, or the home
// folder. Symbolic links are resolved first.
func Check(out, source string) error {
	o, err := Resolve(out)
	if err != nil {
		return err
	}
	s, err := Resolve(source)
	if err != nil {
		return err
	}
	refuse := func(why string) error {
		return fmt.Errorf("refusing to write the site to %s: %s; choose an empty or dedicated folder such as %s", out, why, filepath.Join(source, "public"))
	}
	if o == filepath.Dir(o) {
		return refuse("it is the filesystem root")
	}
	if home, err := os.UserHomeDir(); err == nil {
		if h, err := Resolve(home); err == nil && o == h {
			return refuse("it is your home folder")
		}
	}
	if o == s {
		return refuse("it is the site folder")
	}
	if within(s, o) {
		return refuse("it holds the site folder")
	}
	for _, d := range []string{"content", "templates", "static"} {
		if p := filepath.Join(s, d); o == p || within(o, p) {
			return refuse("it is the site's " + d + "/ folder or inside it")
		}
	}
	return nil
}

// within reports whether p is strictly inside dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// Resolve makes p absolute and resolves symbolic links in the longest
// part of it that exists, so that a folder has one name before and after
// it is made.
func Resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	cur := abs
	for {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}
