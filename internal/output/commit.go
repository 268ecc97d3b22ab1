package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// errLink is the refusal to write through a symbolic link.
var errLink = errors.New("it is a symbolic link; careerguide never writes or deletes through links in the output folder, so remove it")

// plain returns the full path of p after checking that every folder on
// the way to it is a real folder, not a symbolic link. For a write,
// folders that do not exist yet are fine.
func (w *Writer) plain(p string, write bool) (string, error) {
	parts := strings.Split(p, "/")
	cur := w.dir
	for _, part := range parts[:len(parts)-1] {
		cur = filepath.Join(cur, part)
		st, err := os.Lstat(cur)
		switch {
		case errors.Is(err, fs.ErrNotExist) && write:
			return filepath.Join(w.dir, filepath.FromSlash(p)), nil
		case err != nil:
			return "", err
		case st.Mode()&fs.ModeSymlink != 0:
			return "", fmt.Errorf("%s: %w", cur, errLink)
		case !st.IsDir():
			return "", fmt.Errorf("%s is a file where the site needs a folder", cur)
		}
	}
	return filepath.Join(w.dir, filepath.FromSlash(p)), nil
}

// preflight checks, before anything is moved, that every staged file can
// take its place: no link on the way, no folder where a file goes.
func (w *Writer) preflight(paths []string) error {
	var errs []error
	for _, p := range paths {
		full, err := w.plain(p, true)
		if err == nil {
			if st, serr := os.Lstat(full); serr == nil && st.IsDir() {
				err = fmt.Errorf("%s is a folder where the site needs a file", full)
			}
		}
		if err != nil {
			errs = append(errs, err)
			if len(errs) == 5 {
				break
			}
		}
	}
	return errors.Join(errs...)
}

// mkdirs makes the folder dir (slash-separated, below the output folder)
// and its parents, one at a time, refusing links on the way.
func (w *Writer) mkdirs(dir string, made map[string]bool) error {
	if dir == "." || made[dir] {
		return nil
	}
	if err := w.mkdirs(path.Dir(dir), made); err != nil {
		return err
	}
	full := filepath.Join(w.dir, filepath.FromSlash(dir))
	st, err := os.Lstat(full)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.Mkdir(full, 0o755); err != nil {
			return err
		}
	case err != nil:
		return err
	case st.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s: %w", full, errLink)
	case !st.IsDir():
		return fmt.Errorf("%s is a file where the site needs a folder", full)
	}
	made[dir] = true
	return nil
}

// signed reports whether the folder holds the signature file.
func (w *Writer) signed() bool {
	if w.o.Signature == "" {
		return false
	}
	file := filepath.Join(w.dir, filepath.FromSlash(w.o.Signature))
	st, err := os.Lstat(file)
	if err != nil || !st.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 256)
	n, _ := io.ReadFull(f, head)
	compact := strings.Join(strings.Fields(string(head[:n])), "")
	return strings.HasPrefix(compact, strings.Join(strings.Fields(w.o.SignatureStart), ""))
}

// refuseUnknown stops a first build into a folder that holds files it
// would overwrite, when no record shows that careerguide wrote them.
func (w *Writer) refuseUnknown(staged []string) error {
	var clash []string
	for _, p := range staged {
		if _, err := os.Lstat(filepath.Join(w.dir, filepath.FromSlash(p))); err == nil {
			clash = append(clash, p)
		}
	}
	if len(clash) == 0 {
		return nil
	}
	return fmt.Errorf("%s holds %s that no earlier build of this site recorded, and the build would overwrite %s: %s; empty the folder, choose another --out, or add --force to overwrite",
		w.dir, plural(len(clash), "a file", fmt.Sprintf("%d files", len(clash))), plural(len(clash), "it", "them"), sample(clash, 5))
}

// removeStale removes the files earlier builds wrote that this build did
// not make, where the file still holds what careerguide wrote. Others are
// left, with a warning. It returns how many it removed.
func (w *Writer) removeStale() int {
	if w.prev == nil {
		w.warnLeftovers()
		return 0
	}
	if len(w.prev.Pending) == 0 && len(w.files)-w.added == len(w.prev.Files) {
		return 0 // every recorded file is one of this build's
	}
	var stale []string
	for _, m := range []map[string]string{w.prev.Files, w.prev.Pending} {
		for p := range m {
			if _, ok := w.files[p]; !ok && Clean(p) {
				stale = append(stale, p)
			}
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(stale)))
	stale = compactSorted(stale)
	removed := 0
	var changed []string
	for _, p := range stale {
		full, err := w.plain(p, false)
		if err != nil {
			continue
		}
		st, err := os.Lstat(full)
		if err != nil || !st.Mode().IsRegular() {
			continue
		}
		data, err := os.ReadFile(full)
		if err != nil || !w.prev.ours(p, Sum(data)) {
			changed = append(changed, p)
			continue
		}
		if os.Remove(full) == nil {
			removed++
		}
		w.removeEmptyParents(filepath.Dir(full))
	}
	if len(changed) > 0 {
		sort.Strings(changed)
		w.warns = append(w.warns, fmt.Sprintf("left %d %s the site no longer has, because %s changed since careerguide wrote %s: %s; delete %s by hand",
			len(changed), plural(len(changed), "file", "files"), plural(len(changed), "it", "they"),
			plural(len(changed), "it", "them"), sample(changed, 5), plural(len(changed), "it", "them")))
	}
	return removed
}

// warnLeftovers names the files in a folder with no record that this
// build did not make: careerguide cannot show it wrote them, so they stay.
func (w *Writer) warnLeftovers() {
	var left []string
	filepath.WalkDir(w.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if p != w.dir && (strings.HasPrefix(name, ".") || name == "CNAME") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(w.dir, p)
		if _, ok := w.files[filepath.ToSlash(rel)]; !ok {
			left = append(left, filepath.ToSlash(rel))
		}
		return nil
	})
	if len(left) > 0 {
		w.warns = append(w.warns, fmt.Sprintf("left %d %s this build did not make, because no record shows careerguide wrote %s: %s; delete %s by hand if %s old",
			len(left), plural(len(left), "file", "files"), plural(len(left), "it", "them"), sample(left, 5),
			plural(len(left), "it", "them"), plural(len(left), "it is", "they are")))
	}
}

// removeEmptyParents removes dir and its parents up to the output folder
// while they are empty.
func (w *Writer) removeEmptyParents(dir string) {
	for dir != w.dir && within(dir, w.dir) {
		if os.Remove(dir) != nil {
			return
		}
		dir = filepath.Dir(dir)
	}
}

func compactSorted(list []string) []string {
	out := list[:0]
	for i, s := range list {
		if i == 0 || s != list[i-1] {
			out = append(out, s)
		}
	}
	return out
}

func sample(list []string, n int) string {
	if len(list) <= n {
		return strings.Join(list, ", ")
	}
	return strings.Join(list[:n], ", ") + fmt.Sprintf(" and %d more", len(list)-n)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
