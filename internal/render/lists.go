package render

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/trace"
)

// Lists that grow with the site (careers A–Z, by salary, each category's)
// are cut into pages of at most Config.Paginate careers (index.Cut), at
// the ends of runs. A list page reads its own careers (kListPage), and
// its pager what it shows: how many pages there are (kListPages), how
// many careers (kListSize), where the page's careers stand in the list
// (kListPlace). An edit that moves a career within one page, or across
// two, renders those pages again; one that adds or removes a career, the
// page it is on and the pages that show a count that changed.

// listJobs appends the jobs of a list's pages: name names the list
// ("careers", "salaries", "category <slug>").
func (r *Renderer) listJobs(jobs []Job, kind Kind, name string) []Job {
	base := r.listBase(name)
	for i := 1; i <= r.site.ListPages(base); i++ {
		jobs = append(jobs, Job{index.PageURL(base, i) + "index.html", kind, name + " " + strconv.Itoa(i)})
	}
	return jobs
}

// list returns the careers of the named list.
func (r *Renderer) list(name string) []*index.Career {
	switch {
	case name == "careers":
		return r.site.Careers
	case name == "salaries":
		return r.site.BySalary
	case strings.HasPrefix(name, "category "):
		if c := r.site.CategoryBySlug(strings.TrimPrefix(name, "category ")); c != nil {
			return c.Careers
		}
	}
	return nil
}

// listBase returns the URL of the named list's first page.
func (r *Renderer) listBase(name string) string {
	if k, ok := strings.CutPrefix(name, "category "); ok {
		return "categories/" + k + "/"
	}
	return name + "/"
}

// splitPage parses a list page's key, "careers 2", into the list's name
// and the page number.
func splitPage(key string) (string, int) {
	i := strings.LastIndexByte(key, ' ')
	n, err := strconv.Atoi(key[i+1:])
	if i < 0 || err != nil {
		return key, 0
	}
	return key[:i], n
}

// pageItems returns the careers on page n of the named list, and the
// place of the first of them in the list, from 0; nil when there is no
// such page.
func (r *Renderer) pageItems(name string, n int) ([]*index.Career, int) {
	return r.site.ListPage(r.listBase(name), r.list(name), n)
}

// hashListPage is the value of a list page: its careers.
func (r *Renderer) hashListPage(h *trace.Hash, id string) bool {
	name, n := splitPage(id)
	items, _ := r.pageItems(name, n)
	if len(items) == 0 {
		return false // no such page, or a list that is gone
	}
	careerSlugs(h, items)
	return true
}

// Pager is a list page's place among the list's pages. Each method notes
// what it shows, so that a page is made again only when that changes:
// Pages, Next and Links how many pages there are; Total how many careers
// the list holds; First and Last where the page's careers stand in it.
type Pager struct {
	w           *worker
	name        string // the list's name, "careers"
	base        string // the URL of its first page
	page, pages int
	total       int
	first, n    int // the place of the page's first career, from 0, and how many it shows
}

// Page is the page's number, from 1.
func (p *Pager) Page() int { return p.page }

// Pages is how many pages the list takes.
func (p *Pager) Pages() int {
	p.w.read(kListPages, p.name)
	return p.pages
}

// Total is how many careers the whole list holds.
func (p *Pager) Total() int {
	p.w.read(kListSize, p.name)
	return p.total
}

// First is the place of the page's first career in the list, from 1; 0
// on an empty list.
func (p *Pager) First() int {
	if p.n == 0 {
		return 0
	}
	p.w.read(kListPlace, p.name+" "+strconv.Itoa(p.page))
	return p.first + 1
}

// Last is the place of the page's last career in the list, from 1; 0 on
// an empty list.
func (p *Pager) Last() int {
	if p.n == 0 {
		return 0
	}
	p.w.read(kListPlace, p.name+" "+strconv.Itoa(p.page))
	return p.first + p.n
}

// Prev is the URL of the page before, or "" on the first.
func (p *Pager) Prev() string {
	if p.page <= 1 {
		return ""
	}
	return index.PageURL(p.base, p.page-1)
}

// Next is the URL of the page after, or "" on the last.
func (p *Pager) Next() string {
	if p.page >= p.Pages() {
		return ""
	}
	return index.PageURL(p.base, p.page+1)
}

// Links are the pages to link to, in order: all of them, or in a long
// list the first two, the last two and the two on each side of this one,
// with placeholders between.
func (p *Pager) Links() []PageLink {
	var links []PageLink
	pages := p.Pages()
	for i := 1; i <= pages; i++ {
		if pages > 12 && i > 2 && i < pages-1 && (i < p.page-2 || i > p.page+2) {
			if len(links) > 0 && !links[len(links)-1].Placeholder {
				links = append(links, PageLink{Placeholder: true})
			}
			continue
		}
		links = append(links, PageLink{Number: i, URL: index.PageURL(p.base, i), Current: i == p.page})
	}
	return links
}

// PageLink is one page of a list.
type PageLink struct {
	Number      int    // the page's number, from 1
	URL         string // its path below the base
	Current     bool   // it is the page shown
	Placeholder bool   // stands for pages left out of a long pager
}

// listView sets up the list page j on v: its careers and pager.
func (w *worker) listView(v *View, j Job) error {
	name, n := splitPage(j.Key)
	w.read(kListPage, j.Key)
	list := w.r.list(name)
	items, first := w.r.pageItems(name, n)
	if items == nil && !(n == 1 && len(list) == 0) {
		return errNoItem("list page", j.Key)
	}
	base := w.r.listBase(name)
	v.pager = &Pager{w: w, name: name, base: base, page: n, pages: w.r.site.ListPages(base), total: len(list), first: first, n: len(items)}
	v.items = items
	return nil
}

// first returns the first n elements of a list, for templates: {{range
// first 12 .Careers}}.
func first(n int, list any) (any, error) {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice {
		return nil, errNotList
	}
	return v.Slice(0, min(max(n, 0), v.Len())).Interface(), nil
}
