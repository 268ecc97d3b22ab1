package build

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
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

// Session is one site built again and again, as `serve` does. It keeps
// the parsed files, the index and the output's manifest between builds,
// and on each rebuild reads and parses only the changed files, indexes
// again only when frontmatter changed, and renders only the pages whose
// inputs changed. A session's output is always what a clean build of the
// same files would write.
type Session struct {
	o Options

	files        map[string]*parsed // content path → its last parse
	contentDiags diag.List          // from reading the content folder
	site         *index.Site
	siteDiags    diag.List
	siteInputs   string // what the index was built from, besides careers
	prev         map[string]output.Entry

	reorder     bool             // careers' values changed in place: sort the index again
	renderer    *render.Renderer // reused while the site and theme are
	rendererFor *index.Site
	partials    *sync.Map // shared templates' renderings, kept while the index is
	themeInputs string
}

type parsed struct {
	career *model.Career
	page   *model.Page
	diags  diag.List
}

// NewSession prepares to build the site o describes.
func NewSession(o Options) *Session {
	if o.Out == "" {
		o.Out = filepath.Join(o.Source, "public")
	}
	return &Session{o: o}
}

// Build builds the site. changed lists the paths (relative to the site
// folder) that changed since the last build; nil means anything may have.
func (s *Session) Build(ctx context.Context, changed []string) (*Result, error) {
	start := time.Now()
	o := s.o
	res := &Result{Out: o.Out}
	src, ds, err := load.ReadTheme(o.Source, o.Theme)
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
	theme := themeInputs(src)
	// A one-off build reads every file; when they are what the output
	// folder was last built from, and it is intact, there is nothing to do.
	var w *output.Writer
	var files []load.File
	var inputs string
	if s.files == nil && !o.DryRun && !o.LiveReload {
		if err := output.Check(o.Out, o.Source); err != nil {
			return res, err
		}
		if w, err = output.Open(o.Out); err != nil {
			return res, err
		}
		var cds diag.List
		files = load.ReadContent(src.Root, &cds)
		s.contentDiags = cds
		inputs = fingerprint(o, src, theme, files)
		if sum, ok := w.Unchanged(inputs); ok {
			// Report what the build that made the folder reported.
			res.Diags = sum.Diags
			res.Pages, res.Careers, res.Skills = sum.Pages, sum.Careers, sum.Skills
			res.Files = w.Kept()
			res.Stats = output.Stats{Files: res.Files, Unchanged: res.Files}
			res.Duration = time.Since(start)
			return res, res.settle(o.Strict)
		}
	}
	s.reorder = false
	metaSame := s.readContent(src.Root, cfg.Currency, changed, files)
	res.Diags.Add(s.contentDiags)
	var careers []*model.Career
	var pages []*model.Page
	paths := make([]string, 0, len(s.files))
	for p := range s.files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		f := s.files[p]
		res.Diags.Add(f.diags)
		if f.career != nil && (o.Drafts || !f.career.Draft) {
			careers = append(careers, f.career)
		}
		if f.page != nil && (o.Drafts || !f.page.Draft) {
			pages = append(pages, f.page)
		}
	}
	statics := render.StaticPaths(src.Static)
	siteInputs := fmt.Sprintf("%+v|%q|%d", cfg, statics, len(careers))
	for _, p := range pages {
		siteInputs += "|" + p.Source + p.Sum
	}
	if !metaSame || s.site == nil || siteInputs != s.siteInputs {
		s.site, s.siteDiags = index.Build(cfg, careers, pages, statics)
		s.siteInputs = siteInputs
		s.partials = nil
	} else if s.reorder {
		s.site.Reorder()
		s.renderer = nil // its caches hold the old values
	}
	res.Diags.Add(s.siteDiags)
	res.Site = s.site
	res.Careers, res.Skills = len(s.site.Careers), len(s.site.Skills)
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
	r := s.renderer
	if s.themeInputs != theme || s.partials == nil {
		s.partials = new(sync.Map)
	}
	if r == nil || s.rendererFor != s.site || s.themeInputs != theme {
		r, err = render.New(s.site, src.Templates, src.Static, render.Options{
			BaseURL: cfg.BaseURL, Minify: !o.NoMinify, LiveReload: o.LiveReload, Body: src.Body,
			Reused: o.LiveReload, Partials: s.partials, BuildID: buildID(),
		})
		if err != nil {
			return res, err
		}
		s.renderer, s.rendererFor, s.themeInputs = r, s.site, theme
	}
	if !o.DryRun && w == nil {
		if s.prev != nil {
			w, err = output.OpenTrusted(o.Out, s.prev)
		} else {
			w, err = output.Open(o.Out)
		}
		if err != nil {
			return res, err
		}
	}
	jobs := r.Jobs()
	rds, rendered, err := renderAll(ctx, r, jobs, o.Workers, w)
	res.Rendered = rendered
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
		w.Summarize(output.Summary{Inputs: inputs, Pages: res.Pages, Careers: res.Careers, Skills: res.Skills, Diags: res.Diags})
		if res.Stats, err = w.Commit(); err != nil {
			s.prev = nil
			return res, err
		}
		if o.LiveReload {
			// Only serve trusts its own output folder between builds.
			s.prev = w.Entries()
		}
	}
	res.Duration = time.Since(start)
	return res, nil
}

