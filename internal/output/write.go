package output

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
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
	"sync/atomic"

	"github.com/careerguide/careerguide/internal/diag"
)

// Names of careerguide's own files in and beside the output folder.
const (
	ManifestName = ".careerguide-manifest"
	stagingName  = ".careerguide-staging"
	newSuffix    = ".careerguide-new"
)

// Entry is what the manifest records of one file.
type Entry struct {
	Hash    string    `json:"hash"`
	Size    int64     `json:"size"`
	ModTime int64     `json:"mtime"` // nanoseconds
	Key     string    `json:"key,omitempty"`
	Diags   diag.List `json:"diags,omitempty"`
}

// Summary records a whole build in the manifest: the fingerprint of its
// inputs and what it reported, so that a build of the same inputs into a
// folder that still holds that output can stop early.
type Summary struct {
	Inputs  string    `json:"inputs"`
	Pages   int       `json:"pages"`
	Careers int       `json:"careers"`
	Skills  int       `json:"skills"`
	Diags   diag.List `json:"diags,omitempty"`
}

// Stats counts what a commit did.
type Stats struct {
	Files, Written, Unchanged, Removed int
}

// Writer writes one build into an output folder. Files are staged and
// moved into place by Commit; Abort leaves the folder as it was. Put and
// Reuse are safe for concurrent use.
type Writer struct {
	dir     string
	staging string
	fresh   bool // the output folder did not exist: stage the whole tree beside it
	trusted bool // nobody else writes the folder: skip checks and the manifest file
	old     map[string]Entry
	summary Summary // of the build the manifest describes
	next    Summary // of this build, set by Summarize
	seq     atomic.Int64
	mu      sync.Mutex
	files   map[string]Entry
	staged  map[string]string // path → staged file
	dirs    sync.Map
}

// Open prepares to write into dir. Nothing is created until the first Put.
func Open(dir string) (*Writer, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	w := &Writer{dir: abs, files: map[string]Entry{}, staged: map[string]string{}}
	// Leftovers of a build that was killed.
	os.RemoveAll(filepath.Join(abs, stagingName))
	os.RemoveAll(filepath.Join(filepath.Dir(abs), "."+filepath.Base(abs)+newSuffix))
	switch _, err := os.Stat(abs); {
	case errors.Is(err, fs.ErrNotExist):
		w.fresh = true
		w.staging = filepath.Join(filepath.Dir(abs), "."+filepath.Base(abs)+newSuffix)
	case err != nil:
		return nil, err
	default:
		w.staging = filepath.Join(abs, stagingName)
		w.old, w.summary = readManifest(filepath.Join(abs, ManifestName))
	}
	return w, nil
}

// Unchanged reports whether the folder holds, intact, the output of a
// build of exactly these inputs, and returns what that build reported.
func (w *Writer) Unchanged(inputs string) (Summary, bool) {
	if w.fresh || w.trusted || inputs == "" || w.summary.Inputs != inputs {
		return Summary{}, false
	}
	for p, e := range w.old {
		if !w.intact(p, e) {
			return Summary{}, false
		}
	}
	return w.summary, true
}

// Kept returns how many files the last build wrote, when Unchanged found
// the folder up to date.
func (w *Writer) Kept() int { return len(w.old) }

// Summarize records this build's summary for the manifest.
func (w *Writer) Summarize(s Summary) { w.next = s }

// OpenTrusted prepares to write into dir, a folder only this process
// writes (serve's), whose files are those prev describes.
func OpenTrusted(dir string, prev map[string]Entry) (*Writer, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	return &Writer{dir: abs, staging: filepath.Join(abs, stagingName), old: prev, trusted: true,
		files: make(map[string]Entry, len(prev)), staged: map[string]string{}}, nil
}

// Entries returns what the folder holds after Commit.
func (w *Writer) Entries() map[string]Entry { return w.files }

// Reuse keeps the file at p from the previous build when it was made from
// the same inputs (key) and is still as careerguide left it. It returns
// the diagnostics recorded when the file was made.
func (w *Writer) Reuse(p, key string) (diag.List, bool) {
	old, ok := w.old[p]
	if !ok || key == "" || old.Key != key || !w.intact(p, old) {
		return nil, false
	}
	w.mu.Lock()
	w.files[p] = old
	w.mu.Unlock()
	return old.Diags, true
}

// intact reports whether the file at p still has the size and time the
// manifest recorded.
func (w *Writer) intact(p string, e Entry) bool {
	if w.trusted {
		return true
	}
	st, err := os.Lstat(filepath.Join(w.dir, filepath.FromSlash(p)))
	return err == nil && st.Mode().IsRegular() && st.Size() == e.Size && st.ModTime().UnixNano() == e.ModTime
}

