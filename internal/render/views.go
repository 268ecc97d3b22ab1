package render

import (
	"time"

	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/slug"
	"github.com/careerguide/careerguide/internal/trace"
)

// The views are what templates see of the site. Each accessor notes the
// value it reads in the rendering's record before returning it, so that a
// page is rendered again exactly when something it showed changed,
// however the template reached it: through `with`, a variable, a
// `template` call, `index`, `range` or a function. The fields they hand
// out are the ones values.Sum hashes for the same key.

// Site is the whole site (.Site).
type Site struct{ w *worker }

// Config is site.yaml, with --base-url applied.
func (s *Site) Config() model.Config {
	s.w.read(kSiteConfig, "")
	return s.w.r.site.Config
}

// Title is site.yaml's title: the same as .Config.Title, for what shows
// the title alone.
func (s *Site) Title() string {
	s.w.read(kSiteTitle, "")
	return s.w.r.site.Config.Title
}

// Careers lists every career, A–Z by title.
func (s *Site) Careers() []*Career {
	s.w.read(kSiteCareers, "")
	return s.w.careers(s.w.r.site.Careers)
}

// BySalary lists every career, highest yearly midpoint first.
func (s *Site) BySalary() []*Career {
	s.w.read(kSiteBySalary, "")
	return s.w.careers(s.w.r.site.BySalary)
}

// TopPaying lists the best-paid careers, for the home page.
func (s *Site) TopPaying() []*Career {
	s.w.read(kSiteTopPaying, "")
	return s.w.careers(s.w.r.site.TopPaying)
}

// TopDemand lists the careers in highest demand.
func (s *Site) TopDemand() []*Career {
	s.w.read(kSiteTopDemand, "")
	return s.w.careers(s.w.r.site.TopDemand)
}

// LowestAI lists the careers least changed by AI.
func (s *Site) LowestAI() []*Career {
	s.w.read(kSiteLowestAI, "")
	return s.w.careers(s.w.r.site.LowestAI)
}

// TopPayingTies, TopDemandTies and LowestAITies count the careers left
// out of a top list that tie with its last: the same midpoint pay,
// demand or AI impact.
func (s *Site) TopPayingTies() int {
	s.w.read(kSiteTopPaying, "")
	return s.w.r.site.TopPayingTies
}

// TopDemandTies: see TopPayingTies.
func (s *Site) TopDemandTies() int {
	s.w.read(kSiteTopDemand, "")
	return s.w.r.site.TopDemandTies
}

// LowestAITies: see TopPayingTies.
func (s *Site) LowestAITies() int {
	s.w.read(kSiteLowestAI, "")
	return s.w.r.site.LowestAITies
}

// Skills lists every skill, A–Z by name.
func (s *Site) Skills() []*Skill {
	s.w.read(kSiteSkills, "")
	return s.w.skills(s.w.r.site.Skills)
}

// Pages lists the plain pages, by URL.
func (s *Site) Pages() []*Page {
	s.w.read(kSitePages, "")
	out := make([]*Page, len(s.w.r.site.Pages))
	for i, p := range s.w.r.site.Pages {
		out[i] = &Page{s.w, p}
	}
	return out
}

// Categories lists the categories by name.
func (s *Site) Categories() []*Category {
	s.w.read(kSiteCategories, "")
	out := make([]*Category, len(s.w.r.site.Categories))
	for i, c := range s.w.r.site.Categories {
		out[i] = &Category{w: s.w, c: c}
	}
	return out
}

// Aliases lists the old URLs that redirect, by path.
func (s *Site) Aliases() []*Alias {
	s.w.read(kSiteAliases, "")
	out := make([]*Alias, len(s.w.r.site.Aliases))
	for i := range s.w.r.site.Aliases {
		out[i] = &Alias{s.w, &s.w.r.site.Aliases[i]}
	}
	return out
}

// CareerBySlug returns the career with the slug, or nil.
func (s *Site) CareerBySlug(slug string) *Career {
	s.w.read(kCareer, slug)
	if c := s.w.r.site.CareerBySlug(slug); c != nil {
		return &Career{s.w, c}
	}
	return nil
}

// SkillBySlug returns the skill with the slug, or nil.
func (s *Site) SkillBySlug(slug string) *Skill {
	s.w.read(kSkill, slug)
	if sk := s.w.r.site.SkillBySlug(slug); sk != nil {
		return &Skill{w: s.w, s: sk}
	}
	return nil
}

