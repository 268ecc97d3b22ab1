package render

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/markdown"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/trace"
)

// View is what every page template receives as its dot.
type View struct {
	Kind        Kind    // what the page is: home, careers, career, skills, skill, salaries, categories, category, sources, page, 404 or alias
	Title       string  // the page's own title; the layout adds the site's
	Description string  // the page's meta description
	URL         string  // path below the base, "careers/x/"
	Canonical   string  // absolute URL, or "" without an absolute base URL
	Breadcrumbs []Crumb // the trail from the home page to this one
	LiveReload  bool    // the page is served by careerguide serve, which reloads it

	w        *worker
	career   *index.Career
	skill    *index.Skill
	page     *index.Page
	alias    *index.Alias
	category *index.Category
	items    []*index.Career // a list page's careers
	pager    *Pager
	body     *markdown.Result
	chart    *Chart
	charts   func() (*Chart, error)
	cv       *Career   // the view of career, made once
	sv       *Skill    // likewise of skill
	catv     *Category // likewise of category
}

// Crumb is one step of a breadcrumb trail.
type Crumb struct {
	Title string // the step's name
	URL   string // its path below the base, "" for the page itself
}

// Site is the whole site.
func (v *View) Site() *Site { return v.w.siteView() }

// Career is the career a career page shows, or nil.
func (v *View) Career() *Career {
	if v.career == nil {
		return nil
	}
	if v.cv == nil {
		v.cv = &Career{v.w, v.career}
	}
	return v.cv
}

// Skill is the skill a skill page shows, or nil.
func (v *View) Skill() *Skill {
	if v.skill == nil {
		return nil
	}
	if v.sv == nil {
		v.sv = &Skill{w: v.w, s: v.skill}
	}
	return v.sv
}

// Page is the plain page shown, or nil.
func (v *View) Page() *Page {
	if v.page == nil {
		return nil
	}
	return &Page{v.w, v.page}
}

// Category is the category a category page shows, or nil.
func (v *View) Category() *Category {
	if v.category == nil {
		return nil
	}
	if v.catv == nil {
		v.catv = &Category{w: v.w, c: v.category}
	}
	return v.catv
}

// Items are the careers a list page shows: its share of the careers A–Z,
// by salary or in a category.
func (v *View) Items() []*Career { return v.w.careers(v.items) }

// Pager is a list page's place among the list's pages, or nil.
func (v *View) Pager() *Pager { return v.pager }

// Alias is the old URL a redirect page stands for, or nil.
func (v *View) Alias() *Alias {
	if v.alias == nil {
		return nil
	}
	return &Alias{v.w, v.alias}
}

// Body is the page's Markdown as HTML: a career's, a plain page's or the
// page written about a skill.
func (v *View) Body() (template.HTML, error) {
	res, err := v.markdown()
	if err != nil || res == nil {
		return "", err
	}
	return template.HTML(res.HTML), nil
}

// TOC is the page's table of contents: its ## and ### headings.
func (v *View) TOC() ([]markdown.Heading, error) {
	res, err := v.markdown()
	if err != nil || res == nil {
		return nil, err
	}
	return res.TOC, nil
}

// Chart is the salary chart of the salaries page, of category pages and
// of skill pages (the default theme draws a skill's for three careers or
// more); nil elsewhere.
func (v *View) Chart() (*Chart, error) {
	if v.chart == nil && v.charts != nil {
		ch, err := v.charts()
		if err != nil {
			return nil, err
		}
		v.chart = ch
	}
	return v.chart, nil
}

// Card is the path of the page's social card (careers/x/card.png), or ""
// when it has none: only career pages do, when the site has social cards
// (see model.Config.SocialCards).
func (v *View) Card() string {
	if v.career == nil {
		return ""
	}
	v.w.read(kSiteConfig, "")
	if !v.w.r.site.Config.SocialCards {
		return ""
	}
	return CardPath(v.career.URL)
}

// markdown converts the page's body once. It is not a fragment kept in
// the cache: each body is shown on one page, and holding every page's
// HTML would cost more memory than converting again costs time. Its reads
// are the page's.
func (v *View) markdown() (*markdown.Result, error) {
	if v.body != nil {
		return v.body, nil
	}
	w := v.w
	var file, url string
	var line int
	var src []byte
	w.read(kSiteConfig, "") // unsafe_html
	switch {
	case v.career != nil:
		c := v.career
		file, url, line = c.Source, c.URL, c.BodyLine
		w.read(kCareerBody, c.Slug)
		var err error
		if src, err = w.r.careerBody(c.Career); err != nil {
			return nil, err
		}
	case v.page != nil:
		p := v.page
		file, url, line, src = p.Source, p.URL, p.BodyLine, p.Body
		w.read(kPageBody, p.URL)
	case v.skill != nil:
		w.read(kSkillDoc, v.skill.Slug)
		d := v.skill.Doc
		if d == nil {
			return nil, nil
		}
		file, url, line, src = d.Source, v.skill.URL, d.BodyLine, d.Body
	default:
		return nil, nil
	}
	res := w.r.md.Convert(file, url, src, line, &links{w.r.site, w.rec}, w.diags)
	// The body is written as goldmark renders it: minifying it saved
	// under 1% of its bytes, for a pass over every page, and the
	// minifier's work grows with the square of a body's entities.
	v.body = &res
	return v.body, nil
}

