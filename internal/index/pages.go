package index

// Lists that grow with the site (careers A–Z, by pay, each category's) are
// cut into pages of at most Config.Paginate careers. Where a page ends
// follows from the careers, not only from their count: a page ends after
// the first career at or past three quarters of a page that ends a run
// (EndsRun), and only when there is none by a full page does it end at
// the full page. A career added to or removed from one page then leaves
// the pages after it holding the same careers — the cut after the page
// is found again at the same career, unless that career stood at the
// edge where the search for one begins (1 in RunLength) — and every run
// of them as it was, so only the page that changed is made again. Pages
// hold between three quarters of Paginate and all of it, about 0.8 of it
// on average at the default 500.

// RunLength is how many careers a run of a list holds on average. A run
// ends after each career whose RunSum is 0 modulo RunLength, so that runs
// follow from the careers in them, not from their places in the list:
// the renderer keeps the rows of a list page by run, and the pages of a
// list end at runs' ends.
const RunLength = 32

// RunSum is the career's identity as an item of a list: a mix of its
// SlugSum, its bits spread so that any of them decides EndsRun.
func (c *Career) RunSum() uint64 { return c.runSum }

// EndsRun reports whether a run of a list ends after the career.
func (c *Career) EndsRun() bool { return c.runSum%RunLength == 0 }

// runSum mixes a slug's sum (SplitMix64's finalizer) into RunSum.
func runSum(slugSum uint64) uint64 {
	x := slugSum ^ 0x63617265657200 // "career": apart from other sums of the slug
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// Cut returns where each page of list begins, from 0: one page for an
// empty list, and per careers at most to a page.
func Cut(list []*Career, per int) []int {
	per = max(per, 1)
	cuts := []int{0}
	for lo := 0; len(list)-lo > per; {
		end := lo + per
		for i := lo + per - per/4; i < lo+per; i++ {
			if list[i-1].EndsRun() {
				end = i
				break
			}
		}
		cuts = append(cuts, end)
		lo = end
	}
	return cuts
}

// cutLists cuts the site's lists into pages (ListPage).
func (s *Site) cutLists() {
	per := s.Config.Paginate
	s.cuts = map[string][]int{"careers/": Cut(s.Careers, per), "salaries/": Cut(s.BySalary, per)}
	for _, cat := range s.Categories {
		s.cuts[cat.URL] = Cut(cat.Careers, per)
	}
}

// ListPages returns how many pages the list whose first page is at base
// takes ("careers/", "salaries/", a category's URL); 0 for no such list.
func (s *Site) ListPages(base string) int { return len(s.cuts[base]) }

// ListPage returns the careers on page n (from 1) of list, the list whose
// first page is at base, and the place of the first of them in list,
// from 0; nil when there is no such page.
func (s *Site) ListPage(base string, list []*Career, n int) ([]*Career, int) {
	cuts := s.cuts[base]
	if n < 1 || n > len(cuts) {
		return nil, 0
	}
	hi := len(list)
	if n < len(cuts) {
		hi = cuts[n]
	}
	lo := cuts[n-1]
	if lo > hi || hi > len(list) {
		return nil, 0
	}
	return list[lo:hi], lo
}
