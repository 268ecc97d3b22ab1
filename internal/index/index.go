// Package index owns what the site knows as a whole once every file is
// parsed: the URL of every page, the skills and the careers that need
// them, the salary order, related careers, categories and aliases. It
// checks the rules that span files (unique slugs, skill spellings, alias
// collisions) and is pure: model values in, a Site and diagnostics out.
package index

import (
	"context"
	"hash/fnv"
	"hash/maphash"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/model"
)

// Site is the indexed site, ready to render.
type Site struct {
	Config     model.Config
	Careers    []*Career // A–Z by title
	Pages      []*Page   // by path
	Skills     []*Skill  // A–Z by name
	Categories []*Category
	BySalary   []*Career // highest typical yearly pay first
	TopPaying  []*Career
	TopDemand  []*Career
	LowestAI   []*Career
	// How many careers tie with the last of each top list and are left
	// out of it: the same midpoint pay, demand or AI impact.
	TopPayingTies, TopDemandTies, LowestAITies int
	Aliases                                    []Alias     // by path
	Resources                                  []*Resource // files published beside careers, by output path

	career    map[string]*Career
	skill     map[string]*Skill
	category  map[string]*Category
	files     map[string]string    // content file → URL path
	paths     map[string]bool      // every published path below the base
	resources map[string]*Resource // output path → resource
	cuts      map[string][]int     // where the pages of each list begin, by its first page's URL (Cut)

	skillsClean bool // indexSkills finished and reported no error

	// gen tells this index from every other of the process; a site names
	// the one it took from by its gen, never by a pointer, which would
	// keep every index since the first alive.
	gen         uint64
	relateSteps int       // list entries relate read, for tests
	relatedFrom uint64    // the gen of the site the related careers were taken from
	someFrom    uint64    // the gen of the site relateSome took the others' related careers from
	foundAgain  []bool    // by rank: relateSome found the career's related careers again
	relateKey   uint64    // what the related careers were found from
	relateDiags diag.List // and what finding them reported
	layoutKey   uint64    // the output paths and who writes them
	layoutDiags diag.List // and what checking them reported
}

// Career is a career with what the index knows about it.
type Career struct {
	*model.Career
	URL     string   // "careers/<slug>/"
	page    string   // its page's file, URL + "index.html"
	api     string   // its API file, CareerAPI(Slug)
	Skills  []*Skill // in the author's order
	Related []Related
	rank    int      // place in A–Z order
	mid     float64  // its typical pay per year (model.Salary.Typical), which orders it by pay
	lo, hi  float64  // its lowest and highest pay per year
	cur     string   // the currency it is paid in
	open    bool     // its pay has no set top
	slugs   []string // the slugs of Career.Skills, in its order
	tkey    string   // its title folded for A–Z order (titleKey)
	slugSum uint64   // the FNV-1a sum of its slug
	runSum  uint64   // its identity as an item of a list (RunSum)
	pathSum uint64   // the sum of its URL and file's path, for layoutInputs
	cat     string   // the slug of its category, "" when it has none
}

// Related is a related career and the skills it shares.
type Related struct {
	*Career
	Shared []*Skill
	Pinned bool
}

// Page is a plain page with its URL.
type Page struct {
	*model.Page
	URL string
}

// Category groups careers: its page lists them, and the home page.
type Category struct {
	Name, Slug string
	URL        string    // "categories/<slug>/"
	Careers    []*Career // A–Z
	// Skills are the skills most of its careers list, the most common
	// first, then A–Z; TopSkills at most.
	Skills []SkillCount
}

// Alias is an old URL that redirects to a page.
type Alias struct {
	Path string // below the base, "backend/"
	To   string // the target's URL path

	source string    // the file that asks for it
	at     model.Pos // and where
}

// TopN is the length of the home page's top lists.
const TopN = 5

// MaxRelated is how many related careers a page shows.
const MaxRelated = 5

// Fixed lists the paths every site publishes, besides careers, skills,
// plain pages and static files.
var Fixed = []string{"", "careers/", "skills/", "salaries/", "categories/", "sources/", "compare/", "404.html", "sitemap.xml", "robots.txt", "feed.xml", "api/careers.json", "api/skills.json"}