// Career is one career.
type Career struct {
	w *worker
	c *index.Career
}

func (c *Career) card() *index.Career {
	c.w.read(kCareer, c.c.Slug)
	return c.c
}

func (c *Career) pay() *index.Career {
	c.w.read(kCareerPay, c.c.Slug)
	return c.c
}

func (c *Career) facts() *index.Career {
	c.w.read(kCareerFacts, c.c.Slug)
	return c.c
}

// cited is what the sources page reads of the career: who its figures
// come from (kCareerCited), not the figures.
func (c *Career) cited() *index.Career {
	c.w.read(kCareerCited, c.c.Slug)
	return c.c
}

func (c *Career) levels() *index.Career {
	c.w.read(kCareerLevels, c.c.Slug)
	return c.c
}

func (c *Career) about() *index.Career {
	c.w.read(kCareerAbout, c.c.Slug)
	return c.c
}

// Slug is the career's slug. It names the career, so reading it reads
// nothing that can change: the list the career came from was read.
func (c *Career) Slug() string { return c.c.Slug }

// URL is the career's path below the base, "careers/<slug>/", which
// follows from its slug.
func (c *Career) URL() string { return c.c.URL }

// Title is the career's name.
func (c *Career) Title() string { return c.card().Title }

// Category is the career's category, as its author wrote it.
func (c *Career) Category() string { return c.category() }

// CategoryURL is the page of the career's category below the base,
// "categories/<slug>/".
func (c *Career) CategoryURL() string {
	name := c.category()
	u, ok := c.w.categoryURLs[name]
	if !ok {
		u = "categories/" + slug.Make(name) + "/"
		if c.w.categoryURLs == nil {
			c.w.categoryURLs = map[string]string{}
		}
		c.w.categoryURLs[name] = u
	}
	return u
}

func (c *Career) category() string {
	c.w.read(kCareerCategory, c.c.Slug)
	return c.c.Category
}

// Salary is the career's pay: its range, and the median, percentiles,
// source, date and note given with it.
func (c *Career) Salary() model.Salary { return c.pay().Salary }

// Outlook is the career's projected outlook, or nil.
func (c *Career) Outlook() *model.Outlook {
	if o := c.facts().Outlook; o != nil {
		cp := *o
		return &cp
	}
	return nil
}

// SOC is the O*NET-SOC code of the occupation the career's figures are
// for, or "".
func (c *Career) SOC() string { return c.facts().SOC }

// Education is the typical entry-level education, one of
// model.Educations, or "".
func (c *Career) Education() string { return c.facts().Education }

// DemandSource is where the demand judgment comes from; zero when the
// career names none.
func (c *Career) DemandSource() model.Source { return c.facts().DemandSource }

// AIImpactSource is where the AI impact judgment comes from.
func (c *Career) AIImpactSource() model.Source { return c.facts().AIImpactSource }

// Demand is how much employers look for the career.
func (c *Career) Demand() model.Level { return c.levels().Demand }

// AIImpact is how much AI changes the career's work.
func (c *Career) AIImpact() model.Level { return c.levels().AIImpact }

// Summary is the career's one- or two-sentence summary.
func (c *Career) Summary() string { return c.about().Summary }

// Updated is when the page was last reviewed; zero when not dated.
func (c *Career) Updated() time.Time {
	c.w.read(kCareerUpdated, c.c.Slug)
	return c.c.Updated
}

// Draft reports whether the career is marked draft.
func (c *Career) Draft() bool { return c.about().Draft }

// Aliases are the career's old URLs.
func (c *Career) Aliases() []string { return c.about().Aliases }

// Source is the career's file, relative to the site folder.
func (c *Career) Source() string { return c.about().Source }

// Skills are the career's skills, in the author's order.
func (c *Career) Skills() []*Skill {
	c.w.read(kCareerSkills, c.c.Slug)
	return c.w.skills(c.c.Skills)
}

// Related are the careers shown as related: pinned ones first, then those
// sharing the most skills.
func (c *Career) Related() []*Related {
	c.w.read(kCareerRelated, c.c.Slug)
	out := make([]*Related, len(c.c.Related))
	views := make([]Related, len(c.c.Related))
	careers := make([]Career, len(c.c.Related))
	for i, r := range c.c.Related {
		careers[i] = Career{c.w, r.Career}
		views[i] = Related{Career: &careers[i], owner: c.c, r: r}
		out[i] = &views[i]
	}
	return out
}

