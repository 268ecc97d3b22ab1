package render

import (
	"reflect"
	"sort"
	"time"

	"github.com/careerguide/careerguide/internal/markdown"
	"github.com/careerguide/careerguide/internal/model"
)

// ViewType is a type whose values templates receive: its Go type and how
// messages and docs/templates.md name its values.
type ViewType struct {
	Type reflect.Type
	Noun string // "a career": what a value of it is, in a message
	Pkg  string // the Go package that declares it, for the docs
}

// ViewTypes lists every type templates receive, from the page's dot
// through everything its fields and methods return.
var ViewTypes = []ViewType{
	{reflect.TypeFor[*View](), "the page", "render"},
	{reflect.TypeFor[*Site](), "the site", "render"},
	{reflect.TypeFor[*Career](), "a career", "render"},
	{reflect.TypeFor[*Related](), "a related career", "render"},
	{reflect.TypeFor[*Skill](), "a skill", "render"},
	{reflect.TypeFor[*Category](), "a category", "render"},
	{reflect.TypeFor[*Page](), "a plain page", "render"},
	{reflect.TypeFor[*Alias](), "a redirect", "render"},
	{reflect.TypeFor[*Pager](), "a list's pager", "render"},
	{reflect.TypeFor[PageLink](), "a pager's link", "render"},
	{reflect.TypeFor[Crumb](), "a breadcrumb", "render"},
	{reflect.TypeFor[*Chart](), "a chart", "render"},
	{reflect.TypeFor[Bar](), "a chart's bar", "render"},
	{reflect.TypeFor[Placed](), "a chart's bar placed on its axis", "render"},
	{reflect.TypeFor[Tick](), "a chart's tick", "render"},
	{reflect.TypeFor[*Cited](), "a source", "render"},
	{reflect.TypeFor[Use](), "a source's use", "render"},
	{reflect.TypeFor[model.Config](), "the site's settings", "model"},
	{reflect.TypeFor[model.Salary](), "a salary", "model"},
	{reflect.TypeFor[model.Percentile](), "a percentile", "model"},
	{reflect.TypeFor[model.Source](), "a source", "model"},
	{reflect.TypeFor[model.Month](), "a date", "model"},
	{reflect.TypeFor[*model.Outlook](), "an outlook", "model"},
	{reflect.TypeFor[model.Level](), "a level", "model"},
	{reflect.TypeFor[markdown.Heading](), "a heading", "markdown"},
	{reflect.TypeFor[time.Time](), "a date", "time"},
}

// viewType returns the view type whose Go name (as fmt's %T writes it,
// "*render.Career") is name.
func viewType(name string) (ViewType, bool) {
	for _, vt := range ViewTypes {
		if vt.Type.String() == name {
			return vt, true
		}
	}
	return ViewType{}, false
}

// Members returns the names templates can use on a value of t: its
// exported methods and, for a struct, its exported fields, sorted.
func Members(t reflect.Type) []string {
	seen := map[string]bool{}
	var out []string
	add := func(name string) {
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	for i := 0; i < t.NumMethod(); i++ {
		if m := t.Method(i); m.IsExported() {
			add(m.Name)
		}
	}
	s := t
	if s.Kind() == reflect.Pointer {
		s = s.Elem()
		for i := 0; i < s.NumMethod(); i++ {
			if m := s.Method(i); m.IsExported() {
				add(m.Name)
			}
		}
	}
	if s.Kind() == reflect.Struct {
		for _, f := range reflect.VisibleFields(s) {
			if f.IsExported() {
				add(f.Name)
			}
		}
	}
	sort.Strings(out)
	return out
}
