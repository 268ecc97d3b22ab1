package index

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/slug"
)

// Skill is one skill and the careers that list it.
type Skill struct {
	Name    string // the most common spelling
	Slug    string
	URL     string    // "skills/<slug>/"
	Careers []*Career // highest typical yearly pay first
	// The span of the careers' pay, per year, in Currency: the lowest
	// minimum, the median of their typical pay (each career's median
	// where one is given, else the middle of its range) and the highest
	// maximum. Careers paid in another currency are left out of the span.
	Min, Median, Max float64
	Currency         string
	OpenEnded        bool // the highest maximum is open-ended
	// Doc is the page written about the skill, content/skills/<slug>.md,
	// or nil.
	Doc *Page
	idx int // place in the site's Skills

	// The skill's spellings when there are several, for the warnings of
	// the careers that use another than Name: how many and which.
	variants int
	listing  string
}

// spelling is one way a skill was written and where.
type spelling struct {
	name  string
	files []string
}

// variantKey folds the differences that make two spellings one skill:
// case, accents and spacing.
func variantKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(slug.Fold(name)), ""))
}

// group is every spelling of one slug.
type group struct {
	slug      string
	spellings []int32 // ids of the names written, in the order first seen
	listing   string  // the spellings, for messages
	skill     *Skill  // nil when the spellings collide
	count     int     // mentions
}

// indexSkills makes a Skill of each slug the careers list, warns about
// spellings that differ and refuses names that differ by more but share a
// slug. Its work is in proportion to the number of skills listed, however
// many spellings or careers a skill has: each mention costs one lookup of
// its name.
func (s *Site) indexSkills(prev *Site, stop func() bool, ds *diag.List) {
	if s.sameSkills(prev) {
		s.skillsFrom(prev, ds)
		return
	}
	ids := map[string]int32{} // name → id
	var names []string
	var nameGroup []int32
	var nameCount []int
	groupOf := map[string]int32{}
	var groups []*group
	mentions := make([][]int32, len(s.Careers)) // by rank: the ids of its names
	for _, c := range s.Careers {
		if stop() {
			return
		}
		c.slugs = make([]string, len(c.Career.Skills))
		mine := make([]int32, len(c.Career.Skills))
		for i, name := range c.Career.Skills {
			id, ok := ids[name]
			if !ok {
				id = int32(len(names))
				ids[name] = id
				k := slug.Make(name)
				g, ok := groupOf[k]
				if !ok {
					g = int32(len(groups))
					groupOf[k] = g
					groups = append(groups, &group{slug: k})
				}
				groups[g].spellings = append(groups[g].spellings, id)
				names, nameGroup, nameCount = append(names, name), append(nameGroup, g), append(nameCount, 0)
			}
			nameCount[id]++
			groups[nameGroup[id]].count++
			c.slugs[i] = groups[nameGroup[id]].slug
			mine[i] = id
		}
		mentions[c.rank] = mine
	}
	s.spellingsListed(groups, names, mentions)
	for _, g := range groups {
		if !sameSkill(names, g.spellings) {
			continue // a collision, reported below
		}
		best := g.spellings[0]
		for _, id := range g.spellings[1:] {
			if nameCount[id] > nameCount[best] {
				best = id
			}
		}
		g.skill = &Skill{Name: names[best], Slug: g.slug, URL: "skills/" + g.slug + "/", Careers: make([]*Career, 0, g.count),
			variants: len(g.spellings), listing: g.listing}
		s.skill[g.slug] = g.skill
		s.paths[g.skill.URL] = true
		s.Skills = append(s.Skills, g.skill)
	}
	for _, c := range s.Careers {
		c.Skills = make([]*Skill, 0, len(c.Career.Skills))
		for i, id := range mentions[c.rank] {
			g, name := groups[nameGroup[id]], names[id]
			sk := g.skill
			switch {
			case sk == nil:
				at := c.At("skills[" + itoa(i) + "]")
				ds.Errorf(c.Source, at.Line, at.Col, "skills", "%q and other skills share the URL /skills/%s/: %s; rename one of them so they differ by more than punctuation", name, g.slug, g.listing)
				continue
			case name != sk.Name:
				at := c.At("skills[" + itoa(i) + "]")
				ds.Warnf(c.Source, at.Line, at.Col, "skills", "%q is written in %d ways: %s; it is shown as %q, so write it that way everywhere", name, len(g.spellings), g.listing, sk.Name)
			}
			c.Skills = append(c.Skills, sk)
		}
	}
	s.skillCareers(false)
	s.skillsClean = !ds.HasErrors()
}