// Related is a career shown as related to another.
type Related struct {
	*Career // the related career; its fields and methods are the Related's
	owner   *index.Career
	r       index.Related
}

// Shared are the skills the two careers share, in the other career's order.
func (r *Related) Shared() []*Skill {
	r.w.read(kCareerRelated, r.owner.Slug)
	return r.w.skills(r.r.Shared)
}

// Pinned reports whether the author chose this related career.
func (r *Related) Pinned() bool {
	r.w.read(kCareerRelated, r.owner.Slug)
	return r.r.Pinned
}

// Skill is one skill and the careers that list it.
type Skill struct {
	w       *worker
	s       *index.Skill
	careers []*Career // the views of s.Careers, made on the first call of Careers
}

func (s *Skill) name() *index.Skill {
	s.w.read(kSkill, s.s.Slug)
	return s.s
}

func (s *Skill) span() *index.Skill {
	s.w.read(kSkillSpan, s.s.Slug)
	return s.s
}

// Name is the skill's most common spelling.
func (s *Skill) Name() string { return s.name().Name }

// Slug is the skill's slug, which names it.
func (s *Skill) Slug() string { return s.s.Slug }

// URL is the skill's page below the base, "skills/<slug>/".
func (s *Skill) URL() string { return s.s.URL }

// Careers lists the careers with the skill, highest yearly midpoint first.
func (s *Skill) Careers() []*Career {
	s.w.read(kSkillCareers, s.s.Slug)
	if s.careers == nil {
		s.careers = s.w.careers(s.s.Careers)
	}
	return s.careers
}

// Count is how many careers list the skill, the length of Careers: a page
// that shows the number alone is not drawn again when the careers change
// but their number does not.
func (s *Skill) Count() int {
	s.w.read(kSkillSize, s.s.Slug)
	return len(s.s.Careers)
}

// Min is the lowest yearly pay of the skill's careers, in Currency.
func (s *Skill) Min() float64 { return s.span().Min }

// Median is the median of the careers' yearly midpoints.
func (s *Skill) Median() float64 { return s.span().Median }

// Max is the highest yearly pay.
func (s *Skill) Max() float64 { return s.span().Max }

// Currency is the currency most of the skill's careers are paid in.
func (s *Skill) Currency() string { return s.span().Currency }

// OpenEnded reports whether the highest pay is open-ended.
func (s *Skill) OpenEnded() bool { return s.span().OpenEnded }

func (s *Skill) doc() *index.Page {
	s.w.read(kSkillDoc, s.s.Slug)
	return s.s.Doc
}

// HasPage reports whether a page was written about the skill
// (content/skills/<slug>.md); its body is the skill page's .Body.
func (s *Skill) HasPage() bool { return s.doc() != nil }

// Description is the one-line description of the skill its page gives,
// or "".
func (s *Skill) Description() string {
	if d := s.doc(); d != nil {
		return d.Description
	}
	return ""
}

// Updated is when the skill's page was last reviewed; zero when not
// dated or when there is no page.
func (s *Skill) Updated() time.Time {
	if d := s.doc(); d != nil {
		return d.Updated
	}
	return time.Time{}
}

// Page is a plain page such as content/about.md.
type Page struct {
	w *worker
	p *index.Page
}

func (p *Page) get() *index.Page {
	p.w.read(kPage, p.p.URL)
	return p.p
}

// Title is the page's title.
func (p *Page) Title() string { return p.get().Title }

// Description is the page's description.
func (p *Page) Description() string { return p.get().Description }

// URL is the page's path below the base, which names it.
func (p *Page) URL() string { return p.p.URL }

// Updated is when the page was last reviewed.
func (p *Page) Updated() time.Time { return p.get().Updated }

// Draft reports whether the page is marked draft.
func (p *Page) Draft() bool { return p.get().Draft }

// Aliases are the page's old URLs.
func (p *Page) Aliases() []string { return p.get().Aliases }

// Source is the page's file.
func (p *Page) Source() string { return p.get().Source }

// Category is a category of careers.
type Category struct {
	w       *worker
	c       *index.Category
	careers []*Career // the views of c.Careers, made on the first call of Careers
}

func (c *Category) get() *index.Category {
	c.w.read(kCategory, c.c.Slug)
	return c.c
}

