// Package build owns running the pipeline: it reads the site folder
// (load), parses every file (parse), indexes the site (index), renders
// the output (render) and writes it (output), collecting the diagnostics
// of every stage so that one run reports every problem. Nothing is
// written when there is an error.
//
// A Session runs the pipeline again and again over one site, as `serve`
// and `build --watch` do; a one-off build is a session's first build. The
// session keeps what later builds can reuse, each with one rule:
//
//   - the parse of each content file, reused while the file's bytes and
//     the site's default currency are the same (parsed.go);
//   - the parsed theme, reused while its files' bytes and the minify
//     setting are the same (Session.theme);
//   - one trace.Cache of rendered pages and fragments, each reused while
//     every value it read is unchanged (see package trace); its page
//     entries and the record of the output folder are saved outside the
//     output folder (state.go), so that a later process builds only what
//     changed.
package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/output"
)

// Options are the settings of one build.
type Options struct {
	Source     string // the site folder
	Out        string // the output folder; "" for Source/public
	BaseURL    string // overrides site.yaml's base_url
	Drafts     bool
	NoMinify   bool
	Strict     bool  // warnings are errors
	DryRun     bool  // check only: render but write nothing
	LiveReload bool  // for serve: add the reload script
	Force      bool  // overwrite files in Out that no record shows careerguide wrote
	Workers    int   // 0 for one per CPU
	Theme      fs.FS // the embedded default theme
	// Private says that Out was made by this process for itself (serve's
	// temporary folder): no other process writes it, so it takes no lock,
	// keeps its state in memory only and trusts its own record of it.
	Private bool
	// Again says that more builds of the session will follow (serve,
	// build --watch): work that later builds can reuse is kept from the
	// first build on, at some cost in memory.
	Again bool
	// State is the folder for build state; "" picks SOURCE/.careerguide,
	// or the user's cache folder when the site folder cannot be written.
	State string
	// Waiting is told the process id of another build that holds the
	// output folder, once, before this build waits for it.
	Waiting func(pid int)
}

// Result describes a finished run.
type Result struct {
	Diags    diag.List
	Site     *index.Site
	Pages    int // HTML pages
	Files    int // every output file
	Rendered int // files rendered by this build, not reused
	// RenderedPaths lists those files, sorted.
	RenderedPaths []string
	Careers       int
	Skills        int
	Drafts        int // careers and pages marked draft, left out without --drafts
	Stats         output.Stats
	Out           string
	Duration      time.Duration
	Steps         []Step // how long each step of the build took
}

// Step is one step of a build and how long it took.
type Step struct {
	Name     string // read, parse, index, plan, render, commit
	Duration time.Duration
}

// timed notes the time since *start as the step name, and restarts it.
func (r *Result) timed(name string, start *time.Time) {
	now := time.Now()
	r.Steps = append(r.Steps, Step{name, now.Sub(*start)})
	*start = now
}

// ErrContent is returned, wrapped, when the content has errors; the
// result's Diags says which.
var ErrContent = errors.New("content errors")

// Run builds the site once.
func Run(ctx context.Context, o Options) (*Result, error) {
	return NewSession(o).Build(ctx, nil)
}

// settle sorts the diagnostics, applies --strict and reports errors.
func (r *Result) settle(strict bool) error {
	if strict {
		r.Diags.Strict()
	}
	r.Diags.Sort()
	if r.Diags.HasErrors() {
		n, _ := r.Diags.Count()
		return fmt.Errorf("%w: %d found, nothing was written", ErrContent, n)
	}
	return nil
}

// parallel calls fn(worker, 0..n-1) on the given number of goroutines (0:
// one per CPU), stopping early when ctx is done. Each goroutine first
// calls start for its own state.
func parallel[T any](ctx context.Context, n, workers int, start func() (T, func(), error), fn func(t T, i int) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, max(n, 1))
	var next atomic.Int64
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	var failed atomic.Bool
	fail := func(err error) {
		mu.Lock()
		if first == nil {
			first = err
		}
		mu.Unlock()
		failed.Store(true)
	}
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t, stop, err := start()
			if err != nil {
				fail(err)
				return
			}
			if stop != nil {
				defer stop()
			}
			for {
				k := int(next.Add(1) - 1)
				if k >= n || ctx.Err() != nil || failed.Load() {
					return
				}
				if err := fn(t, k); err != nil {
					fail(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if first == nil {
		first = ctx.Err()
	}
	return first
}
