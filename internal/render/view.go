package render

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/markdown"
)

// View is what every page template receives.
type View struct {
	Site        *index.Site
	Kind        Kind
	Title       string // the page's own title; the layout adds the site's
	Description string
	URL         string // path below the base, "careers/x/"
	Canonical   string // absolute URL, or "" without an absolute base URL
	Breadcrumbs []Crumb
	LiveReload  bool

	Career *index.Career
	Skill  *index.Skill
	Page   *index.Page
	Alias  *index.Alias
	Body   template.HTML
	TOC    []markdown.Heading
	Chart  *Chart
	JSONLD template.JS
}

// Crumb is one step of a breadcrumb trail.
type Crumb struct{ Title, URL string }

func (r *Renderer) newView(kind Kind, title, desc, url string) *View {
	v := &View{Site: r.site, Kind: kind, Title: title, Description: desc, URL: url, LiveReload: r.opts.LiveReload}
	if r.absBase != "" {
		v.Canonical = r.absBase + escapePath(url)
	}
	if v.Description == "" {
		v.Description = r.site.Config.Description
	}
	return v
}

func (r *Renderer) view(j Job, ds *diag.List) (*View, string, error) {
	s := r.site
	switch j.Kind {
	case KindHome:
		v := r.newView(j.Kind, "", s.Config.Description, "")
		return v, "home.html", nil
	case KindCareers:
		v := r.newView(j.Kind, "Careers A–Z", fmt.Sprintf("All %d careers in %s, from A to Z.", len(s.Careers), s.Config.Title), "careers/")
		v.Breadcrumbs = []Crumb{{"Home", ""}, {"Careers", ""}}
		return v, "careers.html", nil
	case KindCareer:
		c := s.CareerBySlug(j.Key)
		if c == nil {
			return nil, "", fmt.Errorf("no career %q", j.Key)
		}
		v := r.newView(j.Kind, c.Title, c.Summary, c.URL)
		v.Career = c
		body := c.Body
		if body == nil && r.opts.Body != nil {
			var err error
			if body, err = r.opts.Body(c.Source, c.BodyAt); err != nil {
				return nil, "", err
			}
		}
		res := r.md.Convert(c.Source, c.URL, body, c.BodyLine, s, ds)
		v.Body, v.TOC = template.HTML(res.HTML), res.TOC
		v.Breadcrumbs = []Crumb{{"Home", ""}, {"Careers", "careers/"}, {c.Title, ""}}
		v.JSONLD = r.careerJSONLD(c, v.Breadcrumbs)
		return v, "career.html", nil
	case KindSkills:
		v := r.newView(j.Kind, "Skills", fmt.Sprintf("The %d skills the careers in %s ask for, and how many careers need each.", len(s.Skills), s.Config.Title), "skills/")
		v.Breadcrumbs = []Crumb{{"Home", ""}, {"Skills", ""}}
		return v, "skills.html", nil
	case KindSkill:
		sk := s.SkillBySlug(j.Key)
		if sk == nil {
			return nil, "", fmt.Errorf("no skill %q", j.Key)
		}
		desc := fmt.Sprintf("%d careers that need %s, with their salary ranges.", len(sk.Careers), sk.Name)
		if len(sk.Careers) == 1 {
			desc = fmt.Sprintf("The career that needs %s, with its salary range.", sk.Name)
		}
		v := r.newView(j.Kind, sk.Name, desc, sk.URL)
		v.Skill = sk
		v.Chart = r.chart(sk.Careers, sk.Name+" salary ranges", "Salary range of each career that needs "+sk.Name+".")
		v.Breadcrumbs = []Crumb{{"Home", ""}, {"Skills", "skills/"}, {sk.Name, ""}}
		return v, "skill.html", nil
	case KindSalaries:
		v := r.newView(j.Kind, "Salaries", fmt.Sprintf("Salary ranges of all %d careers, highest first.", len(s.Careers)), "salaries/")
		v.Chart = r.chart(s.BySalary, "Salary ranges by career", "One bar per career from the bottom to the top of its salary range, highest midpoint first.")
		v.Breadcrumbs = []Crumb{{"Home", ""}, {"Salaries", ""}}
		return v, "salaries.html", nil
	case KindPage:
		for _, p := range s.Pages {
			if p.URL == j.Key {
				v := r.newView(j.Kind, p.Title, p.Description, p.URL)
				v.Page = p
				res := r.md.Convert(p.Source, p.URL, p.Body, p.BodyLine, s, ds)
				v.Body, v.TOC = template.HTML(res.HTML), res.TOC
				v.Breadcrumbs = []Crumb{{"Home", ""}, {p.Title, ""}}
				return v, "page.html", nil
			}
		}
		return nil, "", fmt.Errorf("no page %q", j.Key)
	case Kind404:
		v := r.newView(j.Kind, "Page not found", "", "404.html")
		v.Canonical = ""
		return v, "404.html", nil
	case KindAlias:
		for i := range s.Aliases {
			if a := &s.Aliases[i]; a.Path == j.Key {
				v := r.newView(j.Kind, "Moved", "", a.To)
				v.Alias = a
				return v, "alias.html", nil
			}
		}
		return nil, "", fmt.Errorf("no alias %q", j.Key)
	}
	return nil, "", fmt.Errorf("unknown job kind %q", j.Kind)
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