// skillCareers orders the careers by pay (BySalary) and gives each skill
// its careers in that order, and its pay span; unless sorted, it first
// puts the skills in A–Z order and numbers them.
func (s *Site) skillCareers(sorted bool) {
	// Each skill's careers, highest pay first: from the careers in that
	// order, so that no list is sorted on its own.
	s.BySalary = append([]*Career(nil), s.Careers...)
	slices.SortFunc(s.BySalary, byPay)
	for _, c := range s.BySalary {
		for _, sk := range c.Skills {
			if n := len(sk.Careers); n == 0 || sk.Careers[n-1] != c {
				sk.Careers = append(sk.Careers, c)
			}
		}
	}
	if sorted {
		for _, sk := range s.Skills {
			sk.span(s.Config.Currency)
		}
		return
	}
	sort.Slice(s.Skills, func(i, j int) bool {
		a, b := strings.ToLower(s.Skills[i].Name), strings.ToLower(s.Skills[j].Name)
		if a != b {
			return a < b
		}
		return s.Skills[i].Slug < s.Skills[j].Slug
	})
	for i, sk := range s.Skills {
		sk.idx = i
		sk.span(s.Config.Currency)
	}
}

// sameSkills reports whether the careers of s list the skills prev's
// did, so that indexSkills finds what it found for prev, and prev's skills
// had no errors: either the same careers (by slug and file) in the same
// A–Z order, each listing the same names in the same order; or, when every
// skill of prev is written one way, the careers prev had (by slug and
// file, in any order) listing the same names, careers added listing names
// prev shows, and every skill still listed. Which spelling of a skill is
// shown, and the spellings listed in warnings (in A–Z order), follow from
// those alone.
func (s *Site) sameSkills(prev *Site) bool {
	if prev == nil || !prev.skillsClean {
		return false
	}
	oneWay := true
	for _, sk := range prev.Skills {
		oneWay = oneWay && sk.variants < 2
	}
	inOrder := len(prev.Careers) == len(s.Careers)
	listed := make([]bool, len(prev.Skills)) // by idx, unless inOrder
	for i, c := range s.Careers {
		p := before(prev, i, c)
		if inOrder = inOrder && p == prev.Careers[i]; !inOrder && !oneWay {
			return false
		}
		if p == nil { // a new career
			for _, name := range c.Career.Skills {
				sk := prev.skill[slug.Make(name)]
				if sk == nil || sk.Name != name {
					return false
				}
				listed[sk.idx] = true
			}
			continue
		}
		if p.Source != c.Source || len(p.Skills) != len(c.Career.Skills) {
			return false
		}
		if p.Career != c.Career && !slices.Equal(p.Career.Skills, c.Career.Skills) {
			return false
		}
		for _, sk := range p.Skills {
			listed[sk.idx] = true
		}
	}
	return inOrder || !slices.Contains(listed, false)
}

// before returns prev's career of c's slug, or nil, c being the career at
// place i of a later index: most often the one at the same place.
func before(prev *Site, i int, c *Career) *Career {
	if i < len(prev.Careers) && prev.Careers[i].Slug == c.Slug {
		return prev.Careers[i]
	}
	return prev.career[c.Slug]
}

