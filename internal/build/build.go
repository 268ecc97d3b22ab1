// Package build owns one run of the pipeline: it reads the site folder
// (load), parses every file (parse), indexes the site (index), renders the
// output (render) and writes it (output), collecting the diagnostics of
// every stage so that one run reports every problem. Nothing is written
// when there is an error.
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
	"github.com/careerguide/careerguide/internal/render"
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
	Workers    int   // 0 for one per CPU
	Theme      fs.FS // the embedded default theme
}

// Result describes a finished run.
type Result struct {
	Diags    diag.List
	Site     *index.Site // nil when the output was already up to date
	Pages    int         // HTML pages
	Files    int         // every output file
	Rendered int         // files rendered by this build, not reused from the last
	Careers  int
	Skills   int
	Stats    output.Stats
	Out      string
	Duration time.Duration
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

// renderAll renders the jobs on every CPU and hands each result to w
// (nil when checking only). A job whose output w still holds from an
// earlier build with the same key is not rendered again.
func renderAll(ctx context.Context, r *render.Renderer, jobs []render.Job, workers int, w *output.Writer) (diag.List, int, error) {
	lists := make([]diag.List, len(jobs))
	var rendered atomic.Int64
	var mu sync.Mutex
	var first error
	parallel(len(jobs), workers, func(i int) {
		if ctx.Err() != nil {
			return
		}
		j := jobs[i]
		var key string
		if w != nil {
			key = r.Key(j)
			if ds, ok := w.Reuse(j.Path, key); ok {
				lists[i] = ds
				return
			}
		}
		rendered.Add(1)
		data, err := r.Render(j, &lists[i])
		if err == nil && w != nil {
			err = w.Put(j.Path, data, key, lists[i])
		}
		if err != nil {
			mu.Lock()
			if first == nil {
				first = fmt.Errorf("%s: %w", j.Path, err)
			}
			mu.Unlock()
		}
	})
	var ds diag.List
	for _, l := range lists {
		ds.Add(l)
	}
	if first == nil {
		first = ctx.Err()
	}
	return ds, int(rendered.Load()), first
}

// parallel calls fn(0..n-1) on the given number of goroutines (0: one per CPU).
func parallel(n, workers int, fn func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1) - 1)
				if k >= n {
					return
				}
				fn(k)
			}
		}()
	}
	wg.Wait()
}