// links answers the Markdown converter's questions about where links
// lead, noting each answer as read.
type links struct {
	site *index.Site
	rec  *trace.Recorder
}

func (l *links) Content(file string) (string, bool) {
	l.rec.Read(key(kLinkFile, file))
	return l.site.Content(file)
}

func (l *links) Image(p string) (int, int, bool) {
	l.rec.Read(key(kResource, p))
	if r := l.site.ResourceAt(p); r != nil && r.Width > 0 {
		return r.Width, r.Height, true
	}
	return 0, 0, false
}

func (l *links) Exists(p string) bool {
	l.rec.Read(key(kLinkPath, p))
	return l.site.Exists(p)
}

// careerBody returns a career's Markdown: the bytes the parse stage kept,
// or the file read again and checked against what was parsed.
func (r *Renderer) careerBody(c *model.Career) ([]byte, error) {
	if c.Body != nil || r.opts.Body == nil {
		return c.Body, nil
	}
	data, err := r.opts.Body(c.Source)
	if err != nil {
		return nil, err
	}
	if model.Fingerprint(data) != c.Sum || c.BodyAt > len(data) {
		return nil, &ChangedError{File: c.Source}
	}
	return data[c.BodyAt:], nil
}

func (w *worker) newView(kind Kind, title, desc, url string) *View {
	r := w.r
	v := &View{w: w, Kind: kind, Title: title, Description: desc, URL: url, LiveReload: r.opts.LiveReload}
	v.setCanonical()
	if v.Description == "" && kind != KindCareers && kind != KindSalaries && kind != KindCategory {
		w.read(kSiteConfig, "")
		v.Description = r.site.Config.Description
	}
	return v
}

func (v *View) setCanonical() {
	if v.w.r.absBase != "" {
		v.Canonical = v.w.r.absBase + escapePath(v.URL)
	}
}

// pageTitle adds the page number to a list's later pages' titles.
func pageTitle(title string, p *Pager) string {
	if p.page > 1 {
		return fmt.Sprintf("%s, page %d of %d", title, p.page, p.Pages())
	}
	return title
}

