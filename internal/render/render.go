// Package render owns turning the indexed site into output files: it plans
// one job per output path, executes the theme's html/template files for the
// pages, writes the feed, sitemap and JSON API, hashes the theme's CSS and
// JS into cache-friendly names and minifies everything. It writes nothing
// to disk: each job returns bytes for the write stage.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"sort"
	"strings"
	"sync"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/load"
	"github.com/careerguide/careerguide/internal/markdown"
)

// Options are the settings of one render.
type Options struct {
	BaseURL    string // absolute ("https://example.org/guide/"), a path ("/guide/"), or "" for "/"
	Minify     bool
	LiveReload bool   // add the dev server's reload script (serve only)
	Reused     bool   // the renderer serves several builds (serve): keep job keys
	BuildID    string // names the careerguide build, part of every job's key
	// Partials, when set, keeps shared templates' renderings across
	// renderers of the same site and theme (serve).
	Partials *sync.Map
	// Body reads a career's Markdown again when the parse stage released
	// it (Body is nil) to save memory: the file and the body's offset.
	Body func(file string, offset int) ([]byte, error)
}

// Kind names what a job renders.
type Kind string

// The kinds of jobs.
const (
	KindHome     Kind = "home"
	KindCareers  Kind = "careers"
	KindCareer   Kind = "career"
	KindSkills   Kind = "skills"
	KindSkill    Kind = "skill"
	KindSalaries Kind = "salaries"
	KindPage     Kind = "page"
	Kind404      Kind = "404"
	KindAlias    Kind = "alias"
	KindSitemap  Kind = "sitemap"
	KindFeed     Kind = "feed"
	KindRobots   Kind = "robots"
	KindAPI      Kind = "api"
	KindStatic   Kind = "static"
)

// Job is one output file to render.
type Job struct {
	Path string // below the output folder, "careers/x/index.html"
	Kind Kind
	Key  string // the career or skill slug, page path, alias path or static file
}

// Renderer renders the jobs of one site. It is safe for concurrent use.
type Renderer struct {
	site     *index.Site
	opts     Options
	basePath string // "/" or "/guide/"
	absBase  string // "https://example.org/guide/" or ""
	pages    map[string]*template.Template
	base     *template.Template // the shared templates, for partial
	cache    *sync.Map          // partialKey → template.HTML, or true once seen
	md       *markdown.Converter
	min      *minifier
	static   map[string][]byte // output path → bytes, hashed assets included
	assets   map[string]string // theme path → hashed output path
	bufs     sync.Pool
	keys     *keyer
	keyCache sync.Map // job path → cachedKey
	jobs     []Job
}

// pageTemplates are the templates that render whole pages.
var pageTemplates = []string{"home.html", "careers.html", "career.html", "skills.html", "skill.html", "salaries.html", "page.html", "404.html", "alias.html"}

// New prepares a renderer: it parses the templates and hashes the assets.
func New(site *index.Site, templates, static []load.File, opts Options) (*Renderer, error) {
	r := &Renderer{site: site, opts: opts, basePath: "/", pages: map[string]*template.Template{}}
	if opts.BaseURL != "" {
		r.basePath = pathOf(opts.BaseURL)
		if strings.HasPrefix(opts.BaseURL, "http") {
			r.absBase = opts.BaseURL
		}
	}
	r.bufs.New = func() any { return new(bytes.Buffer) }
	r.cache = opts.Partials
	if r.cache == nil {
		r.cache = new(sync.Map)
	}
	r.min = newMinifier(opts.Minify)
	r.md = markdown.New(markdown.Options{UnsafeHTML: site.Config.UnsafeHTML, BasePath: r.basePath})
	if err := r.prepareStatic(static); err != nil {
		return nil, err
	}
	if err := r.parseTemplates(templates); err != nil {
		return nil, err
	}
	r.prepareKeys(templates)
	return r, nil
}

func (r *Renderer) parseTemplates(files []load.File) error {
	base := template.New("").Funcs(r.funcs())
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Path] = f.Data
	}
	for _, f := range files {
		if isPageTemplate(f.Path) {
			continue
		}
		if _, err := base.New(f.Path).Parse(string(f.Data)); err != nil {
			return fmt.Errorf("templates/%s: %w", f.Path, trimTemplateErr(err))
		}
	}
	r.base = base
	for _, name := range pageTemplates {
		data, ok := byName[name]
		if !ok {
			return fmt.Errorf("templates/%s: the theme has no such template", name)
		}
		t, err := base.Clone()
		if err != nil {
			return err
		}
		if _, err := t.New(name).Parse(string(data)); err != nil {
			return fmt.Errorf("templates/%s: %w", name, trimTemplateErr(err))
		}
		r.pages[name] = t
	}
	return nil
}

