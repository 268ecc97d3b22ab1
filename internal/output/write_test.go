package output

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func put(t *testing.T, w *Writer, files map[string]string) {
	t.Helper()
	for p, data := range files {
		if err := w.Put(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
}

func read(t *testing.T, dir, p string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
	if err != nil {
		return "<" + err.Error() + ">"
	}
	return string(data)
}

func writeFile(t *testing.T, dir, p, data string) {
	t.Helper()
	full := filepath.Join(dir, filepath.FromSlash(p))
	os.MkdirAll(filepath.Dir(full), 0o755)
	if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// build writes files into dir as one build with the record prev and
// returns the new record.
func build(t *testing.T, dir string, prev *Record, o Options, files map[string]string) (*Record, Stats, []string, error) {
	t.Helper()
	w, err := Open(dir, prev, o)
	if err != nil {
		t.Fatal(err)
	}
	put(t, w, files)
	st, err := w.Commit()
	if err != nil {
		w.Abort()
		return prev, st, nil, err
	}
	return &Record{Files: w.Files()}, st, w.Warnings(), nil
}

func TestStaleFilesGoOnlyWhenCareerguideWroteThem(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	rec, st, _, err := build(t, dir, nil, Options{}, map[string]string{"a/index.html": "A", "b/index.html": "B", "c.txt": "C"})
	if err != nil || st.Written != 3 {
		t.Fatalf("%v %+v", err, st)
	}
	writeFile(t, dir, "CNAME", "example.org")
	writeFile(t, dir, "c.txt", "C, edited by hand")
	rec, st, warns, err := build(t, dir, rec, Options{}, map[string]string{"a/index.html": "A"})
	if err != nil {
		t.Fatal(err)
	}
	if st.Removed != 1 || st.Unchanged != 1 || st.Written != 0 {
		t.Errorf("stats %+v", st)
	}
	if _, err := os.Stat(filepath.Join(dir, "b")); !os.IsNotExist(err) {
		t.Error("b/ was left behind")
	}
	if read(t, dir, "c.txt") != "C, edited by hand" || read(t, dir, "CNAME") != "example.org" {
		t.Error("a file careerguide did not write, or that changed since, was removed")
	}
	if len(warns) != 1 || !strings.Contains(warns[0], "c.txt") {
		t.Errorf("warnings %q", warns)
	}
	if len(rec.Files) != 1 {
		t.Errorf("record %v", rec.Files)
	}
}

func TestNoRecordRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "index.html", "my own page")
	writeFile(t, dir, "robots.txt", "User-agent: *")
	writeFile(t, dir, "same.txt", "same")
	_, _, _, err := build(t, dir, nil, Options{}, map[string]string{"index.html": "new", "robots.txt": "new", "same.txt": "same"})
	if err == nil || !strings.Contains(err.Error(), "index.html, robots.txt") || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("err = %v", err)
	}
	if read(t, dir, "index.html") != "my own page" {
		t.Fatal("a refused build changed the folder")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Fatalf("a refused build left %d entries", len(entries))
	}
	// With --force it writes, and leaves what it did not make, with a warning.
	writeFile(t, dir, "old/page.html", "old")
	_, _, warns, err := build(t, dir, nil, Options{Force: true}, map[string]string{"index.html": "new", "robots.txt": "new"})
	if err != nil {
		t.Fatal(err)
	}
	if read(t, dir, "index.html") != "new" || read(t, dir, "old/page.html") != "old" {
		t.Error("--force did not overwrite, or removed what no record shows careerguide wrote")
	}
	if len(warns) != 1 || !strings.Contains(warns[0], "old/page.html") || !strings.Contains(warns[0], "same.txt") {
		t.Errorf("warnings %q", warns)
	}
}

// TestEarlierBuildWithoutRecord: a folder an earlier build wrote, whose
// record is lost (a fresh clone, a CI cache miss), is overwritten; what
// the build does not make stays, with a warning.
func TestEarlierBuildWithoutRecord(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "api/careers.json", "{\n  \"version\": 1, \"careers\": []}")
	writeFile(t, dir, "index.html", "old")
	writeFile(t, dir, "gone/index.html", "old")
	o := Options{Signature: "api/careers.json", SignatureStart: `{"version":`}
	_, _, warns, err := build(t, dir, nil, o, map[string]string{"api/careers.json": "new", "index.html": "new"})
	if err != nil {
		t.Fatal(err)
	}
	if read(t, dir, "index.html") != "new" || read(t, dir, "gone/index.html") != "old" {
		t.Error("not overwritten, or removed without a record")
	}
	if len(warns) != 1 || !strings.Contains(warns[0], "gone/index.html") {
		t.Errorf("warnings %q", warns)
	}
}