// Build indexes the careers and pages. static lists the static files'
// output paths, so links to them resolve.
func Build(cfg model.Config, careers []*model.Career, pages []*model.Page, static []string) (*Site, diag.List) {
	s, ds, _ := BuildContext(context.Background(), cfg, careers, pages, static)
	return s, ds
}

// BuildContext is Build that stops early, with ctx's error, once ctx is
// done. The site it returns then is incomplete.
func BuildContext(ctx context.Context, cfg model.Config, careers []*model.Career, pages []*model.Page, static []string) (*Site, diag.List, error) {
	return Rebuild(ctx, nil, cfg, careers, pages, static, nil)
}

// Rebuild is BuildContext given prev, the site indexed from an earlier
// version of the same files (or nil), and the careers' resources: parts
// of the index whose inputs are what prev's were are taken from prev
// instead of computed again. The result is what BuildContext would
// return with those resources.
func Rebuild(ctx context.Context, prev *Site, cfg model.Config, careers []*model.Career, pages []*model.Page, static []string, resources []model.Resource) (*Site, diag.List, error) {
	var ds diag.List
	stop, release := stopper(ctx)
	defer release()
	n := len(careers)
	// The paths are sized for what the last index published, so that the
	// map does not grow while it is filled (each growth moves every path).
	npaths, nskills := 2*n+len(pages)+len(static)+len(Fixed), 0
	if prev != nil {
		npaths, nskills = max(npaths, len(prev.paths)+len(prev.paths)/64), len(prev.Skills)
	}
	s := &Site{Config: cfg, career: make(map[string]*Career, n), skill: make(map[string]*Skill, nskills), files: make(map[string]string, n+len(pages)),
		paths: make(map[string]bool, npaths), gen: gens.Add(1)}
	for _, p := range Fixed {
		s.paths[p] = true
	}
	for _, p := range static {
		s.paths[p] = true
	}
	if !slices.IsSortedFunc(careers, bySource) {
		slices.SortFunc(careers, bySource)
	}
	for _, mc := range careers {
		if stop() {
			return s, ds, ctx.Err()
		}
		if other, dup := s.career[mc.Slug]; dup {
			at := mc.At("slug")
			ds.Errorf(mc.Source, at.Line, at.Col, "slug", "%q is already the slug of %s; give one of them another slug", mc.Slug, other.Source)
			continue
		}
		if mc.Slug == PageDir {
			at := mc.At("slug")
			ds.Errorf(mc.Source, at.Line, at.Col, "slug", "%q is where the careers list keeps its later pages (/careers/%s/2/); give the career another slug", mc.Slug, PageDir)
			continue
		}
		c := newCareer(prev, mc)
		s.career[mc.Slug] = c
		s.files[mc.Source] = c.URL
		s.paths[c.URL] = true
		s.paths[c.api] = true
		if cfg.SocialCards {
			s.paths[c.URL+"card.png"] = true
		}
		s.Careers = append(s.Careers, c)
	}
	s.sortByTitle(prev)
	s.sameTitles(&ds)
	s.indexSkills(prev, stop, &ds)
	if ctx.Err() != nil {
		return s, ds, ctx.Err()
	}
	// The related careers follow from the careers and their skills alone,
	// and nothing after reads them: they are found beside the other steps.
	var related diag.List
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.relate(prev, stop, &related)
	}()
	// So does the layout check, from the categories on.
	var layout diag.List
	laidOut := make(chan struct{})
	layingOut := false
	for _, step := range []func(){
		func() { s.indexPages(pages, &ds) },
		func() { s.indexResources(resources, &ds) },
		func() { s.indexAliases(&ds) },
		func() { s.indexCategories(&ds) },
		s.cutLists,
		func() {
			layingOut = true
			go func() {
				defer close(laidOut)
				s.layOut(prev, static, stop, &layout)
			}()
		},
		s.order,
		s.indexLists,
	} {
		if ctx.Err() != nil {
			break
		}
		step()
	}
	<-done
	if layingOut {
		<-laidOut
	}
	ds.Add(related)
	ds.Add(layout)
	if ctx.Err() != nil {
		return s, ds, ctx.Err()
	}
	ds.Sort()
	return s, ds, nil
}

// gens numbers the indexes of the process (Site.gen), from 1.
var gens atomic.Uint64

