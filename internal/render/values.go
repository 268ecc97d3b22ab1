package render

import (
	"slices"
	"sync"

	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/trace"
)

// The values a rendering can read, by kind. The unit of dependency is a
// group of fields that are shown together: a career's card fields, its
// other frontmatter, its skills, its related careers and its body are five
// values; a list (the careers A–Z, a skill's careers) is one value, its
// members' identities in order. Every view accessor records the key of the
// group it reads before it returns anything taken from it, and
// values.Sum below hashes exactly the fields those accessors hand out;
// the two are kept side by side in views.go and here.
const (
	kCareer         = "career"          // ID slug: title
	kCareerCategory = "career.category" // its category, as written
	kCareerPay      = "career.pay"      // its salary: range, median, percentiles, source, date, note
	kCareerFacts    = "career.facts"    // its outlook, SOC code, education, demand and AI impact sources
	kCareerCited    = "career.cited"    // who its figures come from: the sources of its pay, outlook and levels, their dates and notes, and whether its pay is an estimate
	kCareerLevels   = "career.levels"   // demand and AI impact
	kCareerAbout    = "career.about"    // summary, draft, aliases, source file
	kCareerUpdated  = "career.updated"  // the date it was last reviewed
	kCareerSkills   = "career.skills"   // its skills, in the author's order
	kCareerRelated  = "career.related"  // its related careers: who, pinned or not, shared skills
	kCareerBody     = "career.body"     // its Markdown body, the line it starts on, its file
	kSkill          = "skill"           // ID slug: name, URL
	kSkillCareers   = "skill.careers"   // its careers, highest pay first
	kSkillSize      = "skill.size"      // ID slug: how many careers list it
	kSkillSpan      = "skill.span"      // the span of its careers' pay
	kSkillDoc       = "skill.doc"       // the page written about it: description, date, body, its line and file
	kPage           = "page"            // ID URL path: title, description, updated, draft, aliases, source
	kPageBody       = "page.body"       // its Markdown body, first line and file
	kCategory       = "category"        // ID slug: name, careers A–Z
	kCategorySkills = "category.skills" // ID slug: its most common skills and their counts
	kCategorySize   = "category.size"   // ID slug: how many careers it has
	kCategoryName   = "category.name"   // ID slug: its name
	kListPage       = "list.page"       // ID "careers 2": the careers on a list's page
	kListPlace      = "list.place"      // ID "careers 2": where the page's careers begin in the list
	kListPages      = "list.pages"      // ID "careers": how many pages the list takes
	kListSize       = "list.size"       // ID "careers": how many careers the list holds
	kListAxis       = "list.axis"       // ID "USD salaries" (axisID): the top of its charts' axis in the currency
	kAlias          = "alias"           // ID path: where it leads
	kSiteConfig     = "site.config"     // site.yaml, with --base-url applied
	kSiteTitle      = "site.title"      // site.yaml's title alone, for the social cards
	kSiteCareers    = "site.careers"    // the careers A–Z
	kSiteUpdated    = "site.updated"    // the careers in any order, each with its date of last review
	kSiteCiting     = "site.citing"     // the careers that cite a source or whose pay is an estimate, A–Z
	kSiteRecent     = "site.recent"     // the careers the feed holds (recentCareers), in its order
	kSiteSkills     = "site.skills"     // the skills A–Z
	kSitePages      = "site.pages"      // the plain pages
	kSiteCategories = "site.categories" // the categories by name
	kSiteBySalary   = "site.bysalary"   // the careers, highest pay first
	kSiteTopPaying  = "site.toppaying"  // the home page's top lists, and the careers tied with their last
	kSiteTopDemand  = "site.topdemand"  //
	kSiteLowestAI   = "site.lowestai"   //
	kSiteAliases    = "site.aliases"    // the alias paths
	kSiteGenerated  = "site.generated"  // the latest date a career was reviewed: the API's "generated"
	kSearch         = "search"          // ID output path: a search or list data file's bytes (search.go)
	kLinkFile       = "link.file"       // ID content file: the URL it is published at
	kLinkPath       = "link.path"       // ID site path: whether the site publishes it
	kTemplate       = "template"        // ID page template: its text
	kTemplates      = "templates"       // the shared templates' text
	kAsset          = "asset"           // ID theme file: its hashed output path
	kStatic         = "static"          // ID output path: the file's bytes
	kResource       = "resource"        // ID output path: a career's file, by its bytes' sum (and so its image size)
	kOptions        = "render.options"  // base URL, minifying, live reload, careerguide's build
)