// readContent brings s.files up to date with the content folder: all of
// it on the first build or when a change is not a single Markdown file,
// else only the changed files. It reports whether every career kept its
// frontmatter, so the index can be reused.
func (s *Session) readContent(root, currency string, changed []string, read []load.File) (metaSame bool) {
	if read != nil {
		s.files = parseAll(read, currency)
		return false
	}
	full := s.files == nil || changed == nil
	var one map[string][]byte
	if !full {
		one = map[string][]byte{}
		for _, p := range changed {
			if !strings.HasPrefix(p, "content/") {
				continue
			}
			data, ok := load.ReadOne(root, p)
			if !ok {
				if _, known := s.files[p]; known && !exists(root, p) {
					one[p] = nil // deleted
					continue
				}
				full = true
				break
			}
			one[p] = data
		}
	}
	if full {
		var ds diag.List
		files := load.ReadContent(root, &ds)
		s.contentDiags = ds
		s.files = parseAll(files, currency)
		return false
	}
	metaSame = true
	var todo []load.File
	for p, data := range one {
		if data == nil {
			delete(s.files, p)
			metaSame = false
			continue
		}
		todo = append(todo, load.File{Path: p, Data: data})
	}
	for p, f := range parseAll(todo, currency) {
		old := s.files[p]
		switch {
		case old != nil && old.career != nil && f.career != nil && old.career.MetaSum == f.career.MetaSum:
			// Only the body changed: keep the indexed career, with its new body.
			old.career.Sum, old.career.BodyAt, old.career.BodyLine = f.career.Sum, f.career.BodyAt, f.career.BodyLine
			old.diags = f.diags
		case old != nil && old.career != nil && f.career != nil && sameShape(old.career, f.career):
			// Only values changed (salary, levels, summary, date): the
			// index keeps its structure and is sorted again.
			c, n := old.career, f.career
			c.Summary, c.Salary, c.Demand, c.AIImpact, c.Updated = n.Summary, n.Salary, n.Demand, n.AIImpact, n.Updated
			c.Sum, c.MetaSum, c.BodyAt, c.BodyLine = n.Sum, n.MetaSum, n.BodyAt, n.BodyLine
			old.diags = f.diags
			s.reorder = true
		default:
			s.files[p] = f
			metaSame = false
		}
	}
	return metaSame
}

// fingerprint sums up everything a one-off build reads: the options, the
// configuration, the theme, every content file and careerguide's own build.
func fingerprint(o Options, src *load.Source, theme string, files []load.File) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s|%s|%v|%v|%v|%v\x00", buildID(), o.BaseURL, o.Drafts, o.NoMinify, o.LiveReload, o.Strict)
	h.Write(src.Config)
	h.Write([]byte{0})
	h.Write([]byte(theme))
	for _, f := range files {
		h.Write([]byte(f.Path))
		h.Write([]byte{0})
		h.Write(f.Data)
		h.Write([]byte{0})
	}
	return fmt.Sprintf("%x", h.Sum(nil)[:16])
}

// buildID names the careerguide build that runs, so that a new version
// never reuses an old one's output.
func buildID() string {
	id := "devel"
	if bi, ok := debug.ReadBuildInfo(); ok {
		id = bi.Main.Version + bi.GoVersion
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				id += s.Value
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if st, err := os.Stat(exe); err == nil {
			id += fmt.Sprintf("|%d|%d", st.Size(), st.ModTime().UnixNano())
		}
	}
	return id
}

// themeInputs fingerprints the templates and static files.
func themeInputs(src *load.Source) string {
	h := sha256.New()
	for _, list := range [][]load.File{src.Templates, src.Static} {
		for _, f := range list {
			h.Write([]byte(f.Path))
			h.Write([]byte{0})
			h.Write(f.Data)
			h.Write([]byte{0})
		}
		h.Write([]byte{1})
	}
	return string(h.Sum(nil))
}

// sameShape reports whether two parses of a career differ only in values
// the index sorts by or shows, not in what it is built from: slug, title,
// category, skills, aliases, related careers, draft state, or where any
// of them was written.
func sameShape(a, b *model.Career) bool {
	return a.Slug == b.Slug && a.Title == b.Title && a.Category == b.Category && a.Draft == b.Draft &&
		slices.Equal(a.Skills, b.Skills) && slices.Equal(a.Aliases, b.Aliases) && slices.Equal(a.Related, b.Related) &&
		a.Pos.Slug == b.Pos.Slug && slices.Equal(a.Pos.Skills, b.Pos.Skills) &&
		slices.Equal(a.Pos.Aliases, b.Pos.Aliases) && slices.Equal(a.Pos.Related, b.Pos.Related)
}

func exists(root, rel string) bool {
	_, err := filepath.EvalSymlinks(filepath.Join(root, filepath.FromSlash(rel)))
	return err == nil
}

// parseAll parses content files on every CPU. Careers' bodies are left
// out of the result: they are read again when rendered, so large sites
// never hold every page's Markdown at once.
func parseAll(files []load.File, currency string) map[string]*parsed {
	out := make([]*parsed, len(files))
	parallel(len(files), 0, func(i int) {
		f := files[i]
		p := &parsed{}
		if strings.HasPrefix(f.Path, "content/careers/") {
			p.career = parse.Career(f.Path, f.Data, currency, &p.diags)
			if p.career != nil {
				p.career.Body = nil
			}
		} else {
			p.page = parse.Page(f.Path, f.Data, &p.diags)
		}
		out[i] = p
	})
	m := make(map[string]*parsed, len(files))
	for i, f := range files {
		m[f.Path] = out[i]
		files[i].Data = nil
	}
	return m
}
