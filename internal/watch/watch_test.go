package watch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

const debounce = 80 * time.Millisecond

func start(t *testing.T) (string, *Watcher) {
	t.Helper()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "careers"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "careers", "x.md"), []byte("v0"), 0o644)
	w, err := New(dir, debounce)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go w.Run(ctx)
	return dir, w
}

// batches collects the batches delivered until the folder has been quiet
// for a while after the last one.
func batches(w *Watcher) [][]string {
	var out [][]string
	timeout := 2 * time.Second
	for {
		select {
		case b := <-w.Batches():
			out = append(out, b)
			timeout = 6 * debounce
		case <-time.After(timeout):
			return out
		}
	}
}

func TestEditorSavePatterns(t *testing.T) {
	x := func(dir string, parts ...string) string {
		return filepath.Join(append([]string{dir, "content", "careers"}, parts...)...)
	}
	patterns := map[string]func(dir string){
		"write in place": func(dir string) { os.WriteFile(x(dir, "x.md"), []byte("v1"), 0o644) },
		"vim (4913 probe, backup rename, new file)": func(dir string) {
			os.WriteFile(x(dir, "4913"), nil, 0o644)
			os.Remove(x(dir, "4913"))
			os.Rename(x(dir, "x.md"), x(dir, "x.md~"))
			os.WriteFile(x(dir, "x.md"), []byte("v1"), 0o644)
			os.Remove(x(dir, "x.md~"))
		},
		"vim swap files": func(dir string) {
			os.WriteFile(x(dir, ".x.md.swp"), []byte("swap"), 0o644)
			os.WriteFile(x(dir, ".x.md.swx"), []byte("swap"), 0o644)
			os.WriteFile(x(dir, "x.md"), []byte("v1"), 0o644)
			os.Remove(x(dir, ".x.md.swp"))
			os.Remove(x(dir, ".x.md.swx"))
		},
		"JetBrains safe write": func(dir string) {
			os.WriteFile(x(dir, "x.md___jb_tmp___"), []byte("v1"), 0o644)
			os.Rename(x(dir, "x.md"), x(dir, "x.md___jb_old___"))
			os.Rename(x(dir, "x.md___jb_tmp___"), x(dir, "x.md"))
			os.Remove(x(dir, "x.md___jb_old___"))
		},
		"VS Code and Helix: temporary file renamed over": func(dir string) {
			os.WriteFile(x(dir, ".x.md.tmp"), []byte("v1"), 0o644)
			os.Rename(x(dir, ".x.md.tmp"), x(dir, "x.md"))
		},
		"Emacs lock and backup files": func(dir string) {
			os.Symlink("user@host", x(dir, ".#x.md"))
			os.WriteFile(x(dir, "#x.md#"), []byte("auto"), 0o644)
			os.WriteFile(x(dir, "x.md"), []byte("v1"), 0o644)
			os.Remove(x(dir, ".#x.md"))
			os.Remove(x(dir, "#x.md#"))
		},
		"Kate": func(dir string) {
			os.WriteFile(x(dir, "x.md.kate-swp"), []byte("swap"), 0o644)
			os.WriteFile(x(dir, "x.md"), []byte("v1"), 0o644)
			os.Remove(x(dir, "x.md.kate-swp"))
		},
	}
	for name, save := range patterns {
		t.Run(name, func(t *testing.T) {
			dir, w := start(t)
			save(dir)
			got := batches(w)
			if len(got) != 1 || !slices.Contains(got[0], "content/careers/x.md") {
				t.Fatalf("batches %q; want one holding content/careers/x.md", got)
			}
			for _, p := range got[0] {
				if p != "content/careers/x.md" {
					t.Errorf("a temporary file reached the batch: %s", p)
				}
			}
		})
	}
}