// stopper returns a function that reports whether ctx is done, cheap
// enough for loops over careers to ask on every turn and safe to call
// from any goroutine, and a function that releases it.
func stopper(ctx context.Context) (stop func() bool, release func() bool) {
	var done atomic.Bool
	release = context.AfterFunc(ctx, func() { done.Store(true) })
	if ctx.Err() != nil {
		done.Store(true)
	}
	return done.Load, release
}

func (s *Site) indexPages(pages []*model.Page, ds *diag.List) {
	sort.Slice(pages, func(i, j int) bool { return pages[i].Source < pages[j].Source })
	owner := map[string]string{}
	for _, mp := range pages {
		if isSkillPage(mp) {
			s.attachSkillPage(mp, ds)
			continue
		}
		if s.paths[mp.Path] {
			who := owner[mp.Path]
			if who == "" {
				who = "a page careerguide generates"
			}
			ds.Errorf(mp.Source, 1, 1, "", "this page would be published at /%s, which is already %s; rename the file", mp.Path, who)
			continue
		}
		owner[mp.Path] = mp.Source
		p := &Page{Page: mp, URL: mp.Path}
		s.paths[p.URL] = true
		s.files[mp.Source] = p.URL
		s.Pages = append(s.Pages, p)
	}
	sort.Slice(s.Pages, func(i, j int) bool { return s.Pages[i].URL < s.Pages[j].URL })
}

func (s *Site) indexAliases(ds *diag.List) {
	taken := map[string]string{}
	add := func(source string, aliases []string, pos func(string) model.Pos, to string) {
		for i, a := range aliases {
			p := strings.TrimPrefix(a, "/")
			at := pos("aliases[" + itoa(i) + "]")
			if s.paths[p] {
				ds.Errorf(source, at.Line, at.Col, "aliases", "%s is already a page of the site; an alias must be an old URL that no page uses", a)
				continue
			}
			if other, ok := taken[p]; ok {
				ds.Errorf(source, at.Line, at.Col, "aliases", "%s is already an alias in %s", a, other)
				continue
			}
			taken[p] = source
			s.Aliases = append(s.Aliases, Alias{Path: p, To: to, source: source, at: at})
		}
	}
	for _, c := range s.Careers {
		add(c.Source, c.Aliases, c.At, c.URL)
	}
	for _, p := range s.Pages {
		add(p.Source, p.Aliases, p.At, p.URL)
	}
	for _, a := range s.Aliases {
		s.paths[a.Path] = true
	}
	sort.Slice(s.Aliases, func(i, j int) bool { return s.Aliases[i].Path < s.Aliases[j].Path })
}

// CareerBySlug returns the career with the slug.
func (s *Site) CareerBySlug(slug string) *Career { return s.career[slug] }

// Rebody gives the career parsed from mc's file the body of mc, a new
// parse of the same frontmatter (MetaSum) with another body. Nothing the
// index computed depends on a body, so the site is then what indexing
// the new parse would give. It reports whether the career took a new
// parse.
func (s *Site) Rebody(mc *model.Career) bool {
	c := s.career[mc.Slug]
	if c == nil || c.Career == mc || c.Source != mc.Source || c.MetaSum != mc.MetaSum {
		return false
	}
	c.Career = mc
	return true
}

// SkillBySlug returns the skill with the slug.
func (s *Site) SkillBySlug(slug string) *Skill { return s.skill[slug] }

// Content returns the URL path of a content file, for Markdown links.
func (s *Site) Content(file string) (string, bool) {
	p, ok := s.files[file]
	return p, ok
}

// Exists reports whether the site publishes p, a path below the base.
func (s *Site) Exists(p string) bool {
	p = strings.TrimPrefix(p, "/")
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	p = strings.TrimSuffix(p, "index.html")
	return s.paths[p] || (!strings.HasSuffix(p, "/") && s.paths[p+"/"])
}

