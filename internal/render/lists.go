package render

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/trace"
)

// Lists that grow with the site (careers A–Z, by salary, each category's)
// are split into pages of Config.Paginate careers. A list page reads its
// own slice of the list (kListPage): an edit that moves a career within
// one page, or across two, renders those pages again, not the others.

// listJobs appends the jobs of a list's pages: name names the list
// ("careers", "salaries", "category <slug>"), base is its first page.
func (r *Renderer) listJobs(jobs []Job, kind Kind, name, base string, n int) []Job {
	for i := 1; i <= r.site.ListPages(n); i++ {
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

// pageItems returns the careers on page n of a list, and the number of
// pages.
func (r *Renderer) pageItems(list []*index.Career, n int) ([]*index.Career, int) {
	pages := r.site.ListPages(len(list))
	if n < 1 || n > pages {
		return nil, pages
	}
	per := r.site.Config.Paginate
	lo := (n - 1) * per
	return list[lo:min(lo+per, len(list))], pages
}

// hashListPage is the value of a list page: its careers, and the number
// of pages and of careers in the whole list, which the pager shows.
func (r *Renderer) hashListPage(h *trace.Hash, id string) bool {
	name, n := splitPage(id)
	list := r.list(name)
	items, pages := r.pageItems(list, n)
	if len(items) == 0 {
		return false // no such page, or a list that is gone
	}
	careerSlugs(h, items)
	h.Int(int64(pages)).Int(int64(len(list)))
	return true
}

// Pager describes a list page's place among the list's pages.
type Pager struct {
	Page, Pages int        // this page, from 1, and how many there are
	Total       int        // careers in the whole list
	First, Last int        // the careers shown here, counted from 1
	Prev, Next  string     // URLs of the pages before and after, or ""
	Links       []PageLink // the pages to link to, in order
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
	items, pages := w.r.pageItems(list, n)
	if items == nil && !(n == 1 && len(list) == 0) {
		return errNoItem("list page", j.Key)
	}
	base := w.r.listBase(name)
	p := &Pager{Page: n, Pages: pages, Total: len(list)}
	if len(items) > 0 {
		p.First = (n-1)*w.r.site.Config.Paginate + 1
		p.Last = p.First + len(items) - 1
	}
	if n > 1 {
		p.Prev = index.PageURL(base, n-1)
	}
	if n < pages {
		p.Next = index.PageURL(base, n+1)
	}
	for i := 1; i <= pages; i++ {
		if pages > 12 && i > 2 && i < pages-1 && (i < n-2 || i > n+2) {
			if len(p.Links) > 0 && !p.Links[len(p.Links)-1].Placeholder {
				p.Links = append(p.Links, PageLink{Placeholder: true})
			}
			continue
		}
		p.Links = append(p.Links, PageLink{Number: i, URL: index.PageURL(base, i), Current: i == n})
	}
	v.pager, v.items = p, items
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