// Put records the file at p (slash-separated, below the folder), made from
// inputs summed up by key with diagnostics ds, and stages it unless the
// folder already holds these exact bytes.
func (w *Writer) Put(p string, data []byte, key string, ds diag.List) error {
	if !Clean(p) {
		return fmt.Errorf("refusing to write outside the output folder: %q", p)
	}
	sum := sha256.Sum256(data)
	e := Entry{Hash: hex.EncodeToString(sum[:16]), Size: int64(len(data)), Key: key, Diags: ds}
	if old, ok := w.old[p]; ok && old.Hash == e.Hash && w.intact(p, old) {
		e.ModTime = old.ModTime
		w.mu.Lock()
		w.files[p] = e
		w.mu.Unlock()
		return nil
	}
	var tmp string
	if w.fresh {
		tmp = filepath.Join(w.staging, filepath.FromSlash(p))
		if err := w.mkdir(filepath.Dir(tmp)); err != nil {
			return err
		}
	} else {
		if err := w.mkdir(w.staging); err != nil {
			return err
		}
		tmp = filepath.Join(w.staging, strconv.FormatInt(w.seq.Add(1), 36))
	}
	mt, err := writeFile(tmp, data)
	if err != nil {
		return err
	}
	e.ModTime = mt
	w.mu.Lock()
	w.files[p] = e
	w.staged[p] = tmp
	w.mu.Unlock()
	return nil
}

// writeFile writes data to a new file and returns its modification time.
func writeFile(name string, data []byte) (int64, error) {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return 0, err
	}
	_, err = f.Write(data)
	var st fs.FileInfo
	if err == nil {
		st, err = f.Stat()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, err
	}
	return st.ModTime().UnixNano(), nil
}

func (w *Writer) mkdir(d string) error {
	if _, ok := w.dirs.Load(d); ok {
		return nil
	}
	if err := os.MkdirAll(d, 0o755); err != nil {
		return err
	}
	w.dirs.Store(d, true)
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
}

// Commit moves the staged files into place, removes the files of the
// previous build that this one did not make, and saves the manifest.
func (w *Writer) Commit() (Stats, error) {
	st := Stats{Files: len(w.files), Written: len(w.staged)}
	st.Unchanged = st.Files - st.Written
	if w.fresh {
		// A new folder: its whole tree was staged beside it.
		if err := w.mkdir(w.staging); err != nil {
			return st, err
		}
		if err := writeManifest(filepath.Join(w.staging, ManifestName), w.files, w.next); err != nil {
			return st, err
		}
		return st, os.Rename(w.staging, w.dir)
	}
	paths := make([]string, 0, len(w.staged))
	for p := range w.staged {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	w.dirs = sync.Map{}
	for _, p := range paths {
		dst := filepath.Join(w.dir, filepath.FromSlash(p))
		if err := w.mkdir(filepath.Dir(dst)); err != nil {
			return st, err
		}
		if err := os.Rename(w.staged[p], dst); err != nil {
			return st, fmt.Errorf("cannot write %s: %w", dst, err)
		}
	}
	var stale []string
	for p := range w.old {
		if _, ok := w.files[p]; !ok && Clean(p) {
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
	if w.trusted {
		return st, nil
	}
	return st, writeManifest(filepath.Join(w.dir, ManifestName), w.files, w.next)
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

// manifestLine is one line of the manifest: a JSON object per file, and
// one for the build's summary.
type manifestLine struct {
	Path    string   `json:"path,omitempty"`
	Summary *Summary `json:"build,omitempty"`
	Entry
}

func readManifest(file string) (map[string]Entry, Summary) {
	m := map[string]Entry{}
	var sum Summary
	f, err := os.Open(file)
	if err != nil {
		return m, sum
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 64<<20)
	for sc.Scan() {
		var l manifestLine
		if json.Unmarshal(sc.Bytes(), &l) != nil {
			continue
		}
		if l.Summary != nil {
			sum = *l.Summary
		} else if l.Path != "" {
			m[l.Path] = l.Entry
		}
	}
	return m, sum
}

// writeManifest saves the manifest through a temporary file and a rename.
func writeManifest(file string, m map[string]Entry, sum Summary) error {
	paths := make([]string, 0, len(m))
	for p := range m {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b strings.Builder
	line, err := json.Marshal(manifestLine{Summary: &sum})
	if err != nil {
		return err
	}
	b.Write(line)
	b.WriteByte('\n')
	for _, p := range paths {
		line, err := json.Marshal(manifestLine{Path: p, Entry: m[p]})
		if err != nil {
			return err
		}
		b.Write(line)
		b.WriteByte('\n')
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