func key(kind, id string) trace.Key { return trace.Key{Kind: kind, ID: id} }

// values gives the current value of every key of one site and theme.
type values struct {
	r       *Renderer
	pages   map[string]*index.Page
	aliases map[string]*index.Alias

	wordMu    sync.Mutex
	wordFiles map[int][]byte // the word files made, by bucket
	metaOnce  sync.Once
	meta      []byte // meta.json
	wordsOnce sync.Once
	words     *siteWords // what the word files are made of
	recsOnce  sync.Once
	recs      []uint64 // the sum of each career's search record, by A–Z place
	layOnce   sync.Once
	lay       *searchLayout // where the careers are in the search files

	recentOnce sync.Once
	recent     []*index.Career // recentCareers' answer

	citingOnce sync.Once
	citers     []*index.Career // citing's answer

	generatedOnce sync.Once
	generatedDate string // generated's answer: the site is fixed for a build

	axisMu sync.Mutex
	axes   map[string][2]float64 // axis's answer by axisID: the site is fixed for a build
}

// siteWords returns what the word files are made of.
func (v *values) siteWords() *siteWords {
	v.wordsOnce.Do(func() { v.words = v.r.words.site(v.r.site, v.searchLayout()) })
	return v.words
}

// searchLayout returns where the careers are in the search files.
func (v *values) searchLayout() *searchLayout {
	v.layOnce.Do(func() { v.lay = newSearchLayout(v.r.site) })
	return v.lay
}

// citing returns the careers the sources page lists, A–Z: those that
// cite a source for a figure or whose pay range is the guide's estimate.
func (v *values) citing() []*index.Career {
	v.citingOnce.Do(func() {
		for _, c := range v.r.site.Careers {
			pay, o := c.Salary, c.Outlook
			if !pay.Source.IsZero() || pay.Estimate || o != nil && !o.Source.IsZero() || !c.DemandSource.IsZero() || !c.AIImpactSource.IsZero() {
				v.citers = append(v.citers, c)
			}
		}
	})
	return v.citers
}

// recentCareers returns the careers with a review date, newest first,
// those reviewed the same day in A–Z order, FeedEntries at most: the
// feed's entries. The site is fixed for a build.
func (v *values) recentCareers() []*index.Career {
	v.recentOnce.Do(func() {
		var top []*index.Career
		for _, c := range v.r.site.Careers {
			t := c.Updated
			if t.IsZero() || len(top) == FeedEntries && !t.After(top[len(top)-1].Updated) {
				continue
			}
			i := len(top) // after every career reviewed as late or later
			for i > 0 && t.After(top[i-1].Updated) {
				i--
			}
			top = slices.Insert(top, i, c)
			top = top[:min(len(top), FeedEntries)]
		}
		v.recent = top
	})
	return v.recent
}

// mix scrambles a sum so that sums of many add up without structure
// (the finalizer of SplitMix64).
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// recordSums returns the sum of each career's search record, by A–Z place.
func (v *values) recordSums() []uint64 {
	v.recsOnce.Do(func() { v.recs = v.r.records.records(v.r.site) })
	return v.recs
}

func newValues(r *Renderer) *values {
	v := &values{r: r, pages: map[string]*index.Page{}, aliases: map[string]*index.Alias{}, wordFiles: map[int][]byte{}}
	for _, p := range r.site.Pages {
		v.pages[p.URL] = p
	}
	for i := range r.site.Aliases {
		a := &r.site.Aliases[i]
		v.aliases[a.Path] = a
	}
	return v
}

