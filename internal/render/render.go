// Package render owns turning the indexed site into output files: it
// plans one job per output path, executes the theme's html/template files
// for the pages, writes the feed, sitemap and JSON API, and minifies
// everything. It writes nothing to disk: each job returns bytes for the
// write stage.
//
// Templates see the site through views (views.go) whose accessors record
// every value they hand out, and shared templates rendered for one item
// of the site (a career's card) are fragments kept in the build's
// trace.Cache; so every job returns, with its bytes, the exact list of
// values it read, and the build reuses its output while those values are
// unchanged.
package render

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/markdown"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/trace"
)

// Options are the settings of one render.
type Options struct {
	BaseURL    string // absolute ("https://example.org/guide/"), a path ("/guide/"), or "" for "/"
	Minify     bool
	LiveReload bool   // add the dev server's reload script (serve only)
	BuildID    string // names the careerguide build; every job reads it
	// Body returns a content file's bytes as they are now, for careers
	// whose Markdown the parse stage did not keep in memory and for the
	// files published beside careers. The bytes are checked against what
	// was parsed.
	Body func(file string) ([]byte, error)
	// Again says that more builds will follow this one: the memos keep
	// what the first build makes, for the first edit.
	Again bool
}

// Kind names what a job renders.
type Kind string

// The kinds of jobs.
const (
	KindHome       Kind = "home"
	KindCareers    Kind = "careers"
	KindCareer     Kind = "career"
	KindSkills     Kind = "skills"
	KindSkill      Kind = "skill"
	KindSalaries   Kind = "salaries"
	KindCategories Kind = "categories"
	KindCategory   Kind = "category"
	KindSources    Kind = "sources"
	KindPage       Kind = "page"
	Kind404        Kind = "404"
	KindAlias      Kind = "alias"
	KindSitemap    Kind = "sitemap"
	KindFeed       Kind = "feed"
	KindRobots     Kind = "robots"
	KindAPI        Kind = "api"
	KindSearch     Kind = "search"
	KindCompare    Kind = "compare"
	KindCard       Kind = "card"
	KindStatic     Kind = "static"
	KindResource   Kind = "resource" // a file beside a career's Markdown
)

// Job is one output file to render.
type Job struct {
	Path string // below the output folder, "careers/x/index.html"
	Kind Kind
	Key  string // the career or skill slug, page path, alias path or static file
}

// HTML reports whether the job is an HTML page a reader visits (not a
// redirect).
func (j Job) HTML() bool { return strings.HasSuffix(j.Path, ".html") && j.Kind != KindAlias }

// Renderer renders the jobs of one build of a site. Its workers may run
// in parallel.
type Renderer struct {
	site     *index.Site
	theme    *Theme
	cache    *trace.Cache
	opts     Options
	basePath string // "/" or "/guide/"
	absBase  string // "https://example.org/guide/" or ""
	md       *markdown.Converter
	min      *minifier
	values   *values
	jobs     []Job
	words    *wordMemo   // shared with the renderers before and after
	records  *recordMemo // likewise
}

// New prepares to render site with theme. Fragments are kept in cache,
// which must have begun a build with r.Values(). prev, the renderer of
// the last build or nil, lends its plan when site and theme are its own.
func New(site *index.Site, theme *Theme, cache *trace.Cache, opts Options, prev *Renderer) *Renderer {
	r := &Renderer{site: site, theme: theme, cache: cache, opts: opts, basePath: "/"}
	if opts.BaseURL != "" {
		r.basePath = pathOf(opts.BaseURL)
		if strings.HasPrefix(opts.BaseURL, "http") {
			r.absBase = opts.BaseURL
		}
	}
	r.min = newMinifier(opts.Minify)
	// The memos serve the builds after the first: a session that builds
	// once holds nothing in them; one that builds again (Again) fills them
	// from the first.
	r.words, r.records = &wordMemo{keep: opts.Again}, &recordMemo{keep: opts.Again}
	if prev != nil {
		r.words, r.records = prev.words, prev.records
		r.words.keep, r.records.keep = true, true
	}
	r.md = markdown.New(markdown.Options{UnsafeHTML: site.Config.UnsafeHTML, BasePath: r.basePath})
	if prev != nil && prev.site == site && prev.theme == theme {
		r.values, r.jobs = prev.values, prev.jobs
		r.values.r = r
	} else {
		r.values = newValues(r)
		if prev != nil {
			// The search files' sums are asked for first when the build
			// begins (trace.Cache.Begin): they are found on another core
			// while the plan is made.
			go r.values.siteWords()
			go r.values.recordSums()
		}
		if prev != nil && prev.theme == theme && samePlan(prev.site, site) {
			r.jobs = prev.jobs
		} else {
			r.jobs = r.plan()
		}
	}
	return r
}

