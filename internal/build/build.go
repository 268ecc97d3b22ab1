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
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/load"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/output"
	"github.com/careerguide/careerguide/internal/parse"
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
	Site     *index.Site
	Pages    int // HTML pages
	Files    int // every output file
	Stats    output.Stats
	Out      string
	Duration time.Duration
}

// ErrContent is returned, wrapped, when the content has errors; the
// result's Diags says which.
var ErrContent = errors.New("content errors")

// Run builds the site.
func Run(ctx context.Context, o Options) (*Result, error) {
	start := time.Now()
	if o.Out == "" {
		o.Out = filepath.Join(o.Source, "public")
	}
	res := &Result{Out: o.Out}
	src, ds, err := load.Read(o.Source, o.Theme)
	if err != nil {
		return res, err
	}
	res.Diags = ds
	cfg := parse.Config(load.ConfigFile, src.Config, &res.Diags)
	if o.BaseURL != "" {
		if cfg.BaseURL, err = parse.BaseURL(o.BaseURL); err != nil {
			return res, fmt.Errorf("--base-url: %w", err)
		}
	}
	careers, pages := parseAll(src.Content, cfg.Currency, o.Drafts, &res.Diags)
	// Careers' bodies are read again when rendered: large sites never
	// hold every page's Markdown at once.
	for _, c := range careers {
		c.Body = nil
	}
	src.Release()
	site, ids := index.Build(cfg, careers, pages, render.StaticPaths(src.Static))
	res.Diags.Add(ids)
	res.Site = site
	// Warnings become errors only after rendering, so that --strict
	// reports the broken links too.
	if err := res.settle(false); err != nil {
		if o.Strict {
			res.Diags.Strict()
		}
		return res, err
	}
	if !o.DryRun {
		if err := output.Check(o.Out, o.Source); err != nil {
			return res, err
		}
	}
	r, err := render.New(site, src.Templates, src.Static, render.Options{
		BaseURL: cfg.BaseURL, Minify: !o.NoMinify, LiveReload: o.LiveReload, Body: src.Body,
	})
	if err != nil {
		return res, err
	}
	var w *output.Writer
	if !o.DryRun {
		if w, err = output.Open(o.Out); err != nil {
			return res, err
		}
	}
	jobs := r.Jobs()
	rds, err := renderAll(ctx, r, jobs, o.Workers, w)
	res.Diags.Add(rds)
	if err == nil {
		err = res.settle(o.Strict)
	}
	if err != nil {
		if w != nil {
			w.Abort()
		}
		return res, err
	}
	for _, j := range jobs {
		if strings.HasSuffix(j.Path, ".html") && j.Kind != render.KindAlias {
			res.Pages++
		}
	}
	res.Files = len(jobs)
	if w != nil {
		if res.Stats, err = w.Commit(); err != nil {
			return res, err
		}
	}
	res.Duration = time.Since(start)
	return res, nil
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

// parseAll parses the content files on every CPU, keeping the input order.
func parseAll(files []load.File, currency string, drafts bool, ds *diag.List) ([]*model.Career, []*model.Page) {
	careers := make([]*model.Career, len(files))
	pages := make([]*model.Page, len(files))
	lists := make([]diag.List, len(files))
	parallel(len(files), 0, func(i int) {
		f := files[i]
		if strings.HasPrefix(f.Path, "content/careers/") {
			careers[i] = parse.Career(f.Path, f.Data, currency, &lists[i])
		} else {
			pages[i] = parse.Page(f.Path, f.Data, &lists[i])
		}
	})
	var cs []*model.Career
	var ps []*model.Page
	for i := range files {
		ds.Add(lists[i])
		if c := careers[i]; c != nil && (drafts || !c.Draft) {
			cs = append(cs, c)
		}
		if p := pages[i]; p != nil && (drafts || !p.Draft) {
			ps = append(ps, p)
		}
	}
	return cs, ps
}

// renderAll renders the jobs on every CPU and hands each result to w
// (nil when checking only). A job whose output w still holds from an
// earlier build with the same key is not rendered again.
func renderAll(ctx context.Context, r *render.Renderer, jobs []render.Job, workers int, w *output.Writer) (diag.List, error) {
	lists := make([]diag.List, len(jobs))
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
	return ds, first
}

// parallel calls fn(0..n-1) on the given number of goroutines (0: one per CPU).
func parallel(n, workers int, fn func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var next sync.Mutex
	i := 0
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				next.Lock()
				k := i
				i++
				next.Unlock()
				if k >= n {
					return
				}
				fn(k)
			}
		}()
	}
	wg.Wait()
}
