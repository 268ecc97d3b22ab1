package build

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/load"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/output"
	"github.com/careerguide/careerguide/internal/parse"
	"github.com/careerguide/careerguide/internal/render"
	"github.com/careerguide/careerguide/internal/trace"
)

// Session is one site built again and again. Every build runs the same
// steps — read, parse, index, plan, render, commit — and a session's
// output is always what a clean build of the same files would write.
type Session struct {
	o        Options
	files    map[string]*parsed // the parse of each content file, by path
	paths    []string           // the keys of files, sorted
	theme    *render.Theme
	themeSum uint64
	cache    *trace.Cache
	record   *output.Record // what the output folder holds, as far as known
	state    *state         // where the cache and record are saved; nil when they are not
	loaded   bool           // the saved state was read
	currency string         // the default currency of the last parse

	// The index of the last build, reused while what it was made from is
	// the same (indexKey), and the renderer of the last build.
	site      *index.Site
	siteDiags diag.List
	indexKey  uint64          // what the index was made from besides the careers
	indexed   []*model.Career // the careers the index was made from, or has taken the bodies of
	changed   map[string]bool // slugs of the careers whose parse changed since the last build that rendered
	renderer  *render.Renderer
	swept     *index.Site // the site of the last sweep of the cache

	// The last build's jobs and the cache entry of each (nil where it
	// had none), so that a build with the same jobs checks the entries
	// without looking them up by name.
	lastJobs    []render.Job
	lastEntries []*trace.Entry

	// The files beside careers, as of the last read of the whole content
	// folder, and what reading them found.
	resources     []model.Resource
	resourceDiags diag.List

	afterParse func() // for tests: runs between the parse and render steps
}

// NewSession prepares to build the site o describes.
func NewSession(o Options) *Session {
	if o.Out == "" {
		o.Out = filepath.Join(o.Source, "public")
	}
	return &Session{o: o, files: map[string]*parsed{}, cache: newCache(o)}
}

// newCache returns an empty cache for a session of o: one that expects
// more builds when o says they follow.
func newCache(o Options) *trace.Cache {
	c := trace.NewCache()
	if o.Again {
		c.MoreBuilds()
	}
	return c
}

// Build builds the site. changed lists the paths (relative to the site
// folder) that changed since the last build, as a watcher reports them;
// nil means anything may have. A content file that changes while the
// build renders is read again and the build starts over, twice at most.
func (s *Session) Build(ctx context.Context, changed []string) (*Result, error) {
	start := time.Now()
	unlock, err := s.lock(ctx)
	if err != nil {
		return &Result{Out: s.o.Out}, err
	}
	defer unlock()
	for attempt := 0; ; attempt++ {
		res, err := s.build(ctx, changed)
		res.Duration = time.Since(start)
		file, again := render.IsChanged(err)
		if !again || attempt == 2 {
			return res, err
		}
		changed = append(changed, file)
	}
}

