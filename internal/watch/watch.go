// Package watch owns noticing changes to a site folder: it watches
// content/, templates/, static/ and site.yaml recursively with fsnotify,
// adds folders created later, ignores editors' temporary files and
// chmod-only events, and coalesces bursts of events into one batch after
// a short quiet period, so one save (or one git checkout) is one rebuild.
package watch

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/careerguide/careerguide/internal/load"
)

// DefaultDebounce is how long the folder must be quiet before a batch is
// delivered, unless told otherwise. A save writes a file in well under a
// millisecond (an editor's save-to-temporary-then-rename in a few), so
// ten milliseconds make one save one batch while adding little to the
// time from save to page; a burst that outlasts it (a git checkout) is
// delivered in more than one batch, and each is rebuilt in turn.
const DefaultDebounce = 10 * time.Millisecond

// Watched lists what is watched below the site folder.
var Watched = []string{"content", "templates", "static", load.ConfigFile}

// Watcher reports batches of changed paths, relative to the site folder
// and slash-separated.
type Watcher struct {
	root     string
	debounce time.Duration
	fw       *fsnotify.Watcher
	batches  chan []string
	errs     chan error
}

// New starts watching the site folder root.
func New(root string, debounce time.Duration) (*Watcher, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{root: abs, debounce: debounce, fw: fw, batches: make(chan []string), errs: make(chan error, 1)}
	if err := fw.Add(abs); err != nil {
		fw.Close()
		return nil, err
	}
	for _, d := range Watched[:3] {
		w.addTree(filepath.Join(abs, d), nil)
	}
	return w, nil
}

// Batches delivers the changed paths of each quiet period.
func (w *Watcher) Batches() <-chan []string { return w.batches }

// Errors delivers watcher errors.
func (w *Watcher) Errors() <-chan error { return w.errs }

// addTree watches dir and every folder below it, and calls found, when
// not nil, with each file in them: a file written into a new folder
// before the folder was watched sends no event of its own.
func (w *Watcher) addTree(dir string, found func(path string)) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && load.Ignored(d.Name()) {
				return filepath.SkipDir
			}
			_ = w.fw.Add(p)
		} else if found != nil {
			found(p)
		}
		return nil
	})
}

// relevant returns the path of an event relative to the site folder, and
// whether it concerns the site.
func (w *Watcher) relevant(name string) (string, bool) {
	rel, err := filepath.Rel(w.root, name)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if load.Ignored(filepath.Base(rel)) {
		return "", false
	}
	top := strings.SplitN(rel, "/", 2)[0]
	for _, wd := range Watched {
		if top == wd {
			return rel, true
		}
	}
	return "", false
}

// Run delivers batches until ctx is done, then closes the watcher.
func (w *Watcher) Run(ctx context.Context) {
	defer w.fw.Close()
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			rel, ok := w.relevant(ev.Name)
			if !ok {
				continue
			}
			if ev.Op&fsnotify.Create != 0 {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					w.addTree(ev.Name, func(p string) {
						if rel, ok := w.relevant(p); ok {
							pending[rel] = true
						}
					})
				}
			}
			pending[rel] = true
			timer.Reset(w.debounce)
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			select {
			case w.errs <- err:
			default:
			}
		case <-timer.C:
			if len(pending) == 0 {
				continue
			}
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			sort.Strings(batch)
			clear(pending)
			select {
			case w.batches <- batch:
			case <-ctx.Done():
				return
			}
		}
	}
}