// partialKey identifies one rendering of a shared template: its data,
// and for a career the fingerprint of its frontmatter, since the dev
// server changes a career's values in place.
type partialKey struct {
	name string
	data any
	meta string
}

// partial executes the shared template name with data, and remembers the
// result for data given again: a career's table row appears on the page
// of each of its skills, and in the dev server every career's card, row
// and bar are kept from one rebuild to the next. In a one-off build a
// rendering is kept from its second use on, so pages that list every
// career once do not hold them all in memory.
func (r *Renderer) partial(name string, data any) (template.HTML, error) {
	key := partialKey{name: name, data: data}
	c, isCareer := data.(*index.Career)
	if isCareer {
		key.meta = c.MetaSum
	} else if !r.opts.Reused {
		// Values (a chart's bar) recur only across rebuilds.
		return r.execute(name, data)
	}
	cached, seen := r.cache.Load(key)
	if h, ok := cached.(template.HTML); ok {
		return h, nil
	}
	h, err := r.execute(name, data)
	if err != nil {
		return "", err
	}
	if seen || r.opts.Reused {
		r.cache.Store(key, h)
	} else {
		r.cache.Store(key, true)
	}
	return h, nil
}

// execute runs the shared template name with data.
func (r *Renderer) execute(name string, data any) (template.HTML, error) {
	buf := r.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer r.bufs.Put(buf)
	if err := r.base.ExecuteTemplate(buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

func isPageTemplate(name string) bool {
	for _, p := range pageTemplates {
		if p == name {
			return true
		}
	}
	return false
}

func trimTemplateErr(err error) error {
	return fmt.Errorf("%s", strings.TrimPrefix(err.Error(), "template: "))
}

// Jobs lists every output file of the site, sorted by path. The slice is
// shared: do not change it.
func (r *Renderer) Jobs() []Job {
	if r.jobs == nil {
		r.jobs = r.plan()
	}
	return r.jobs
}

func (r *Renderer) plan() []Job {
	s := r.site
	jobs := []Job{
		{"index.html", KindHome, ""},
		{"careers/index.html", KindCareers, ""},
		{"skills/index.html", KindSkills, ""},
		{"salaries/index.html", KindSalaries, ""},
		{"404.html", Kind404, ""},
		{"sitemap.xml", KindSitemap, ""},
		{"feed.xml", KindFeed, ""},
		{"robots.txt", KindRobots, ""},
		{"api/careers.json", KindAPI, "careers"},
		{"api/skills.json", KindAPI, "skills"},
	}
	for _, c := range s.Careers {
		jobs = append(jobs, Job{c.URL + "index.html", KindCareer, c.Slug})
	}
	for _, sk := range s.Skills {
		jobs = append(jobs, Job{sk.URL + "index.html", KindSkill, sk.Slug})
	}
	for _, p := range s.Pages {
		jobs = append(jobs, Job{p.URL + "index.html", KindPage, p.URL})
	}
	for _, a := range s.Aliases {
		jobs = append(jobs, Job{a.Path + "index.html", KindAlias, a.Path})
	}
	for p := range r.static {
		jobs = append(jobs, Job{p, KindStatic, p})
	}
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].Path < jobs[j].Path })
	return jobs
}

// Render renders one job. Problems found in content while rendering, such
// as broken links, are appended to ds.
func (r *Renderer) Render(j Job, ds *diag.List) ([]byte, error) {
	switch j.Kind {
	case KindStatic:
		return r.static[j.Key], nil
	case KindSitemap:
		return r.min.bytes("application/xml", r.sitemap())
	case KindFeed:
		return r.min.bytes("application/xml", r.feed())
	case KindRobots:
		return r.robots(), nil
	case KindAPI:
		data, err := r.api(j.Key)
		if err != nil {
			return nil, err
		}
		return data, nil
	}
	v, name, err := r.view(j, ds)
	if err != nil {
		return nil, err
	}
	buf := r.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer r.bufs.Put(buf)
	if err := r.pages[name].ExecuteTemplate(buf, name, v); err != nil {
		return nil, fmt.Errorf("templates/%s: %w", name, trimTemplateErr(err))
	}
	out, err := r.min.bytes("text/html", buf.Bytes())
	if err != nil {
		// Raw HTML from an author (unsafe_html) can defeat the minifier;
		// the page is still good unminified.
		source := j.Path
		if v.Career != nil {
			source = v.Career.Source
		} else if v.Page != nil {
			source = v.Page.Source
		}
		ds.Warnf(source, 0, 0, "", "the page could not be minified (%v); it is written as it is", err)
		return bytes.Clone(buf.Bytes()), nil
	}
	return out, nil
}
