package output

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Names of careerguide's own short-lived files in and beside the output
// folder, removed by the next build if a build was killed.
const (
	stagingPrefix = ".careerguide-staging-"
	freshInfix    = ".careerguide-new-"
	oldManifest   = ".careerguide-manifest" // the record of careerguide 0.x, inside the folder
)

// Record is what builds wrote into an output folder: each file's path and
// the sum of the bytes careerguide put there. Pending holds the files a
// commit is moving into place; until the commit ends, a file holding
// either sum is careerguide's.
type Record struct {
	Files   map[string]string
	Pending map[string]string
}

// ours reports whether sum is what careerguide wrote at p.
func (r *Record) ours(p, sum string) bool {
	return r != nil && sum != "" && (r.Files[p] == sum || r.Pending[p] == sum)
}

// Sum is the sum of a file's bytes that records and caches keep.
func Sum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:16])
}

// Stats counts what a commit did.
type Stats struct {
	Files, Written, Unchanged, Removed int
}

// Options are the settings of a Writer.
type Options struct {
	// Private says the folder was made by this process for itself (serve's):
	// nobody else writes it, so its files are known from the record
	// without being read again.
	Private bool
	// Force allows overwriting files that no record shows careerguide wrote.
	Force bool
	// Signature is a file every build writes, such as api/careers.json:
	// a folder with no record that holds it is taken as an earlier
	// build's, whose files may be overwritten (and are never removed).
	Signature string
	// SignatureStart is how the signature file begins, white space
	// aside, when a build wrote it: a file of that name the user made
	// does not count.
	SignatureStart string
	// Save stores the record, before the commit moves files (with
	// Pending set) and after it; into a folder that does not exist, once,
	// before the one rename (commitFresh). A failure stops the commit.
	Save func(Record) error
}

// Writer writes one build into an output folder. Files are staged in a
// folder of this build's own and moved into place by Commit; Abort leaves
// the output folder as it was. Put, Keep and Has are safe for concurrent
// use. The caller holds the folder's Lock.
type Writer struct {
	dir     string // absolute, links resolved
	o       Options
	prev    *Record // nil when no record was kept: nothing is known to be careerguide's
	fresh   bool    // dir does not exist: the whole tree is staged beside it
	staging string

	mu     sync.Mutex
	files  map[string]string   // this build's files: path → sum
	added  int                 // of them, paths the record does not have
	staged map[string]struct{} // paths staged, each at w.stagedAt(path)
	dirs   map[string]bool     // folders made in the staging, as paths below it
	warns  []string
}

// Open prepares to write into dir, which earlier builds wrote as prev
// says (nil when there is no record). Nothing is created until the first
// Put.
func Open(dir string, prev *Record, o Options) (*Writer, error) {
	abs, err := Resolve(dir)
	if err != nil {
		return nil, err
	}
	size := 0
	if prev != nil {
		size = len(prev.Files) // a build mostly makes what the last one did
	}
	w := &Writer{dir: abs, o: o, prev: prev, files: make(map[string]string, size), staged: map[string]struct{}{}, dirs: map[string]bool{}}
	if err := w.cleanLeftovers(); err != nil {
		return nil, err
	}
	suffix := randomSuffix()
	switch st, err := os.Lstat(abs); {
	case errors.Is(err, fs.ErrNotExist):
		w.fresh = true
		w.staging = filepath.Join(filepath.Dir(abs), "."+filepath.Base(abs)+freshInfix+suffix)
	case err != nil:
		return nil, err
	case !st.IsDir():
		return nil, fmt.Errorf("%s is not a folder", dir)
	default:
		w.staging = filepath.Join(abs, stagingPrefix+suffix)
		if w.prev == nil {
			w.prev = readOldManifest(abs)
		}
	}
	return w, nil
}

func randomSuffix() string {
	var b [6]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// cleanLeftovers removes what a killed build left: its staging folder
// inside the output folder, or its new tree beside it.
func (w *Writer) cleanLeftovers() error {
	var errs []error
	if entries, err := os.ReadDir(w.dir); err == nil {
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), stagingPrefix) {
				errs = append(errs, os.RemoveAll(filepath.Join(w.dir, e.Name())))
			}
		}
	}
	parent, base := filepath.Dir(w.dir), filepath.Base(w.dir)
	if entries, err := os.ReadDir(parent); err == nil {
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), "."+base+freshInfix) {
				errs = append(errs, os.RemoveAll(filepath.Join(parent, e.Name())))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("removing what an interrupted build left: %w", err)
	}
	return nil
}