// Sum implements trace.Values.
func (v *values) Sum(k trace.Key) uint64 {
	s := v.r.site
	var h trace.Hash
	switch k.Kind {
	case kCareer, kCareerCategory, kCareerPay, kCareerFacts, kCareerCited, kCareerLevels, kCareerAbout, kCareerUpdated, kCareerSkills, kCareerRelated, kCareerBody:
		c := s.CareerBySlug(k.ID)
		if c == nil {
			return trace.Absent
		}
		hashCareer(&h, k.Kind, c)
	case kSkill, kSkillCareers, kSkillSize, kSkillSpan, kSkillDoc:
		sk := s.SkillBySlug(k.ID)
		if sk == nil {
			return trace.Absent
		}
		hashSkill(&h, k.Kind, sk)
	case kPage, kPageBody:
		p := v.pages[k.ID]
		if p == nil {
			return trace.Absent
		}
		hashPage(&h, k.Kind, p)
	case kCategory:
		c := s.CategoryBySlug(k.ID)
		if c == nil {
			return trace.Absent
		}
		h.Str(c.Name)
		careerSlugs(&h, c.Careers)
	case kCategoryName:
		c := s.CategoryBySlug(k.ID)
		if c == nil {
			return trace.Absent
		}
		h.Str(c.Name)
	case kCategorySize:
		c := s.CategoryBySlug(k.ID)
		if c == nil {
			return trace.Absent
		}
		h.Int(int64(len(c.Careers)))
	case kCategorySkills:
		c := s.CategoryBySlug(k.ID)
		if c == nil {
			return trace.Absent
		}
		h.Int(int64(len(c.Skills)))
		for _, sc := range c.Skills {
			h.Str(sc.Slug).Int(int64(sc.Careers))
		}
	case kListPage:
		if !v.r.hashListPage(&h, k.ID) {
			return trace.Absent
		}
	case kListPlace:
		name, n := splitPage(k.ID)
		items, first := v.r.pageItems(name, n)
		if items == nil {
			return trace.Absent
		}
		h.Int(int64(first))
	case kListPages:
		h.Int(int64(v.r.site.ListPages(v.r.listBase(k.ID))))
	case kListSize:
		h.Int(int64(len(v.r.list(k.ID))))
	case kAlias:
		a := v.aliases[k.ID]
		if a == nil {
			return trace.Absent
		}
		h.Str(a.Path).Str(a.To)
	case kSiteConfig:
		hashConfig(&h, s)
	case kSiteTitle:
		h.Str(s.Config.Title)
	case kListAxis:
		if !hashAxis(&h, v, k.ID) {
			return trace.Absent
		}
	case kSiteGenerated:
		h.Str(v.generated())
	case kSearch:
		if !hashSearch(&h, v, k.ID) {
			return trace.Absent
		}
	case kSiteCareers:
		careerSlugs(&h, s.Careers)
	case kSiteUpdated:
		var set uint64 // a sum of the members and their dates, in whatever order
		for _, c := range s.Careers {
			set += mix(c.SlugSum() ^ uint64(c.Updated.Unix()))
		}
		h.Int(int64(len(s.Careers))).Int(int64(set))
	case kSiteCiting:
		careerSlugs(&h, v.citing())
	case kSiteRecent:
		careerSlugs(&h, v.recentCareers())
	case kSiteBySalary:
		careerSlugs(&h, s.BySalary)
	case kSiteTopPaying:
		careerSlugs(&h, s.TopPaying)
		h.Int(int64(s.TopPayingTies))
	case kSiteTopDemand:
		careerSlugs(&h, s.TopDemand)
		h.Int(int64(s.TopDemandTies))
	case kSiteLowestAI:
		careerSlugs(&h, s.LowestAI)
		h.Int(int64(s.LowestAITies))
	case kSiteSkills:
		skillSlugs(&h, s.Skills)
	case kSitePages:
		h.Int(int64(len(s.Pages)))
		for _, p := range s.Pages {
			h.Str(p.URL)
		}
	case kSiteCategories:
		h.Int(int64(len(s.Categories)))
		for _, c := range s.Categories {
			h.Str(c.Slug)
		}
	case kSiteAliases:
		h.Int(int64(len(s.Aliases)))
		for _, a := range s.Aliases {
			h.Str(a.Path)
		}
	case kLinkFile:
		p, ok := s.Content(k.ID)
		if !ok {
			return trace.Absent
		}
		h.Str(p)
	case kLinkPath:
		h.Bool(s.Exists(k.ID))
	case kResource:
		r := s.ResourceAt(k.ID)
		if r == nil {
			return trace.Absent
		}
		h.Str(r.Path).Str(r.Sum).Int(int64(r.Width)).Int(int64(r.Height))
	case kTemplate, kTemplates, kAsset, kStatic:
		return v.r.theme.sum(k)
	case kOptions:
		o := v.r.opts
		h.Str(v.r.basePath).Str(v.r.absBase).Bool(o.Minify).Bool(o.LiveReload).Str(o.BuildID)
	default:
		return trace.Absent
	}
	return h.Sum()
}