// TestOwnFileOfTheSignaturesName: a folder that holds a file named as the
// signature but not written by a build (the user's own api/careers.json)
// is a folder no build wrote: its files are not overwritten.
func TestOwnFileOfTheSignaturesName(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "api/careers.json", `[{"name": "mine"}]`)
	writeFile(t, dir, "index.html", "mine")
	o := Options{Signature: "api/careers.json", SignatureStart: `{"version":`}
	_, _, _, err := build(t, dir, nil, o, map[string]string{"api/careers.json": "new", "index.html": "new"})
	if err == nil || !strings.Contains(err.Error(), "index.html") {
		t.Errorf("a user's folder with a file of the signature's name: %v", err)
	}
	if read(t, dir, "index.html") != "mine" || read(t, dir, "api/careers.json") != `[{"name": "mine"}]` {
		t.Error("the user's files were overwritten")
	}
}

func TestNeverThroughLinks(t *testing.T) {
	dir := t.TempDir()
	elsewhere := t.TempDir()
	writeFile(t, elsewhere, "go/index.html", "GO")
	rec, _, _, err := build(t, dir, nil, Options{}, map[string]string{"index.html": "home", "skills/go/index.html": "GO"})
	if err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(dir, "skills"))
	if err := os.Symlink(elsewhere, filepath.Join(dir, "skills")); err != nil {
		t.Fatal(err)
	}
	// The link's target holds what careerguide wrote at skills/go: it
	// must neither be removed (the page is gone) nor written (a new page).
	_, _, _, err = build(t, dir, rec, Options{}, map[string]string{"index.html": "home 2", "skills/sql/index.html": "SQL"})
	if err == nil || !errors.Is(err, errLink) && !strings.Contains(err.Error(), "symbolic link") {
		t.Fatalf("err = %v", err)
	}
	if read(t, elsewhere, "go/index.html") != "GO" {
		t.Error("a file behind the link was changed or removed")
	}
	if _, err := os.Stat(filepath.Join(elsewhere, "sql")); err == nil {
		t.Error("a page was written through the link")
	}
	if read(t, dir, "index.html") != "home" {
		t.Error("the failed build moved part of the site into place")
	}
	// A page that goes away behind a link is left alone.
	_, _, _, err = build(t, dir, rec, Options{}, map[string]string{"index.html": "home 3"})
	if err != nil {
		t.Fatal(err)
	}
	if read(t, elsewhere, "go/index.html") != "GO" {
		t.Error("a stale file was removed through a link")
	}
}

// TestInterruptedCommit: a build killed between its record of pending
// files and its final record. The next build knows both versions as
// careerguide's, removes or replaces them, and cleans the staging.
func TestInterruptedCommit(t *testing.T) {
	dir := t.TempDir()
	rec, _, _, err := build(t, dir, nil, Options{}, map[string]string{"a.html": "A1"})
	if err != nil {
		t.Fatal(err)
	}
	var saved []Record
	boom := errors.New("killed")
	w, _ := Open(dir, rec, Options{Save: func(r Record) error {
		saved = append(saved, r)
		if len(r.Pending) > 0 {
			// What a killed build leaves: some files moved, then nothing.
			writeFile(t, dir, "a.html", "A2")
			writeFile(t, dir, "b.html", "B2")
			return boom
		}
		return nil
	}})
	put(t, w, map[string]string{"a.html": "A2", "b.html": "B2"})
	if _, err := w.Commit(); !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	journal := &saved[0]
	w2, err := Open(dir, journal, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the staging of the killed build is still there: %d entries", len(entries))
	}
	put(t, w2, map[string]string{"a.html": "A3"})
	st, err := w2.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if st.Removed != 1 || read(t, dir, "a.html") != "A3" {
		t.Errorf("%+v, a.html = %q", st, read(t, dir, "a.html"))
	}
	if _, err := os.Stat(filepath.Join(dir, "b.html")); !os.IsNotExist(err) {
		t.Error("b.html, moved in by the killed build, was not removed")
	}
}