// Name is the category's name: the spelling most of its careers use.
func (c *Category) Name() string {
	c.w.read(kCategoryName, c.c.Slug)
	return c.c.Name
}

// Slug is the category's slug, which names it.
func (c *Category) Slug() string { return c.c.Slug }

// URL is the category's page below the base, "categories/<slug>/".
func (c *Category) URL() string { return c.c.URL }

// Careers lists the category's careers, A–Z.
func (c *Category) Careers() []*Career {
	cs := c.get().Careers
	if c.careers == nil {
		c.careers = c.w.careers(cs)
	}
	return c.careers
}

// Count is how many careers the category has, the length of Careers,
// read as that number alone (as Skill.Count).
func (c *Category) Count() int {
	c.w.read(kCategorySize, c.c.Slug)
	return len(c.c.Careers)
}

// Skills are the skills most common among the category's careers, the
// most common first.
func (c *Category) Skills() []*SkillCount {
	c.w.read(kCategorySkills, c.c.Slug)
	out := make([]*SkillCount, len(c.c.Skills))
	for i, sc := range c.c.Skills {
		out[i] = &SkillCount{Skill: &Skill{w: c.w, s: sc.Skill}, Careers: sc.Careers}
	}
	return out
}

// SkillCount is a skill and how many careers of a category list it.
type SkillCount struct {
	*Skill
	Careers int
}

// Alias is an old URL that redirects to a page.
type Alias struct {
	w *worker
	a *index.Alias
}

// Path is the old URL's path below the base.
func (a *Alias) Path() string {
	a.w.read(kAlias, a.a.Path)
	return a.a.Path
}

// To is the path of the page it leads to.
func (a *Alias) To() string {
	a.w.read(kAlias, a.a.Path)
	return a.a.To
}

// careers makes the views of a list of careers, in one allocation.
func (w *worker) careers(cs []*index.Career) []*Career {
	out := make([]*Career, len(cs))
	views := make([]Career, len(cs))
	for i, c := range cs {
		views[i] = Career{w, c}
		out[i] = &views[i]
	}
	return out
}

// skills makes the views of a list of skills, in one allocation.
func (w *worker) skills(sks []*index.Skill) []*Skill {
	out := make([]*Skill, len(sks))
	views := make([]Skill, len(sks))
	for i, sk := range sks {
		views[i] = Skill{w: w, s: sk}
		out[i] = &views[i]
	}
	return out
}

// identity names a view for the fragment cache: the same name and
// identity give the same rendering as long as what it read is unchanged.
// A chart's bar is named by its value, which is all it shows but its
// place on the axis: Left and Width note the read of the axis themselves.
func identity(data any) (any, bool) {
	switch v := data.(type) {
	case *Career:
		return "career " + v.c.Slug, true
	case *Related:
		return "related " + v.owner.Slug + " " + v.c.Slug, true
	case *Skill:
		return "skill " + v.s.Slug, true
	case *Page:
		return "page " + v.p.URL, true
	case *Category:
		return "category " + v.c.Slug, true
	case *Alias:
		return "alias " + v.a.Path, true
	case Bar:
		return v, true
	case Placed:
		return v.id(), true
	}
	return nil, false
}

// identitySum sums the identity of data, when it is an item of the site,
// as identity names it.
func identitySum(data any) (uint64, bool) {
	switch v := data.(type) {
	case *Career:
		return careerSum(v), true
	case *Skill:
		return skillSum(v), true
	case Bar:
		return v.sum(), true
	case Placed:
		return v.sum(), true
	}
	id, ok := identity(data)
	if !ok {
		return 0, false
	}
	return trace.SumString(id.(string)), true
}

// careerSum and skillSum sum an item's identity without making its name.
// A career's is index.Career.RunSum, made once per parse from its slug's
// sum, so that the runs of a list page end where the index ends its
// pages (index.Cut).
func careerSum(c *Career) uint64 { return c.c.RunSum() }

// careerSums is careerSum of each career, for inRuns.
func careerSums(cs []*Career) []uint64 {
	sums := make([]uint64, len(cs))
	for i, c := range cs {
		sums[i] = careerSum(c)
	}
	return sums
}

func skillSum(sk *Skill) uint64 {
	var h trace.Hash
	return h.Str("skill").Str(sk.s.Slug).Sum()
}