// guideWords are the titles of a list page's first and last careers, as
// a dictionary's page shows its first and last words.
func guideWords(items []*Career) (string, string) {
	if len(items) == 0 {
		return "", ""
	}
	return items[0].Title(), items[len(items)-1].Title()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func (w *worker) view(j Job) (*View, string, error) {
	site := w.siteView()
	switch j.Kind {
	case KindHome:
		return w.newView(j.Kind, "", "", ""), "home.html", nil
	case KindCareers:
		v := w.newView(j.Kind, "Careers A–Z", "", "")
		if err := w.listView(v, j); err != nil {
			return nil, "", err
		}
		if v.pager.page == 1 {
			v.Description = fmt.Sprintf("All %d careers in %s, from A to Z.", v.pager.Total(), site.Config().Title)
		} else { // not the count, which every new career changes
			from, to := guideWords(v.Items())
			v.Description = fmt.Sprintf("Careers in %s from %s to %s.", site.Config().Title, from, to)
		}
		v.Title, v.URL = pageTitle("Careers A–Z", v.pager), index.PageURL("careers/", v.pager.page)
		v.setCanonical()
		v.Breadcrumbs = []Crumb{{"Home", ""}, {"Careers", ""}}
		return v, "careers.html", nil
	case KindCareer:
		c := w.r.site.CareerBySlug(j.Key)
		if c == nil {
			return nil, "", errNoItem("career", j.Key)
		}
		cv := &Career{w, c}
		v := w.newView(j.Kind, cv.Title(), cv.Summary(), cv.URL())
		v.career, v.cv = c, cv
		v.Breadcrumbs = []Crumb{{"Home", ""}, {"Careers", "careers/"}, {cv.Title(), ""}}
		return v, "career.html", nil
	case KindSkills:
		desc := fmt.Sprintf("The %d skills the careers in %s ask for, and how many careers need each.", len(site.Skills()), site.Config().Title)
		v := w.newView(j.Kind, "Skills", desc, "skills/")
		v.Breadcrumbs = []Crumb{{"Home", ""}, {"Skills", ""}}
		return v, "skills.html", nil
	case KindSkill:
		sk := w.r.site.SkillBySlug(j.Key)
		if sk == nil {
			return nil, "", errNoItem("skill", j.Key)
		}
		sv := &Skill{w: w, s: sk}
		careers := sv.Careers()
		desc := fmt.Sprintf("%d careers that need %s, with their salary ranges.", len(careers), sv.Name())
		if len(careers) == 1 {
			desc = fmt.Sprintf("The career that needs %s, with its salary range.", sv.Name())
		}
		if d := sv.Description(); d != "" {
			desc = d
		}
		v := w.newView(j.Kind, sv.Name(), desc, sv.URL())
		v.skill, v.sv = sk, sv
		v.charts = func() (*Chart, error) {
			return w.chart(careers, "skill "+sk.Slug, sv.Name()+" salary ranges", "Salary range of each career that needs "+sv.Name()+", on an axis that reaches the highest pay among them.")
		}
		v.Breadcrumbs = []Crumb{{"Home", ""}, {"Skills", "skills/"}, {sv.Name(), ""}}
		return v, "skill.html", nil
	case KindSalaries:
		v := w.newView(j.Kind, "Salaries", "", "")
		if err := w.listView(v, j); err != nil {
			return nil, "", err
		}
		if v.pager.page == 1 {
			v.Description = fmt.Sprintf("Salary ranges of all %d careers, highest first.", v.pager.Total())
		} else {
			from, to := guideWords(v.Items())
			v.Description = fmt.Sprintf("Salary ranges of careers from %s to %s, highest first.", from, to)
		}
		v.Title, v.URL = pageTitle("Salaries", v.pager), index.PageURL("salaries/", v.pager.page)
		v.setCanonical()
		v.charts = func() (*Chart, error) {
			return w.chart(v.Items(), "salaries", "Salary ranges by career", "One bar per career from the bottom to the top of its salary range, highest typical pay first, on an axis that reaches the highest pay of all careers.")
		}
		v.Breadcrumbs = []Crumb{{"Home", ""}, {"Salaries", ""}}
		return v, "salaries.html", nil
	case KindCategories:
		desc := fmt.Sprintf("The %d categories of careers in %s.", len(site.Categories()), site.Config().Title)
		v := w.newView(j.Kind, "Categories", desc, "categories/")
		v.Breadcrumbs = []Crumb{{"Home", ""}, {"Categories", ""}}
		return v, "categories.html", nil
	case KindCategory:
		name, _ := splitPage(j.Key)
		c := w.r.site.CategoryBySlug(strings.TrimPrefix(name, "category "))
		if c == nil {
			return nil, "", errNoItem("category", j.Key)
		}
		cv := &Category{w: w, c: c}
		v := w.newView(j.Kind, cv.Name(), "", "")
		v.category, v.catv = c, cv
		if err := w.listView(v, j); err != nil {
			return nil, "", err
		}
		if v.pager.page == 1 {
			total := v.pager.Total()
			v.Description = fmt.Sprintf("%d %s in %s, with their salary ranges, demand and AI impact.", total, plural(total, "career", "careers"), cv.Name())
		} else {
			from, to := guideWords(v.Items())
			v.Description = fmt.Sprintf("Careers in %s from %s to %s, with their salary ranges, demand and AI impact.", cv.Name(), from, to)
		}
		v.Title, v.URL = pageTitle(cv.Name(), v.pager), index.PageURL(c.URL, v.pager.page)
		v.setCanonical()
		v.charts = func() (*Chart, error) {
			title, desc := cv.Name()+" salary ranges", "Salary range of each career in "+cv.Name()+", highest midpoint first, on an axis that reaches the highest pay in "+cv.Name()+"."
			if v.pager.Pages() > 1 {
				desc = "Salary range of each career in " + cv.Name() + " on this page, highest midpoint first, on an axis that reaches the highest pay in " + cv.Name() + ", the same on every page."
			}
			return w.chart(byPay(v.Items()), name, title, desc)
		}
		v.Breadcrumbs = []Crumb{{"Home", ""}, {"Categories", "categories/"}, {cv.Name(), ""}}
		return v, "category.html", nil
	case KindSources:
		desc := fmt.Sprintf("Where the figures in %s come from: each source, the careers that cite it and the date of their figures.", site.Config().Title)
		v := w.newView(j.Kind, "Sources", desc, "sources/")
		v.Breadcrumbs = []Crumb{{"Home", ""}, {"Sources", ""}}
		return v, "sources.html", nil
	case KindCompare:
		v := w.newView(j.Kind, "Compare careers", fmt.Sprintf("Compare two to four careers of %s side by side: pay, demand, AI impact and skills.", site.Config().Title), "compare/")
		v.Breadcrumbs = []Crumb{{"Home", ""}, {"Compare", ""}}
		return v, "compare.html", nil
	case KindPage:
		p := w.r.values.pages[j.Key]
		if p == nil {
			return nil, "", errNoItem("page", j.Key)
		}
		pv := &Page{w, p}
		v := w.newView(j.Kind, pv.Title(), pv.Description(), pv.URL())
		v.page = p
		v.Breadcrumbs = []Crumb{{"Home", ""}, {pv.Title(), ""}}
		return v, "page.html", nil
	case Kind404:
		v := w.newView(j.Kind, "Page not found", "", "404.html")
		v.Canonical = ""
		return v, "404.html", nil
	case KindAlias:
		a := w.r.values.aliases[j.Key]
		if a == nil {
			return nil, "", errNoItem("alias", j.Key)
		}
		av := &Alias{w, a}
		v := w.newView(j.Kind, "Moved", "", av.To())
		v.alias = a
		return v, "alias.html", nil
	}
	return nil, "", fmt.Errorf("unknown job kind %q", j.Kind)
}