// Has reports whether the folder holds exactly the bytes summed by sum at
// p. The file is read and summed, unless the folder is private.
func (w *Writer) Has(p, sum string) bool {
	if w.fresh || !Clean(p) {
		return false
	}
	if w.o.Private {
		return w.prev.ours(p, sum)
	}
	data, ok := w.read(p)
	return ok && Sum(data) == sum
}

// read returns the bytes of the regular file at p, reached without
// following a symbolic link.
func (w *Writer) read(p string) ([]byte, bool) {
	full, err := w.plain(p, false)
	if err != nil {
		return nil, false
	}
	st, err := os.Lstat(full)
	if err != nil || !st.Mode().IsRegular() {
		return nil, false
	}
	data, err := os.ReadFile(full)
	return data, err == nil
}

// KeepHeld is Has then Keep for many files at once, for a Private
// writer only, whose record says what the folder holds: for each i with
// held[i], file(i) names a file and the sum of the bytes it should have,
// and held[i] is cleared unless the folder holds them. It comes before
// any other file of the build is recorded, and the files are distinct.
// A writer that is not Private reports false and does nothing: Has reads
// its files.
func (w *Writer) KeepHeld(held []bool, file func(i int) (p, sum string)) bool {
	if !w.o.Private || w.fresh {
		return false
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	for i, ok := range held {
		if !ok {
			continue
		}
		// The record holds only paths that Put checked. A file the last
		// build recorded is this build's too (w.add, in one lookup: the
		// paths are distinct, and none is this build's yet).
		switch p, sum := file(i); {
		case sum != "" && w.prev.Files[p] == sum:
			w.files[p] = sum
		case w.prev.ours(p, sum):
			w.add(p, sum)
		default:
			held[i] = false
		}
	}
	return true
}

// Keep records that the file at p stays as it is, holding sum; the
// caller has checked it with Has.
func (w *Writer) Keep(p, sum string) {
	w.mu.Lock()
	w.add(p, sum)
	w.mu.Unlock()
}

// add records this build's file at p. w.mu is held.
func (w *Writer) add(p, sum string) {
	if _, ok := w.files[p]; !ok && (w.prev == nil || w.prev.Files[p] == "") {
		w.added++
	}
	w.files[p] = sum
}

// Put records the file at p (slash-separated, below the folder) with the
// bytes data, and stages it unless the folder already holds them.
func (w *Writer) Put(p string, data []byte) error { return w.PutSum(p, data, Sum(data)) }

// PutSum is Put for data whose Sum the caller has taken already.
func (w *Writer) PutSum(p string, data []byte, sum string) error {
	if !Clean(p) {
		return fmt.Errorf("refusing to write outside the output folder: %q", p)
	}
	if w.Has(p, sum) {
		w.Keep(p, sum)
		return nil
	}
	tmp := w.stagedAt(p)
	if err := w.mkdirStaging(path.Dir(p)); err != nil {
		return err
	}
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	w.mu.Lock()
	w.add(p, sum)
	w.staged[p] = struct{}{}
	w.mu.Unlock()
	return nil
}

// stagedAt is where the file at p is staged.
func (w *Writer) stagedAt(p string) string {
	return filepath.Join(w.staging, filepath.FromSlash(p))
}

// mkdirStaging makes the staging folder of dir (slash-separated, below
// the output folder).
func (w *Writer) mkdirStaging(dir string) error {
	w.mu.Lock()
	done := w.dirs[dir]
	w.mu.Unlock()
	if done {
		return nil
	}
	if err := os.MkdirAll(w.stagedAt(dir), 0o755); err != nil {
		return err
	}
	w.mu.Lock()
	w.dirs[dir] = true
	w.mu.Unlock()
	return nil
}

// Clean reports whether p is a plain relative path that stays inside the
// folder and is not one of careerguide's own files.
func Clean(p string) bool {
	return p != "" && !strings.HasPrefix(p, "/") && path.Clean(p) == p && p != ".." && !strings.HasPrefix(p, "../") &&
		!strings.HasPrefix(p, ".careerguide") && !strings.ContainsAny(p, "\\\x00")
}

// Abort removes the staged files, leaving the folder as it was. On a
// slow disk, removing a large staging folder one entry at a time is most
// of what a cancelled build waits for, so the files, then the folders
// from the deepest up, are removed a few at a time.
func (w *Writer) Abort() error {
	w.mu.Lock()
	files := make([]string, 0, len(w.staged))
	for p := range w.staged {
		files = append(files, w.stagedAt(p))
	}
	byDepth := map[int][]string{}
	deepest := 0
	for d := range w.dirs {
		n := strings.Count(d, "/")
		byDepth[n] = append(byDepth[n], w.stagedAt(d))
		deepest = max(deepest, n)
	}
	w.mu.Unlock()
	removeAll(files)
	for n := deepest; n >= 0; n-- {
		removeAll(byDepth[n])
	}
	return os.RemoveAll(w.staging) // whatever is left, and the folder itself
}

// removeAll removes each path, four at a time; what cannot be removed is
// left for the os.RemoveAll that follows.
func removeAll(paths []string) {
	var wg sync.WaitGroup
	next := make(chan string)
	for range min(4, len(paths)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				os.Remove(p)
			}
		}()
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
}

