package render

import (
	"errors"
	"fmt"
	"html/template"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/slug"
	"github.com/careerguide/careerguide/internal/trace"
)

// funcs are the functions the theme's templates may call. Those that
// depend on the site or the build reach the worker executing the set.
func funcs(set *tmplSet) template.FuncMap {
	return template.FuncMap{
		// url turns a site path ("careers/x/") into a link under the base path.
		"url": func(p string) string { return set.bind.url(p) },
		// abs turns a site path into an absolute URL where the base URL is
		// absolute, and into a rooted path otherwise.
		"abs": func(p string) string { return set.bind.abs(p) },
		// asset returns the link to a theme file by its path in static/,
		// hashed when it is CSS or JS; a file that the site and the theme
		// do not have is an error, found when the theme is read wherever
		// the call is, unless it is inside {{if hasAsset "that file"}}.
		"asset": func(p string) (string, error) { return set.bind.asset(p) },
		// hasAsset reports whether the site or theme has the static file
		// p: {{if hasAsset "assets/custom.css"}}.
		"hasAsset": func(p string) bool { return set.bind.hasAsset(p) },
		// include renders the shared template name, a file of templates/
		// such as "head.html", when the site or theme has it, and nothing
		// otherwise.
		"include": func(name string, data any) (template.HTML, error) { return set.bind.include(name, data) },
		// partial renders a shared template; for a career, skill or other
		// item of the site the rendering is kept and reused.
		"partial": func(name string, data any) (template.HTML, error) { return set.bind.partial(name, data) },
		// partials renders a shared template for each item of a list, as
		// partial does, one after another: {{partials "card" .Items}}.
		"partials": func(name string, list any) (template.HTML, error) { return set.bind.partials(name, list, false) },
		// money writes an amount compactly in a currency: money 95000
		// "USD" is "$95K".
		"money": model.Money,
		// annual converts a figure of a salary's period to a year's:
		// annual .Salary .Salary.Min.
		"annual": func(s model.Salary, v float64) float64 { return s.Annual(v) },
		// levels lists the level names, lowest first: Low, Moderate, High,
		// Very High.
		"levels": func() []string { return slices.Clone(model.LevelNames) },
		// slugify makes a slug of a text, as file names and skills get.
		"slugify": slug.Make,
		// int is a level's number, 1 (Low) to 4 (Very High).
		"int": func(l model.Level) int { return int(l) },
		// level shows a level as its name after four dots, the filled ones
		// counting up to it; the name carries the meaning, the dots repeat it.
		"level": levelHTML,
		// first returns the first n items of a list.
		"first": first,
		// lower writes a text in lower case.
		"lower": strings.ToLower,
		// join joins a list of texts with a separator: join .Names ", ".
		"join": strings.Join,
		// add adds two whole numbers.
		"add": func(a, b int) int { return a + b },
		// plural picks the singular or the plural for a count: plural 1
		// "career" "careers" is "career".
		"plural": plural,
		// date writes a date for readers: "26 November 2026".
		"date": func(t interface{ Format(string) string }) string { return t.Format("2 January 2006") },
		// iso writes a date as YYYY-MM-DD, for datetime attributes.
		"iso": func(t interface{ Format(string) string }) string { return t.Format("2006-01-02") },
	}
}

// builtins are the functions text/template defines.
var builtins = []string{"and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println", "urlquery",
	"eq", "ge", "gt", "le", "lt", "ne"}

// FuncNames lists every function templates may call, sorted.
func FuncNames() []string {
	names := slices.Clone(builtins)
	for name := range funcs(nil) {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

func (w *worker) url(p string) string {
	w.read(kOptions, "")
	p = strings.TrimPrefix(p, "/")
	if plainPath(p) {
		return w.r.basePath + p
	}
	return w.r.basePath + escapePath(p)
}

func (w *worker) abs(p string) string {
	w.read(kOptions, "")
	return w.r.abs(p)
}

func (w *worker) asset(p string) (string, error) {
	w.read(kAsset, p)
	w.read(kOptions, "")
	h, ok := w.r.theme.assets[p]
	if !ok {
		return "", errors.New(missingAsset(p, w.r.theme.StaticPaths()))
	}
	if plainPath(h) {
		return w.r.basePath + h, nil
	}
	return w.r.basePath + escapePath(h), nil
}

// missingAsset says that the asset p is missing, given the static files.
func missingAsset(p string, static []string) string {
	msg := "static/" + p + " is in neither the site nor the theme"
	if near, close := diag.Nearest(p, static); close {
		return msg + "; did you mean " + near + "?"
	}
	return msg + "; add the file, or use hasAsset to link it only when it is there"
}

func (w *worker) hasAsset(p string) bool {
	w.read(kAsset, p)
	_, ok := w.r.theme.assets[p]
	return ok
}

func (w *worker) include(name string, data any) (template.HTML, error) {
	w.read(kTemplates, "")
	if w.set.base.Lookup(name) == nil {
		return "", nil
	}
	return w.execute(name, data)
}

// plainPath reports whether p needs no escaping in a URL path.
func plainPath(p string) bool {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '/' || c == '.' || c == '_' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

var levelHTMLs = func() [5]template.HTML {
	var out [5]template.HTML
	for l := model.Low; l <= model.VeryHigh; l++ {
		var b strings.Builder
		b.WriteString(`<span class="level level-` + l.Key() + `"><span class="dots" aria-hidden="true">`)
		for i := model.Low; i <= model.VeryHigh; i++ {
			if i <= l {
				b.WriteString(`<i class="on"></i>`)
			} else {
				b.WriteString(`<i></i>`)
			}
		}
		b.WriteString(`</span>` + l.String() + `</span>`)
		out[l] = template.HTML(b.String())
	}
	return out
}()

func levelHTML(l model.Level) template.HTML {
	if l < model.Low || l > model.VeryHigh {
		return ""
	}
	return levelHTMLs[l]
}

// hashAny adds a value decoded from site.yaml's params: maps by sorted
// key, lists in order, anything else by its printed form. Nesting deeper
// than the YAML decoder allows is summed by its printed form.
func hashAny(h *trace.Hash, v any) {
	hashAnyDepth(h, v, 0)
}

func hashAnyDepth(h *trace.Hash, v any, depth int) {
	if depth > 64 {
		h.Str(fmt.Sprint(v))
		return
	}
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		h.Str("map").Int(int64(len(keys)))
		for _, k := range keys {
			h.Str(k)
			hashAnyDepth(h, x[k], depth+1)
		}
	case []any:
		h.Str("list").Int(int64(len(x)))
		for _, e := range x {
			hashAnyDepth(h, e, depth+1)
		}
	case float64:
		if math.IsNaN(x) {
			h.Str("NaN")
			return
		}
		h.Str("float").Float(x)
	default:
		h.Str(fmt.Sprintf("%T:%v", v, v))
	}
}