// samePlan reports whether plan makes the same jobs for s as for prev,
// from what it reads: the same careers, categories (with as many pages
// each), skills, pages, redirects and resources, by slug or path, as many
// pages of each list, and the same settings that add pages. The order of
// the careers does not matter, as the jobs are sorted by path; the static
// files are the theme's, which New compares by identity.
func samePlan(prev, s *index.Site) bool {
	pc, c := prev.Config, s.Config
	if pc.SocialCards != c.SocialCards || len(prev.Careers) != len(s.Careers) ||
		prev.ListPages("careers/") != s.ListPages("careers/") || prev.ListPages("salaries/") != s.ListPages("salaries/") {
		return false
	}
	for _, c := range s.Careers {
		if prev.CareerBySlug(c.Slug) == nil {
			return false
		}
	}
	return slices.EqualFunc(prev.Categories, s.Categories, func(x, y *index.Category) bool {
		return x.Slug == y.Slug && prev.ListPages(x.URL) == s.ListPages(y.URL)
	}) &&
		sameBy(prev.Skills, s.Skills, func(sk *index.Skill) string { return sk.Slug }) &&
		sameBy(prev.Pages, s.Pages, func(p *index.Page) string { return p.URL }) &&
		sameBy(prev.Aliases, s.Aliases, func(a index.Alias) string { return a.Path }) &&
		sameBy(prev.Resources, s.Resources, func(r *index.Resource) string { return r.URL })
}

// sameBy reports whether a and b are as long and name the same items, in
// order, by name.
func sameBy[T any](a, b []T, name func(T) string) bool {
	return slices.EqualFunc(a, b, func(x, y T) bool { return name(x) == name(y) })
}

// Values gives the current value of every key a job of r can read.
func (r *Renderer) Values() trace.Values { return r.values }

// Same returns, for prev, the renderer of the build before r's, which
// keys have the same value in both builds, or nil when that is not known.
// It answers for a whole kind of key where it can, so that a build of a
// large site does not ask about each of its keys.
// Nothing is assumed: a key is the same when what its value is computed
// from is known to be unchanged. The theme, options and site settings are
// compared as a whole. A career's own fields (title, category, pay,
// facts, levels, about, date, body) follow from its parse alone: changed names
// the careers (by slug) whose parse is not the one prev rendered, and the
// others are the same. Its skills and related careers are the same when
// the index took them whole from prev's (index.Site.SameRelations), and
// a career's related careers when the index took its list from prev's
// (index.Site.SameRelated). Where content files are published and which
// paths exist are the same when the output layout is
// (index.Site.SameLayout). When the site object itself is prev's (the
// index was reused), only the changed careers' bodies can differ
// (index.Site.Rebody).
func (r *Renderer) Same(prev *Renderer, changed map[string]bool) *trace.Same {
	if prev == nil || prev.theme != r.theme || prev.opts.BaseURL != r.opts.BaseURL ||
		prev.opts.Minify != r.opts.Minify || prev.opts.LiveReload != r.opts.LiveReload || prev.opts.BuildID != r.opts.BuildID {
		return nil
	}
	var slugs []string // the changed careers, for the kinds of their own fields
	for slug := range changed {
		slugs = append(slugs, slug)
	}
	if prev.site == r.site {
		return &trace.Same{Kind: func(kind string) ([]string, bool) {
			if kind == kCareerBody {
				return slugs, true
			}
			return nil, true
		}}
	}
	relations, layout := r.site.SameRelations(prev.site), r.site.SameLayout(prev.site)
	return &trace.Same{
		Kind: func(kind string) ([]string, bool) {
			switch kind {
			case kLinkFile, kLinkPath:
				return nil, layout
			case kCareer, kCareerCategory, kCareerPay, kCareerFacts, kCareerCited, kCareerLevels, kCareerAbout, kCareerUpdated, kCareerBody:
				return slugs, true
			case kCareerSkills, kCareerRelated:
				return nil, relations
			case kTemplate, kTemplates, kAsset, kStatic, kOptions:
				return nil, true
			}
			return nil, false
		},
		Key: func(k trace.Key) bool {
			return k.Kind == kCareerRelated && r.site.SameRelated(prev.site, k.ID)
		},
	}
}

// Jobs lists every output file of the site, sorted by path. The slice is
// shared: do not change it.
func (r *Renderer) Jobs() []Job { return r.jobs }