// hashCareer hashes one of a career's values; views.go hands out the
// same fields.
func hashCareer(h *trace.Hash, kind string, c *index.Career) {
	switch kind {
	case kCareer:
		h.Str(c.Title)
	case kCareerCategory:
		h.Str(c.Category)
	case kCareerPay:
		sal := c.Salary
		h.Float(sal.Min).Float(sal.Max).Str(sal.Currency).Str(sal.Period).Bool(sal.OpenEnded)
		h.Float(sal.Median).Float(sal.P10).Float(sal.P25).Float(sal.P75).Float(sal.P90)
		hashSource(h, sal.Source)
		h.Int(int64(sal.AsOf.Year)).Int(int64(sal.AsOf.Month)).Bool(sal.Estimate).Str(sal.Note)
	case kCareerFacts:
		h.Bool(c.Outlook != nil)
		if o := c.Outlook; o != nil {
			h.Float(o.Growth).Bool(o.HasGrowth).Int(int64(o.From)).Int(int64(o.To)).Int(int64(o.OpeningsPerYear))
			hashSource(h, o.Source)
			h.Int(int64(o.AsOf.Year)).Int(int64(o.AsOf.Month)).Str(o.Note)
		}
		h.Str(c.SOC).Str(c.Education)
		hashSource(h, c.DemandSource)
		hashSource(h, c.AIImpactSource)
	case kCareerCited: // what Sources and Estimates read
		sal := c.Salary
		hashSource(h, sal.Source)
		h.Bool(sal.Estimate).Bool(sal.Median > 0).Bool(sal.HasPercentiles()).Int(int64(sal.AsOf.Year)).Int(int64(sal.AsOf.Month)).Str(sal.Note)
		h.Bool(c.Outlook != nil)
		if o := c.Outlook; o != nil {
			hashSource(h, o.Source)
			h.Int(int64(o.From)).Int(int64(o.To)).Str(o.Note)
		}
		hashSource(h, c.DemandSource)
		hashSource(h, c.AIImpactSource)
	case kCareerLevels:
		h.Int(int64(c.Demand)).Int(int64(c.AIImpact))
	case kCareerAbout:
		h.Str(c.Summary).Bool(c.Draft).Strs(c.Aliases).Str(c.Source)
	case kCareerUpdated:
		h.Time(c.Updated)
	case kCareerSkills:
		skillSlugs(h, c.Skills)
	case kCareerRelated:
		h.Int(int64(len(c.Related)))
		for _, r := range c.Related {
			h.Str(r.Slug).Bool(r.Pinned)
			skillSlugs(h, r.Shared)
		}
	case kCareerBody:
		h.Str(c.BodySum).Int(int64(c.BodyLine)).Str(c.Source)
	}
}

func hashSource(h *trace.Hash, s model.Source) { h.Str(s.Name).Str(s.URL) }

func hashSkill(h *trace.Hash, kind string, sk *index.Skill) {
	switch kind {
	case kSkill:
		h.Str(sk.Name)
	case kSkillCareers:
		careerSlugs(h, sk.Careers)
	case kSkillSize:
		h.Int(int64(len(sk.Careers)))
	case kSkillSpan:
		h.Float(sk.Min).Float(sk.Median).Float(sk.Max).Str(sk.Currency).Bool(sk.OpenEnded)
	case kSkillDoc:
		if d := sk.Doc; d != nil {
			h.Bool(true).Str(d.Description).Time(d.Updated).Bytes(d.Body).Int(int64(d.BodyLine)).Str(d.Source)
		} else {
			h.Bool(false)
		}
	}
}

func hashPage(h *trace.Hash, kind string, p *index.Page) {
	switch kind {
	case kPage:
		h.Str(p.Title).Str(p.Description).Time(p.Updated).Bool(p.Draft).Strs(p.Aliases).Str(p.Source)
	case kPageBody:
		h.Bytes(p.Body).Int(int64(p.BodyLine)).Str(p.Source)
	}
}

func hashConfig(h *trace.Hash, s *index.Site) {
	c := s.Config
	h.Str(c.Title).Str(c.Description).Str(c.BaseURL).Str(c.Language).Str(c.Currency).Str(c.Country).Str(c.Author).Bool(c.UnsafeHTML).Bool(c.SocialCards).Bool(c.CardsSet)
	h.Int(int64(c.Paginate)).Str(c.ThemeColor).Str(c.AccentColor)
	hashAny(h, c.Params)
}

func careerSlugs(h *trace.Hash, cs []*index.Career) {
	h.Int(int64(len(cs)))
	for _, c := range cs {
		h.Int(int64(c.SlugSum()))
	}
}

func skillSlugs(h *trace.Hash, sks []*index.Skill) {
	h.Int(int64(len(sks)))
	for _, sk := range sks {
		h.Str(sk.Slug)
	}
}