// skillsFrom is indexSkills when sameSkills(prev): the skills are prev's,
// as new values, and each career's are found by their place in prev's
// career of the same slug, or for a new career by their names.
func (s *Site) skillsFrom(prev *Site, ds *diag.List) {
	s.Skills = make([]*Skill, len(prev.Skills))
	for i, p := range prev.Skills {
		sk := &Skill{Name: p.Name, Slug: p.Slug, URL: p.URL, Careers: make([]*Career, 0, len(p.Careers)),
			idx: i, variants: p.variants, listing: p.listing}
		s.Skills[i] = sk
		s.skill[sk.Slug] = sk
		s.paths[sk.URL] = true
	}
	for i, c := range s.Careers {
		p := before(prev, i, c)
		if p == nil {
			c.slugs = make([]string, len(c.Career.Skills))
			c.Skills = make([]*Skill, len(c.Career.Skills))
			for j, name := range c.Career.Skills {
				c.slugs[j] = slug.Make(name)
				c.Skills[j] = s.skill[c.slugs[j]]
			}
			continue
		}
		c.slugs = p.slugs
		c.Skills = make([]*Skill, len(p.Skills))
		for j, psk := range p.Skills {
			sk := s.Skills[psk.idx]
			c.Skills[j] = sk
			if sk.variants < 2 {
				continue // written one way: no warning
			}
			if name := c.Career.Skills[j]; name != sk.Name {
				at := c.At("skills[" + itoa(j) + "]")
				ds.Warnf(c.Source, at.Line, at.Col, "skills", "%q is written in %d ways: %s; it is shown as %q, so write it that way everywhere", name, sk.variants, sk.listing, sk.Name)
			}
		}
	}
	s.skillCareers(true)
	s.skillsClean = true
}

// sameSkill reports whether the names differ only in what variantKey
// folds, and so are one skill.
func sameSkill(names []string, spellings []int32) bool {
	if len(spellings) < 2 {
		return true
	}
	key := variantKey(names[spellings[0]])
	for _, id := range spellings[1:] {
		if variantKey(names[id]) != key {
			return false
		}
	}
	return true
}

// spellingsListed writes, for each slug written in more than one way, the
// list of spellings and the files that use each, for messages.
func (s *Site) spellingsListed(groups []*group, names []string, mentions [][]int32) {
	files := map[int32][]string{} // name id → its files, for names of such slugs
	multi := map[string]bool{}
	for _, g := range groups {
		if len(g.spellings) > 1 {
			multi[g.slug] = true
			for _, id := range g.spellings {
				files[id] = nil
			}
		}
	}
	if len(multi) == 0 {
		return
	}
	for _, c := range s.Careers {
		for _, id := range mentions[c.rank] {
			if f, ok := files[id]; ok {
				files[id] = append(f, c.Source)
			}
		}
	}
	for _, g := range groups {
		if multi[g.slug] {
			sps := make([]*spelling, len(g.spellings))
			for i, id := range g.spellings {
				sps[i] = &spelling{name: names[id], files: files[id]}
			}
			g.listing = listSpellings(sps)
		}
	}
}

// listSpellings writes `"Go" (a.md, b.md), "go" (c.md)`, naming at most
// five spellings and three files of each, so that a message stays short
// however many careers write a skill.
func listSpellings(sps []*spelling) string {
	var parts []string
	for i, sp := range sps {
		if i == 5 {
			parts = append(parts, fmt.Sprintf("and %d more", len(sps)-i))
			break
		}
		files := sp.files
		more := ""
		if len(files) > 3 {
			files, more = files[:3], fmt.Sprintf(" and %d more", len(files)-3)
		}
		parts = append(parts, fmt.Sprintf("%q (%s%s)", sp.name, strings.Join(files, ", "), more))
	}
	return strings.Join(parts, ", ")
}

// span sets the skill's pay span from its careers, which are in pay order.
func (sk *Skill) span(siteCurrency string) {
	sk.Currency = MainCurrency(sk.Careers, siteCurrency)
	var mids []float64 // typical pay, highest first, as the careers are
	for _, c := range sk.Careers {
		if c.cur != sk.Currency {
			continue
		}
		lo, hi := c.lo, c.hi
		if len(mids) == 0 || lo < sk.Min {
			sk.Min = lo
		}
		if len(mids) == 0 || hi > sk.Max || hi == sk.Max && c.open {
			sk.Max, sk.OpenEnded = hi, c.open
		}
		mids = append(mids, c.mid)
	}
	if n := len(mids); n > 0 {
		sk.Median = mids[n/2]
		if n%2 == 0 {
			sk.Median = (mids[n/2-1] + mids[n/2]) / 2
		}
	}
}

// MainCurrency returns the currency most of the careers are paid in, by
// model.MainCurrency.
func MainCurrency(careers []*Career, site string) string {
	same := true
	for _, c := range careers {
		if c.cur != site {
			same = false
			break
		}
	}
	if same {
		return site
	}
	salaries := make([]model.Salary, len(careers))
	for i, c := range careers {
		salaries[i] = c.Salary
	}
	return model.MainCurrency(salaries, site)
}
