package render

import (
	"html/template"
	"strings"

	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/slug"
)

// funcs are the functions the theme's templates may call.
func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		// url turns a site path ("careers/x/") into a link under the base path.
		"url": r.url,
		// partial renders a shared template for a career, a skill or
		// another pointer, caching the result for the rest of the build.
		"partial": r.partial,
		// abs turns a site path into an absolute URL where the base URL is
		// absolute, and into a rooted path otherwise.
		"abs": r.abs,
		// asset returns the link to a theme file by its path in static/,
		// hashed when it is CSS or JS.
		"asset": func(p string) string {
			if h, ok := r.assets[p]; ok {
				p = h
			}
			return r.basePath + escapePath(p)
		},
		"money":   model.Money,
		"annual":  func(s model.Salary, v float64) float64 { return s.Annual(v) },
		"levels":  func() []string { return model.LevelNames },
		"slugify": slug.Make,
		"int":     func(l model.Level) int { return int(l) },
		// level shows a level as its name after four dots, the filled ones
		// counting up to it; the name carries the meaning, the dots repeat it.
		"level": levelHTML,
		"lower": strings.ToLower,
		"join":  strings.Join,
		"add":   func(a, b int) int { return a + b },
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return one
			}
			return many
		},
		"date": func(t interface{ Format(string) string }) string { return t.Format("2 January 2006") },
		"iso":  func(t interface{ Format(string) string }) string { return t.Format("2006-01-02") },
	}
}

func (r *Renderer) abs(p string) string {
	p = escapePath(strings.TrimPrefix(p, "/"))
	if r.absBase != "" {
		return r.absBase + p
	}
	return r.basePath + p
}

// url turns a site path ("careers/x/") into a link under the base path.
func (r *Renderer) url(p string) string {
	p = strings.TrimPrefix(p, "/")
	if plainPath(p) {
		return r.basePath + p
	}
	return r.basePath + escapePath(p)
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