func TestIgnoredAndChmod(t *testing.T) {
	dir, w := start(t)
	c := filepath.Join(dir, "content", "careers")
	os.WriteFile(filepath.Join(c, ".x.md.swp"), nil, 0o644)
	os.WriteFile(filepath.Join(c, "x.md~"), nil, 0o644)
	os.WriteFile(filepath.Join(c, ".DS_Store"), nil, 0o644)
	os.WriteFile(filepath.Join(c, "x.bck"), nil, 0o644)
	os.Chmod(filepath.Join(c, "x.md"), 0o600)
	os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o644) // outside what is watched
	if got := batches(w); len(got) != 0 {
		t.Fatalf("batches %q; want none", got)
	}
}

// until collects batches until every path done accepts has been seen, or
// until nothing more came for a long while, and returns them.
func until(w *Watcher, done func(seen map[string]bool) bool) (got [][]string, seen map[string]bool) {
	seen = map[string]bool{}
	for !done(seen) {
		select {
		case b := <-w.Batches():
			got = append(got, b)
			for _, p := range b {
				seen[p] = true
			}
		case <-time.After(10 * time.Second):
			return got, seen
		}
	}
	return got, seen
}

// TestBurst writes a thousand files at once: every one must be
// delivered, in few batches, however the scheduler spreads the writes
// over the quiet periods. Then it edits a file in the new folder, which
// is watched too, renames the folder and removes it; each is delivered.
func TestBurst(t *testing.T) {
	dir, w := start(t)
	sub := filepath.Join(dir, "content", "careers", "new-folder")
	os.MkdirAll(sub, 0o755)
	const n = 1000
	for i := 0; i < n; i++ {
		os.WriteFile(filepath.Join(sub, fmt.Sprintf("c%d.md", i)), []byte("x"), 0o644)
	}
	got, seen := until(w, func(seen map[string]bool) bool {
		for i := 0; i < n; i++ {
			if !seen[fmt.Sprintf("content/careers/new-folder/c%d.md", i)] {
				return false
			}
		}
		return true
	})
	for i := 0; i < n; i++ {
		if p := fmt.Sprintf("content/careers/new-folder/c%d.md", i); !seen[p] {
			t.Fatalf("%s was never delivered (%d batches)", p, len(got))
		}
	}
	// A debounce that works turns a thousand writes into a few batches;
	// each is a rebuild.
	if len(got) > n/20 {
		t.Errorf("%d writes came in %d batches", n, len(got))
	}
	t.Logf("%d writes in %d batches", n, len(got))
	has := func(p string) func(map[string]bool) bool {
		return func(seen map[string]bool) bool { return seen[p] }
	}
	os.WriteFile(filepath.Join(sub, "c0.md"), []byte("edited"), 0o644)
	if _, seen := until(w, has("content/careers/new-folder/c0.md")); !seen["content/careers/new-folder/c0.md"] {
		t.Fatal("an edit in a folder created after the watch began was not delivered")
	}
	os.Rename(sub, sub+"-renamed")
	if _, seen := until(w, has("content/careers/new-folder-renamed")); !seen["content/careers/new-folder-renamed"] {
		t.Fatal("the folder's rename was not delivered")
	}
	os.RemoveAll(sub + "-renamed")
	if _, seen := until(w, has("content/careers/new-folder-renamed")); !seen["content/careers/new-folder-renamed"] {
		t.Fatal("the folder's removal was not delivered")
	}
}

func TestThemeAndConfig(t *testing.T) {
	dir, w := start(t)
	os.MkdirAll(filepath.Join(dir, "static"), 0o755) // created after the watch began
	time.Sleep(2 * debounce)
	batches(w)
	os.WriteFile(filepath.Join(dir, "static", "style.css"), []byte("a"), 0o644)
	os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("title: x"), 0o644)
	got := batches(w)
	if len(got) != 1 || !slices.Contains(got[0], "static/style.css") || !slices.Contains(got[0], "site.yaml") {
		t.Fatalf("batches %q", got)
	}
}