func (r *Renderer) plan() []Job {
	s := r.site
	jobs := []Job{
		{"index.html", KindHome, ""},
		{"skills/index.html", KindSkills, ""},
		{"categories/index.html", KindCategories, ""},
		{"sources/index.html", KindSources, ""},
		{"compare/index.html", KindCompare, ""},
		{"404.html", Kind404, ""},
		{"sitemap.xml", KindSitemap, ""},
		{"feed.xml", KindFeed, ""},
		{"robots.txt", KindRobots, ""},
		{"api/careers.json", KindAPI, "careers"},
		{"api/skills.json", KindAPI, "skills"},
	}
	jobs = r.listJobs(jobs, KindCareers, "careers")
	jobs = r.listJobs(jobs, KindSalaries, "salaries")
	for _, c := range s.Categories {
		jobs = r.listJobs(jobs, KindCategory, "category "+c.Slug)
	}
	for _, p := range index.SearchPaths(len(s.Careers)) {
		jobs = append(jobs, Job{p, KindSearch, p})
	}
	for _, c := range s.Careers {
		jobs = append(jobs, Job{c.Page(), KindCareer, c.Slug}, Job{c.API(), KindAPI, "career " + c.Slug})
		if s.Config.SocialCards {
			jobs = append(jobs, Job{CardPath(c.URL), KindCard, c.Slug})
		}
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
	for p := range r.theme.static {
		jobs = append(jobs, Job{p, KindStatic, p})
	}
	for _, res := range s.Resources {
		jobs = append(jobs, Job{res.URL, KindResource, res.URL})
	}
	slices.SortFunc(jobs, func(a, b Job) int { return strings.Compare(a.Path, b.Path) })
	return jobs
}

// render renders one job.
func (w *worker) render(j Job) ([]byte, error) {
	r := w.r
	switch j.Kind {
	case KindStatic:
		w.read(kStatic, j.Key)
		return r.theme.static[j.Key], nil
	case KindResource:
		return w.resource(j.Key)
	case KindSitemap:
		return w.sitemap() // written compact when minifying
	case KindFeed:
		return w.feed()
	case KindRobots:
		return []byte("User-agent: *\nAllow: /\n\nSitemap: " + w.abs("sitemap.xml") + "\n"), nil
	case KindAPI:
		if slug, ok := strings.CutPrefix(j.Key, "career "); ok {
			return w.apiCareerFile(slug)
		}
		return w.api(j.Key)
	case KindCard:
		return w.card(j.Key)
	case KindSearch:
		w.read(kSearch, j.Key)
		data, ok := r.values.searchFile(j.Key)
		if !ok {
			return nil, errNoItem("search file", j.Key)
		}
		return data, nil
	}
	v, name, err := w.view(j)
	if err != nil {
		return nil, err
	}
	page, err := w.page(name, v)
	if err != nil {
		return nil, err
	}
	// The templates were minified when parsed, and Markdown when
	// converted: the page needs no pass of its own. It is the worker's
	// buffer, handed out until the next job (Output.Data).
	return page, nil
}

// resource returns the bytes of the career's file published at p, read
// again and checked against what was indexed.
func (w *worker) resource(p string) ([]byte, error) {
	w.read(kResource, p)
	res := w.r.site.ResourceAt(p)
	if res == nil {
		return nil, errNoItem("file", p)
	}
	if w.r.opts.Body == nil {
		return nil, fmt.Errorf("%s: no way to read it", res.Path)
	}
	data, err := w.r.opts.Body(res.Path)
	if err != nil {
		return nil, err
	}
	if model.Fingerprint(data) != res.Sum {
		return nil, &ChangedError{File: res.Path}
	}
	return data, nil
}

// ChangedError reports a content file whose bytes changed between the
// moment it was parsed and the moment its page was rendered.
type ChangedError struct{ File string }

func (e *ChangedError) Error() string {
	return e.File + " changed while the site was built"
}

// IsChanged reports whether err is, or wraps, a ChangedError, and names
// the file.
func IsChanged(err error) (string, bool) {
	var ce *ChangedError
	if errors.As(err, &ce) {
		return ce.File, true
	}
	return "", false
}

func (r *Renderer) abs(p string) string {
	p = escapePath(strings.TrimPrefix(p, "/"))
	if r.absBase != "" {
		return r.absBase + p
	}
	return r.basePath + p
}

// escapePath percent-encodes a path for use in a URL.
func escapePath(p string) string { return (&url.URL{Path: p}).EscapedPath() }

// pathOf returns the path of a base URL, with a trailing slash.
func pathOf(base string) string {
	u, err := url.Parse(base)
	if err != nil || u.Path == "" {
		return "/"
	}
	if !strings.HasSuffix(u.Path, "/") {
		return u.Path + "/"
	}
	return u.Path
}

var errNotList = errors.New("first: not a list")

// errNoItem is returned for a job whose item left the site.
func errNoItem(kind, key string) error { return fmt.Errorf("no %s %q", kind, key) }
