package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"sync"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/load"
	"github.com/careerguide/careerguide/internal/trace"
)

// Theme is a parsed theme: its templates, ready to execute, and its static
// files, minified and with content-hashed names for CSS and JS. A Theme
// serves any number of builds of any site; the build keeps one while the
// theme's files and the minify setting are unchanged.
type Theme struct {
	minify    bool
	templates map[string][]byte // name → text, minified when minify is set
	source    map[string][]byte // name → text as written, for messages
	own       map[string]bool   // the site's own files, parsed after the embedded theme's
	static    map[string][]byte // output path → bytes, hashed assets included
	assets    map[string]string // theme path → hashed output path
	sums      map[trace.Key]uint64

	warnings diag.List // what is wrong with the site's templates, short of an error
	assetErr diag.List // asset calls whose files are missing (checkAssets)

	mu   sync.Mutex
	free []*tmplSet // parsed template sets not in use by a worker
}

// Warnings are the theme's problems that do not stop a build, such as a
// template file of the site's that defines nothing the theme uses.
func (t *Theme) Warnings() diag.List { return t.warnings }

// AssetErrors are the asset calls whose files are missing, wherever they
// are in the templates. They are errors of rendering: a build reports
// them with the mistakes its pages meet, each once.
func (t *Theme) AssetErrors() diag.List { return t.assetErr }

// pageTemplates are the templates that render whole pages.
var pageTemplates = []string{"home.html", "careers.html", "career.html", "skills.html", "skill.html", "salaries.html",
	"categories.html", "category.html", "sources.html", "compare.html", "page.html", "404.html", "alias.html"}

// NewTheme parses the templates and prepares the static files.
func NewTheme(templates, static []load.File, minify bool) (*Theme, error) {
	t := &Theme{minify: minify, templates: map[string][]byte{}, source: map[string][]byte{}, own: map[string]bool{}, sums: map[trace.Key]uint64{}}
	shared := trace.Hash{}
	tmin := newTemplateMinifier(minify)
	for _, f := range templates {
		text, err := tmin.template(f.Data)
		if err != nil {
			return nil, fmt.Errorf("templates/%s: %w", f.Path, err)
		}
		t.templates[f.Path] = text
		t.source[f.Path], t.own[f.Path] = f.Data, f.Own
		if isPageTemplate(f.Path) {
			var h trace.Hash
			t.sums[key(kTemplate, f.Path)] = h.Bytes(f.Data).Sum()
		} else {
			shared.Str(f.Path).Bytes(f.Data)
		}
	}
	t.sums[key(kTemplates, "")] = shared.Sum()
	if err := t.prepareStatic(static); err != nil {
		return nil, err
	}
	set, err := t.parse()
	if err != nil {
		if t.minify {
			// Report the mistake where it is in the file, not in its
			// minified text.
			if _, err2 := parseSet(t.source, t.own); err2 != nil {
				err = err2
			}
		}
		return nil, err
	}
	t.warnings = unusedFiles(templates, set)
	t.assetErr = t.checkAssets(set)
	t.free = append(t.free, set)
	return t, nil
}

// checkAssets reports asset calls whose files are missing (see
// missingAssets), at their place in the template files as written.
func (t *Theme) checkAssets(set *tmplSet) diag.List {
	exists := func(p string) bool { _, ok := t.assets[p]; return ok }
	found := missingAssets(set, exists)
	if len(found) > 0 && t.minify {
		// Positions in the minified text are not the file's.
		if plain, err := parseSet(t.source, t.own); err == nil {
			found = missingAssets(plain, exists)
		}
	}
	return assetErrors(found, t.StaticPaths())
}