// build runs the steps once.
func (s *Session) build(ctx context.Context, changed []string) (*Result, error) {
	o := s.o
	res := &Result{Out: o.Out}
	t := time.Now()
	in, err := s.read(changed)
	if err != nil {
		return res, err
	}
	res.timed("read", &t)
	res.Diags.Add(in.diags)
	if in.themeErr == nil {
		res.Diags.Add(s.theme.Warnings())
	}
	careers, pages, drafts, err := s.parse(ctx, in)
	res.Diags.Add(in.unread)
	if err == nil {
		err = s.readResources(ctx, in)
	}
	if err != nil {
		return res, err
	}
	res.timed("parse", &t)
	res.Drafts = drafts
	if s.afterParse != nil {
		s.afterParse()
	}
	for _, f := range s.files {
		res.Diags.Add(f.diags)
	}
	res.Diags.Add(s.resourceDiags)
	site, ds, err := s.index(ctx, in.config, careers, pages, staticPaths(in.src.Static), s.resourcesNow())
	if err != nil {
		return res, err
	}
	res.timed("index", &t)
	res.Diags.Add(ds)
	res.Site = site
	res.Careers, res.Skills = len(site.Careers), len(site.Skills)
	if o.DryRun { // check: pay must say where it comes from
		for _, c := range site.Careers {
			parse.Unsourced(c.Career, &res.Diags)
		}
	}
	if in.themeErr != nil { // the theme cannot render anything
		res.Diags = append(res.Diags, in.themeErr.Diagnostic())
	}
	// Warnings become errors only after rendering, so that --strict
	// reports the broken links too.
	if err := res.settle(false); err != nil {
		if o.Strict {
			res.Diags.Strict()
		}
		return res, err
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	r := s.plan(site, in)
	res.timed("plan", &t)
	var w *output.Writer
	if !o.DryRun {
		if w, err = s.open(); err != nil {
			return res, err
		}
	}
	rds, err := s.render(ctx, r, w, res)
	res.timed("render", &t)
	// An asset call's error is the same whether a page ran it or the
	// theme check found it: one of each.
	res.Diags.Add(append(rds, s.theme.AssetErrors()...).Unique())
	if err == nil {
		err = res.settle(o.Strict)
	}
	if err != nil {
		if w != nil {
			if aerr := w.Abort(); aerr != nil {
				err = errors.Join(err, aerr)
			}
		}
		return res, err
	}
	if w != nil {
		if res.Stats, err = s.commit(w); err != nil {
			if aerr := w.Abort(); aerr != nil {
				err = errors.Join(err, aerr)
			}
			return res, err
		}
		for _, msg := range w.Warnings() {
			res.Diags.Warnf(o.Out, 0, 0, "", "%s", msg)
		}
		res.timed("commit", &t)
	}
	return res, nil
}

// input is what the read step found.
type input struct {
	src      *load.Source // site.yaml and the theme; Content holds the files read again
	config   model.Config
	full     bool     // every content file was read: the others are gone
	removed  []string // content files that are gone
	diags    diag.List
	unread   diag.List             // content files that could not be read when parsed
	themeErr *render.TemplateError // a mistake in the theme's templates, which stops the build after the content is checked
}

// read reads site.yaml and the theme, and the content files: all of them
// on a session's first build or when changed is nil, else those changed.
func (s *Session) read(changed []string) (*input, error) {
	o := s.o
	src, ds, err := load.ReadTheme(o.Source, o.Theme)
	if err != nil {
		return nil, err
	}
	in := &input{src: src, diags: ds}
	in.config = parse.Config(load.ConfigFile, src.Config, &in.diags)
	if o.BaseURL != "" {
		if in.config.BaseURL, err = parse.BaseURL(o.BaseURL); err != nil {
			return nil, fmt.Errorf("--base-url: %w", err)
		}
		if !o.LiveReload {
			// What depends on where the site is published. serve's base
			// URL is the preview's own address, which says nothing of
			// that: there the defaults follow site.yaml.
			in.config.Defaults()
		}
	}
	if err := s.prepareTheme(src); err != nil {
		te, ok := render.AsTemplateError(err)
		if !ok {
			return nil, err
		}
		in.themeErr = te
	}
	if in.config.Currency != s.currency {
		changed = nil // every career's parse depends on it
	}
	s.currency = in.config.Currency
	if !s.readChanged(in, changed) {
		in.full = true
		src.Content, src.Resources = load.ReadContent(src.Root, &in.diags)
	}
	return in, nil
}

// readChanged reads the changed content files again. It reports false
// when a change is not one a single file explains (a folder, a link, a
// file that vanished unseen), so the whole folder must be read.
func (s *Session) readChanged(in *input, changed []string) bool {
	if changed == nil || len(s.files) == 0 {
		return false
	}
	for _, p := range changed {
		if !isContent(p) {
			continue
		}
		data, ok := load.ReadOne(in.src.Root, p)
		switch {
		case ok:
			in.src.Content = append(in.src.Content, load.File{Path: p, Data: data})
		case s.files[p] != nil && !exists(in.src.Root, p):
			in.removed = append(in.removed, p)
		case !exists(in.src.Root, p) && load.IsMarkdown(p):
			// A file made and removed between two builds.
		default:
			return false
		}
	}
	return true
}

// prepareTheme parses the theme unless its files are what the session's
// theme was made from.
func (s *Session) prepareTheme(src *load.Source) error {
	var h trace.Hash
	h.Bool(!s.o.NoMinify)
	for _, list := range [][]load.File{src.Templates, src.Static} {
		h.Int(int64(len(list)))
		for _, f := range list {
			h.Str(f.Path).Bytes(f.Data).Bool(f.Own)
		}
	}
	if s.theme != nil && h.Sum() == s.themeSum {
		return nil
	}
	t, err := render.NewTheme(src.Templates, src.Static, !s.o.NoMinify)
	if err != nil {
		return err
	}
	s.theme, s.themeSum = t, h.Sum()
	return nil
}

// index indexes the site, or reuses the last build's index when every
// career's frontmatter, every page, the configuration and the static
// files are what it was made from: then only bodies can differ, and the
// index takes the new parses' bodies.
func (s *Session) index(ctx context.Context, cfg model.Config, careers []*model.Career, pages []*model.Page, statics []string, resources []model.Resource) (*index.Site, diag.List, error) {
	var h trace.Hash
	h.Str(fmt.Sprintf("%+v", cfg)).Strs(statics)
	h.Int(int64(len(resources)))
	for _, r := range resources {
		h.Str(r.Path).Str(r.Sum).Int(int64(r.Width)).Int(int64(r.Height)).Str(r.Bundle)
	}
	h.Int(int64(len(pages)))
	for _, p := range pages {
		h.Str(p.Source).Str(p.Sum)
	}
	key := h.Sum()
	if s.site != nil && key == s.indexKey && sameFrontmatter(careers, s.indexed) {
		for i, c := range careers {
			if c != s.indexed[i] {
				s.site.Rebody(c) // a career left out (a duplicate slug) takes nothing
			}
		}
		s.indexed = careers
		return s.site, s.siteDiags, nil
	}
	prev := s.site
	s.site, s.siteDiags, s.indexKey, s.indexed = nil, nil, key, nil
	site, ds, err := index.Rebuild(ctx, prev, cfg, careers, pages, statics, resources)
	if err != nil {
		return nil, nil, err
	}
	s.site, s.siteDiags, s.indexed = site, ds, careers
	return s.site, s.siteDiags, nil
}

// sameFrontmatter reports whether two lists of careers, sorted by file,
// have the same files with the same frontmatter and link targets, looking
// only at the careers whose parse differs.
func sameFrontmatter(a, b []*model.Career) bool {
	return len(a) == len(b) && slices.EqualFunc(a, b, func(x, y *model.Career) bool {
		return x == y || x.Source == y.Source && x.MetaSum == y.MetaSum && slices.Equal(x.Refs, y.Refs)
	})
}

// staticPaths lists the static files by their paths in static/, as
// render.Theme.StaticPaths does.
func staticPaths(files []load.File) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.Path
	}
	return out
}