func TestOldManifestIsTheRecord(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "old.html", "OLD")
	writeFile(t, dir, oldManifest, `{"build":{"inputs":"x"}}`+"\n"+`{"path":"old.html","hash":"`+Sum([]byte("OLD"))+`","size":3}`+"\n")
	_, st, _, err := build(t, dir, nil, Options{}, map[string]string{"new.html": "NEW"})
	if err != nil {
		t.Fatal(err)
	}
	if st.Removed != 1 {
		t.Errorf("%+v", st)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left %d entries, want new.html alone", len(entries))
	}
}

func TestLockWaitsAndNamesTheHolder(t *testing.T) {
	dir := t.TempDir()
	unlock, err := Lock(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	told := make(chan int, 1)
	got := make(chan error, 1)
	go func() {
		u, err := Lock(context.Background(), dir, func(pid int) { told <- pid })
		if err == nil {
			u()
		}
		got <- err
	}()
	if pid := <-told; pid != os.Getpid() {
		t.Errorf("told of process %d, want %d", pid, os.Getpid())
	}
	select {
	case err := <-got:
		t.Fatalf("took a held lock: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	unlock()
	if err := <-got; err != nil {
		t.Fatal(err)
	}
	// A wait ends when its context does.
	unlock, _ = Lock(context.Background(), dir, nil)
	defer unlock()
	ctx, cancel := context.WithCancel(context.Background())
	go cancel()
	if _, err := Lock(ctx, dir, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

// TestKeepHeld: a private writer keeps, from its record, the files whose
// sums it is asked about and still holds, and a build that keeps them
// and writes the rest removes nothing it kept; a writer that must read
// its folder declines.
func TestKeepHeld(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	files := map[string]string{"a.html": "A", "b/index.html": "B", "c.json": "C"}
	rec, _, _, err := build(t, dir, nil, Options{Private: true}, files)
	if err != nil {
		t.Fatal(err)
	}
	w, err := Open(dir, rec, Options{Private: true})
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{"a.html", "b/index.html", "c.json", "d.html"}
	sums := []string{Sum([]byte("A")), Sum([]byte("B")), Sum([]byte("C changed")), Sum([]byte("D"))}
	held := []bool{true, true, true, false}
	if !w.KeepHeld(held, func(i int) (string, string) { return paths[i], sums[i] }) {
		t.Fatal("a private writer declined")
	}
	if want := []bool{true, true, false, false}; !slices.Equal(held, want) {
		t.Fatalf("held = %v, want %v", held, want)
	}
	put(t, w, map[string]string{"c.json": "C changed", "d.html": "D"})
	st, err := w.Commit()
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]string{"a.html": "A", "b/index.html": "B", "c.json": "C changed", "d.html": "D"} {
		if got := read(t, dir, p); got != want {
			t.Errorf("%s = %q, want %q", p, got, want)
		}
	}
	if st.Written != 2 || st.Unchanged != 2 || st.Removed != 0 {
		t.Errorf("stats %+v, want 2 written, 2 unchanged, none removed", st)
	}

	w, err = Open(dir, &Record{Files: w.Files()}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if w.KeepHeld([]bool{true}, func(int) (string, string) { return "a.html", Sum([]byte("A")) }) {
		t.Error("a writer that reads its folder kept a file from its record")
	}
}

// TestFreshCommitSavesOnce: into a folder that does not exist, the
// record is saved once, before the folder appears, and names every file.
func TestFreshCommitSavesOnce(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	var saved []Record
	w, err := Open(dir, nil, Options{Save: func(r Record) error {
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Error("the record was saved after the folder appeared")
		}
		saved = append(saved, r)
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	put(t, w, map[string]string{"a.html": "A", "b/index.html": "B"})
	if _, err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if len(saved) != 1 || len(saved[0].Pending) != 0 || len(saved[0].Files) != 2 || saved[0].Files["b/index.html"] != Sum([]byte("B")) {
		t.Errorf("saved %+v, want one record of both files", saved)
	}
	if read(t, dir, "b/index.html") != "B" {
		t.Error("the folder does not hold the build")
	}
}