// Warnings lists what the commit left alone and why.
func (w *Writer) Warnings() []string { return w.warns }

// Files returns this build's files, after Commit: the new record.
func (w *Writer) Files() map[string]string { return w.files }

// Commit moves the staged files into place and removes the files of
// earlier builds that this one did not make, when the record shows that
// careerguide wrote them and they are unchanged since. Files and folders
// are synced to disk before and after the moves.
func (w *Writer) Commit() (Stats, error) {
	st := Stats{Files: len(w.files), Written: len(w.staged)}
	st.Unchanged = st.Files - st.Written
	if w.fresh {
		return st, w.commitFresh()
	}
	paths := make([]string, 0, len(w.staged))
	for p := range w.staged {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	if w.prev == nil && !w.o.Force && !w.signed() {
		if err := w.refuseUnknown(paths); err != nil {
			return st, err
		}
	}
	if err := w.preflight(paths); err != nil {
		return st, err
	}
	// A private folder dies with the process: it need not survive a
	// power loss.
	if len(paths) > 0 && !w.o.Private {
		if err := syncTree(w.staging); err != nil {
			return st, err
		}
	}
	if w.o.Save != nil && len(paths) > 0 {
		// The journal: what is about to be moved in, so that a build
		// killed during the moves leaves a record of every file.
		rec := Record{Files: map[string]string{}, Pending: map[string]string{}}
		if w.prev != nil {
			rec.Files = w.prev.Files
		}
		for _, p := range paths {
			rec.Pending[p] = w.files[p]
		}
		if err := w.o.Save(rec); err != nil {
			return st, err
		}
	}
	made := map[string]bool{}
	for _, p := range paths {
		dst, err := w.plain(p, true)
		if err == nil {
			err = w.mkdirs(path.Dir(p), made)
		}
		if err == nil {
			err = os.Rename(w.stagedAt(p), dst)
		}
		if err != nil {
			return st, fmt.Errorf("cannot write %s: %w", filepath.Join(w.dir, filepath.FromSlash(p)), err)
		}
	}
	st.Removed = w.removeStale()
	if err := os.RemoveAll(w.staging); err != nil {
		return st, err
	}
	if !w.o.Private {
		if err := syncDir(w.dir); err != nil {
			return st, err
		}
	}
	return st, w.finish()
}

// commitFresh moves the staged tree into place as the output folder,
// with one rename. The record is saved once, before the rename, as both
// the journal and the final record: a build killed after the rename
// leaves the record of every file, and one killed before it leaves the
// record of a folder that does not exist, which no build reads while
// the folder is missing (a build into a missing folder starts with
// none). Should someone make the folder meanwhile, the record still lets
// a build remove only files holding the bytes careerguide wrote. At
// 100,000 careers this is one encoding of a record of 200,000 files
// instead of two, at the build's peak of memory.
func (w *Writer) commitFresh() error {
	if len(w.staged) > 0 && !w.o.Private {
		if err := syncTree(w.staging); err != nil {
			return err
		}
	}
	if w.o.Save != nil {
		if err := w.o.Save(Record{Files: w.files}); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(w.staging, 0o755); err != nil {
		return err
	}
	return os.Rename(w.staging, w.dir)
}

// finish saves the record of this build.
func (w *Writer) finish() error {
	os.Remove(filepath.Join(w.dir, oldManifest))
	if w.o.Save != nil {
		return w.o.Save(Record{Files: w.files})
	}
	return nil
}
