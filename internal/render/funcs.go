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
		"url": func(p string) string { return r.basePath + escapePath(strings.TrimPrefix(p, "/")) },
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
		"compact": model.Compact,
		"annual":  func(s model.Salary, v float64) float64 { return s.Annual(v) },
		"levels":  func() []string { return model.LevelNames },
		"levelIndex": func(name string) int {
			l, _ := model.ParseLevel(name)
			return int(l)
		},
		"slugify": slug.Make,
		"lower":   strings.ToLower,
		"join":    strings.Join,
		"add":     func(a, b int) int { return a + b },
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