// prepareStatic minifies the static files and gives every CSS and JS file
// a content-hashed name (assets/style.css → assets/style.3f9a1c2e.css), so
// hosts can cache them forever.
func (t *Theme) prepareStatic(files []load.File) error {
	t.static = map[string][]byte{}
	t.assets = map[string]string{}
	min := newMinifier(t.minify)
	for _, f := range files {
		data := f.Data
		if mt := mediaType(f.Path); mt != "" {
			var err error
			if data, err = min.bytes(mt, data); err != nil {
				return fmt.Errorf("static/%s: %w", f.Path, err)
			}
		}
		out := f.Path
		if e := ext(f.Path); e == ".css" || e == ".js" {
			sum := sha256.Sum256(data)
			out = strings.TrimSuffix(f.Path, e) + "." + hex.EncodeToString(sum[:4]) + e
		}
		t.assets[f.Path] = out
		t.static[out] = data
		var h trace.Hash
		t.sums[key(kStatic, out)] = h.Bytes(data).Sum()
		t.sums[key(kAsset, f.Path)] = trace.SumString(out)
	}
	return nil
}

// StaticPaths lists the static files by their paths in static/, sorted;
// CSS and JS are published under hashed names (see index.Build).
func (t *Theme) StaticPaths() []string {
	out := make([]string, 0, len(t.assets))
	for p := range t.assets {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// sum is the value of a theme key.
func (t *Theme) sum(k trace.Key) uint64 {
	if s, ok := t.sums[k]; ok {
		return s
	}
	return trace.Absent
}

// tmplSet is one parsed copy of the templates. A worker holds one at a
// time; the functions the templates call reach the worker through bind.
type tmplSet struct {
	pages map[string]*template.Template
	base  *template.Template // the shared templates
	bind  *worker
	// scratch is the memory of the workers that use the set, kept for
	// the next.
	scratch scratch
}

// acquire returns a template set for w's use until release.
func (t *Theme) acquire(w *worker) (*tmplSet, error) {
	t.mu.Lock()
	var set *tmplSet
	if n := len(t.free); n > 0 {
		set, t.free = t.free[n-1], t.free[:n-1]
	}
	t.mu.Unlock()
	if set == nil {
		var err error
		if set, err = t.parse(); err != nil {
			return nil, err
		}
	}
	set.bind = w
	return set, nil
}

func (t *Theme) release(set *tmplSet) {
	set.bind = nil
	t.mu.Lock()
	t.free = append(t.free, set)
	t.mu.Unlock()
}

func (t *Theme) parse() (*tmplSet, error) { return parseSet(t.templates, t.own) }

// parseSet parses the templates texts holds, by name: the embedded
// theme's files first, then the site's own, so that a {{define}} of the
// site's replaces the theme's of the same name.
func parseSet(texts map[string][]byte, own map[string]bool) (*tmplSet, error) {
	set := &tmplSet{pages: map[string]*template.Template{}}
	// printedPartials is partials where an action prints it as it is,
	// {{partials "card" .Items}}: those calls are renamed to it once
	// parsed (markPrinted), so that the page's own lists can be marks.
	printed := template.FuncMap{printedPartials: func(name string, list any) (template.HTML, error) {
		return set.bind.partials(name, list, true)
	}}
	base := template.New("").Funcs(funcs(set)).Funcs(printed)
	names := make([]string, 0, len(texts))
	for name := range texts {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int {
		if own[a] != own[b] {
			return map[bool]int{true: 1, false: -1}[own[a]]
		}
		return strings.Compare(a, b)
	})
	for _, name := range names {
		if isPageTemplate(name) {
			continue
		}
		if _, err := base.New(name).Parse(string(texts[name])); err != nil {
			return nil, explain(err, names)
		}
	}
	for _, t := range base.Templates() {
		markPrinted(t)
	}
	set.base = base
	for _, name := range pageTemplates {
		data, ok := texts[name]
		if !ok {
			return nil, &TemplateError{File: "templates/" + name, Message: "the theme has no such template"}
		}
		pt, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := pt.New(name).Parse(string(data)); err != nil {
			return nil, explain(err, templateNames(pt))
		}
		for _, t := range pt.Templates() {
			markPrinted(t)
		}
		set.pages[name] = pt
	}
	return set, nil
}

func isPageTemplate(name string) bool { return slices.Contains(pageTemplates, name) }