// Paths returns every published page path, sorted, for tests and checks.
func (s *Site) Paths() []string {
	out := make([]string, 0, len(s.paths))
	for p := range s.paths {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

func bySource(a, b *model.Career) int { return strings.Compare(a.Source, b.Source) }

// byTitle is the A–Z order: by folded title, then by slug, which is
// unique, so that the order is one whatever the careers' first order.
func byTitle(a, b *Career) int {
	if c := strings.Compare(a.tkey, b.tkey); c != 0 {
		return c
	}
	return strings.Compare(a.Slug, b.Slug)
}

// sortByTitle puts the careers in A–Z order and records each one's rank.
// They are first put in the order prev had them, the careers new since
// after: an edit that moves no title leaves them sorted, which one pass
// checks, and an edit that moves one leaves them nearly sorted.
func (s *Site) sortByTitle(prev *Site) {
	if prev != nil && len(prev.Careers) > 0 {
		placed := make([]*Career, len(prev.Careers)) // by rank in prev
		var rest []*Career
		for _, c := range s.Careers {
			if old := prev.career[c.Slug]; old != nil && old.rank < len(placed) && placed[old.rank] == nil {
				placed[old.rank] = c
			} else {
				rest = append(rest, c)
			}
		}
		ordered := s.Careers[:0]
		for _, c := range placed {
			if c != nil {
				ordered = append(ordered, c)
			}
		}
		s.Careers = append(ordered, rest...)
	}
	if !slices.IsSortedFunc(s.Careers, byTitle) {
		slices.SortFunc(s.Careers, byTitle)
	}
	for i, c := range s.Careers {
		c.rank = i
	}
}

// sameTitles warns about careers that have the title of another, ignoring
// case and spaces: readers could not tell them apart in lists and search.
// The careers are in A–Z order, so such careers are next to each other.
func (s *Site) sameTitles(ds *diag.List) {
	first := 0
	for i := 1; i < len(s.Careers); i++ {
		a, c := s.Careers[first], s.Careers[i]
		if a.tkey != c.tkey {
			first = i
			continue
		}
		at := c.At("title")
		ds.Warnf(c.Source, at.Line, at.Col, "title", "%q is also the title of %s; readers cannot tell the two apart, so give one of them another title", c.Title, a.Source)
	}
}

// newCareer makes the index's career of mc, taking what is derived from
// its parse (URL, pay, title key, slug sum) from prev's career of the same
// parse.
func newCareer(prev *Site, mc *model.Career) *Career {
	if old := prev.careerOf(mc.Slug); old != nil && old.Career == mc {
		return &Career{Career: mc, URL: old.URL, page: old.page, api: old.api, mid: old.mid, lo: old.lo, hi: old.hi, cur: old.cur,
			open: old.open, tkey: old.tkey, slugSum: old.slugSum, runSum: old.runSum, pathSum: old.pathSum}
	}
	pay := &mc.Salary
	c := &Career{Career: mc, URL: "careers/" + mc.Slug + "/", mid: pay.Annual(pay.Typical()), lo: pay.Annual(pay.Min), hi: pay.Annual(pay.Top()),
		cur: pay.Currency, open: pay.OpenEnded}
	c.page, c.api = c.URL+"index.html", CareerAPI(mc.Slug)
	c.tkey = titleKey(mc.Title)
	c.slugSum = slugHash(mc.Slug)
	c.runSum = runSum(c.slugSum)
	c.pathSum = maphash.String(relateSeed, c.URL)*0x9e3779b97f4a7c15 + maphash.String(relateSeed, c.Source)
	return c
}

// Page is the output file of the career's page, "careers/<slug>/index.html".
func (c *Career) Page() string { return c.page }

// API is the output file of the career's JSON, CareerAPI(Slug).
func (c *Career) API() string { return c.api }

// YearTop is the currency the career is paid in and the top of its pay
// per year (its floor when it has no set top): where a chart's axis
// must reach.
func (c *Career) YearTop() (string, float64) { return c.cur, c.hi }

// SlugSum is a sum of the career's slug, for summing lists of careers
// without hashing each slug again.
func (c *Career) SlugSum() uint64 { return c.slugSum }

// slugHash is the FNV-1a sum of a slug: a career's SlugSum, and where
// its search id starts (SearchIDs).
func slugHash(slug string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(slug))
	return h.Sum64()
}

// careerOf is CareerBySlug on a site that may be nil.
func (s *Site) careerOf(slug string) *Career {
	if s == nil {
		return nil
	}
	return s.career[slug]
}

func titleKey(t string) string { return strings.Join(strings.Fields(strings.ToLower(t)), " ") }

func itoa(i int) string { return strconv.Itoa(i) }
