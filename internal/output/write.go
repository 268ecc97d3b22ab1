package output

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Names of careerguide's own files in the output folder.
const (
	ManifestName = ".careerguide-manifest"
	stagingName  = ".careerguide-staging"
)

// entry is what the manifest records of one file.
type entry struct {
	hash    string
	size    int64
	modTime int64 // nanoseconds
}

// Stats counts what a commit did.
type Stats struct {
	Files, Written, Unchanged, Removed int
}

// Writer writes one build into an output folder. Files are staged inside
// the folder and moved into place by Commit; Abort leaves the folder as it
// was. Put is safe for concurrent use.
type Writer struct {
	dir      string
	staging  string
	created  bool // the output folder did not exist before
	old      map[string]entry
	mu       sync.Mutex
	next     map[string]entry
	staged   map[string]bool
	dirsMade sync.Map
}

// Open prepares to write into dir, creating nothing until the first Put.
func Open(dir string) (*Writer, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	w := &Writer{dir: abs, staging: filepath.Join(abs, stagingName), next: map[string]entry{}, staged: map[string]bool{}}
	if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
		w.created = true
	}
	w.old = readManifest(filepath.Join(abs, ManifestName))
	os.RemoveAll(w.staging) // left by a build that was killed
	return w, nil
}

// Put records the file at p (slash-separated, below the folder) and stages
// it unless the folder already holds these exact bytes from an earlier
// build.
func (w *Writer) Put(p string, data []byte) error {
	if !Clean(p) {
		return fmt.Errorf("refusing to write outside the output folder: %q", p)
	}
	sum := sha256.Sum256(data)
	e := entry{hash: hex.EncodeToString(sum[:16]), size: int64(len(data))}
	if old, ok := w.old[p]; ok && old.hash == e.hash {
		if st, err := os.Stat(filepath.Join(w.dir, filepath.FromSlash(p))); err == nil && st.Mode().IsRegular() && st.Size() == old.size && st.ModTime().UnixNano() == old.modTime {
			w.mu.Lock()
			w.next[p] = old
			w.mu.Unlock()
			return nil
		}
	}
	tmp := filepath.Join(w.staging, filepath.FromSlash(p))
	if err := w.mkdir(filepath.Dir(tmp)); err != nil {
		return err
	}
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	w.mu.Lock()
	w.next[p] = e
	w.staged[p] = true
	w.mu.Unlock()
	return nil
}

func (w *Writer) mkdir(d string) error {
	if _, ok := w.dirsMade.Load(d); ok {
		return nil
	}
	if err := os.MkdirAll(d, 0o755); err != nil {
		return err
	}
	w.dirsMade.Store(d, true)
	return nil
}

// Clean reports whether p is a plain relative path that stays inside the
// folder and is not one of careerguide's own files.
func Clean(p string) bool {
	return p != "" && !strings.HasPrefix(p, "/") && path.Clean(p) == p && p != ".." && !strings.HasPrefix(p, "../") &&
		!strings.HasPrefix(p, ".careerguide") && !strings.ContainsAny(p, "\\\x00")
}

// Abort removes the staged files, leaving the folder as it was.
func (w *Writer) Abort() {
	os.RemoveAll(w.staging)
	if w.created {
		os.Remove(w.dir)
	}
}

// Commit moves the staged files into place, removes the files of the
// previous build that this one did not make, and saves the manifest.
func (w *Writer) Commit() (Stats, error) {
	st := Stats{Files: len(w.next)}
	paths := make([]string, 0, len(w.staged))
	for p := range w.staged {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		dst := filepath.Join(w.dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return st, err
		}
		if fi, err := os.Lstat(dst); err == nil && fi.IsDir() {
			return st, fmt.Errorf("cannot write %s: a folder is in the way", dst)
		}
		if err := os.Rename(filepath.Join(w.staging, filepath.FromSlash(p)), dst); err != nil {
			return st, err
		}
		fi, err := os.Stat(dst)
		if err != nil {
			return st, err
		}
		e := w.next[p]
		e.modTime = fi.ModTime().UnixNano()
		w.next[p] = e
		st.Written++
	}
	st.Unchanged = st.Files - st.Written
	var stale []string
	for p := range w.old {
		if _, ok := w.next[p]; !ok && Clean(p) {
			stale = append(stale, p)
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(stale)))
	for _, p := range stale {
		dst := filepath.Join(w.dir, filepath.FromSlash(p))
		if err := os.Remove(dst); err == nil {
			st.Removed++
		}
		removeEmptyParents(w.dir, filepath.Dir(dst))
	}
	os.RemoveAll(w.staging)
	return st, writeManifest(filepath.Join(w.dir, ManifestName), w.next)
}

// removeEmptyParents removes dir and its parents up to root while empty.
func removeEmptyParents(root, dir string) {
	for dir != root && within(dir, root) {
		if os.Remove(dir) != nil {
			return
		}
		dir = filepath.Dir(dir)
	}
}

func readManifest(file string) map[string]entry {
	m := map[string]entry{}
	f, err := os.Open(file)
	if err != nil {
		return m
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.SplitN(sc.Text(), "\t", 4)
		if len(parts) != 4 {
			continue
		}
		size, err1 := strconv.ParseInt(parts[1], 10, 64)
		mt, err2 := strconv.ParseInt(parts[2], 10, 64)
		if err1 != nil || err2 != nil {
			continue
		}
		m[parts[3]] = entry{hash: parts[0], size: size, modTime: mt}
	}
	return m
}

// writeManifest saves the manifest through a temporary file and a rename.
func writeManifest(file string, m map[string]entry) error {
	paths := make([]string, 0, len(m))
	for p := range m {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b strings.Builder
	for _, p := range paths {
		e := m[p]
		fmt.Fprintf(&b, "%s\t%d\t%d\t%s\n", e.hash, e.size, e.modTime, p)
	}
	return WriteAtomic(file, []byte(b.String()))
}

// WriteAtomic writes a file through a temporary file in the same folder
// and a rename, so no reader sees it half-written.
func WriteAtomic(file string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(file), ".careerguide-tmp-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), file)
}