// plan prepares the renderer of this build's jobs and starts the cache's
// build with its values.
func (s *Session) plan(site *index.Site, in *input) *render.Renderer {
	o := s.o
	r := render.New(site, s.theme, s.cache, render.Options{
		BaseURL: in.config.BaseURL, Minify: !o.NoMinify, LiveReload: o.LiveReload, BuildID: buildID(),
		Body: in.src.ReadFile, Again: o.Again,
	}, s.renderer)
	s.cache.Begin(r.Values(), r.Same(s.renderer, s.changed))
	s.renderer, s.changed = r, nil
	return r
}

// render renders every job whose output is not already in place, on
// every CPU, and hands the bytes to w (nil when checking only). It
// returns the problems found in content while rendering.
func (s *Session) render(ctx context.Context, r *render.Renderer, w *output.Writer, res *Result) (diag.List, error) {
	if s.swept == s.site {
		// The site is the one of the last sweep: this build sweeps not, so
		// it need not mark what it uses.
		s.cache.Unmarked()
	}
	jobs := r.Jobs()
	lists := make([]diag.List, len(jobs))
	rendered := make([]bool, len(jobs))
	entries := make([]*trace.Entry, len(jobs))
	// The entries the last build's jobs had are checked at once, matched
	// to this build's jobs by path; the others are looked up by name.
	reuse := make([]bool, len(jobs))
	prev := alignEntries(jobs, s.lastJobs, s.lastEntries)
	held := false // reuse[i] says the output holds job i's file too
	if prev != nil {
		s.cache.Reuse(prev, reuse)
		held = w == nil || w.KeepHeld(reuse, func(i int) (string, string) { return jobs[i].Path, prev[i].Sum })
	}
	s.lastJobs, s.lastEntries = nil, nil // until this build's are known
	err := parallel(ctx, len(jobs), s.o.Workers, func() (*render.Worker, func(), error) {
		rw, err := r.NewWorker()
		if err != nil {
			return nil, nil, err
		}
		return rw, rw.Close, nil
	}, func(rw *render.Worker, i int) error {
		if reuse[i] && held {
			lists[i], entries[i] = prev[i].Diags, prev[i]
			return nil
		}
		j := jobs[i]
		var e *trace.Entry
		ok := reuse[i]
		if ok {
			e = prev[i]
		} else {
			e, ok = s.cache.Lookup(j.Path)
		}
		if ok && (w == nil || w.Has(j.Path, e.Sum)) {
			lists[i], entries[i] = e.Diags, e
			if w != nil {
				w.Keep(j.Path, e.Sum)
			}
			return nil
		}
		out, err := rw.Render(j)
		if te, ok := render.AsTemplateError(err); ok {
			// A mistake in a template: reported with the others, and the
			// build writes nothing.
			lists[i] = diag.List{te.Diagnostic()}
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", j.Path, err)
		}
		rendered[i] = true
		lists[i] = out.Diags
		sum := output.Sum(out.Data)
		entries[i] = s.cache.Store(j.Path, out.Reads, trace.Entry{Sum: sum, Diags: out.Diags})
		if w != nil {
			return w.PutSum(j.Path, out.Data, sum)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if s.swept != s.site {
		// The site changed: entries of pages and fragments it no longer
		// has go. Under an unchanged index every entry is still in use.
		s.cache.Sweep()
		s.swept = s.site
	}
	s.lastJobs, s.lastEntries = jobs, entries
	var ds diag.List
	for i, j := range jobs {
		ds.Add(lists[i])
		if rendered[i] {
			res.Rendered++
			res.RenderedPaths = append(res.RenderedPaths, j.Path)
		}
		if j.HTML() {
			res.Pages++
		}
	}
	res.Files = len(jobs)
	return ds.Unique(), nil
}

// alignEntries returns, for each job, the entry the job of the same path
// had in the last build (lastJobs, with lastEntries), or nil; nil when
// there was no last build. Both lists of jobs are sorted by path.
func alignEntries(jobs, lastJobs []render.Job, lastEntries []*trace.Entry) []*trace.Entry {
	if lastJobs == nil {
		return nil
	}
	out := make([]*trace.Entry, len(jobs))
	k := 0
	for i, j := range jobs {
		for k < len(lastJobs) && lastJobs[k].Path < j.Path {
			k++
		}
		if k < len(lastJobs) && lastJobs[k].Path == j.Path {
			out[i] = lastEntries[k]
		}
	}
	return out
}
