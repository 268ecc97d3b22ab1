package load

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/careerguide/careerguide/internal/diag"
)

// walker reads a folder tree. It follows symbolic links that stay inside
// the site folder, warns about and skips those that lead outside it, and
// reports loops instead of following them.
type walker struct {
	root  string // the site folder, absolute and with links resolved
	ds    *diag.List
	seen  map[string]bool // real paths of folders being walked
	keep  func(name string) bool
	files []File
	// list, when set, names the files not kept that are listed instead.
	list   func(rel string) bool
	listed []Listed
	lazy   bool // list the kept files to be read later, instead of reading them
}

// walk reads the folder dir, whose path relative to the site is rel.
func (w *walker) walk(dir, rel string) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		w.ds.Errorf(rel, 0, 0, "", "cannot read folder: %v", err)
		return
	}
	if !inside(w.root, real) {
		// Links below are checked before they are followed; this is a
		// folder of the site itself, such as content/, that is a link.
		w.ds.Errorf(rel, 0, 0, "", "%s", outside(real))
		return
	}
	if w.seen[real] {
		w.ds.Errorf(rel, 0, 0, "", "symbolic link loop: this folder leads back to one already being read; remove the link")
		return
	}
	w.seen[real] = true
	defer delete(w.seen, real)
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.ds.Errorf(rel, 0, 0, "", "cannot read folder: %v", err)
		return
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		name := e.Name()
		if Ignored(name) {
			continue
		}
		full := filepath.Join(dir, name)
		r := path.Join(rel, name)
		mode := e.Type()
		if mode&os.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(full)
			if err != nil {
				w.ds.Warnf(r, 0, 0, "", "symbolic link leads nowhere (%v); it is skipped", err)
				continue
			}
			if !inside(w.root, target) {
				w.ds.Warnf(r, 0, 0, "", "symbolic link leads outside the site folder, to %s; it is not followed", target)
				continue
			}
			st, err := os.Stat(target)
			if err != nil {
				w.ds.Errorf(r, 0, 0, "", "cannot read: %v", err)
				continue
			}
			mode = st.Mode().Type()
		}
		switch {
		case mode.IsDir():
			w.walk(full, r)
		case mode&(os.ModeNamedPipe|os.ModeSocket|os.ModeDevice|os.ModeCharDevice) != 0:
			if w.keep(name) {
				w.ds.Errorf(r, 0, 0, "", "cannot read: not a regular file")
			}
		case mode.IsRegular():
			if !w.keep(name) {
				if w.list != nil && w.list(r) {
					if st, err := os.Stat(full); err == nil {
						w.listed = append(w.listed, Listed{Path: r, Size: st.Size()})
					}
				}
				continue
			}
			if w.lazy {
				w.files = append(w.files, File{Path: r, full: full})
				continue
			}
			data, err := os.ReadFile(full)
			if err != nil {
				w.ds.Errorf(r, 0, 0, "", "cannot read: %v", err)
				continue
			}
			w.files = append(w.files, File{Path: r, Data: data})
		}
	}
}

// outside is the message for a link that leads outside the site.
func outside(target string) string {
	return "is a symbolic link to " + target + ", outside the site folder; careerguide reads only what is inside it, so move or copy it into the site"
}

// inside reports whether p is root or below it.
func inside(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
