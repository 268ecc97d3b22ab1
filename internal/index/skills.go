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
	Careers []*Career // highest annual midpoint first
	// The span of the careers' pay, per year, in Currency: the lowest
	// minimum, the median of the midpoints and the highest maximum. Careers
	// paid in another currency are left out of the span.
	Min, Median, Max float64
	Currency         string
	OpenEnded        bool // the highest maximum is open-ended
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
	spellings []*spelling
	byName    map[string]*spelling
	keys      map[string]bool // variant keys; more than one is a collision
	listing   string          // the spellings, for messages
}

// indexSkills makes a Skill of each slug the careers list, warns about
// spellings that differ and refuses names that differ by more but share a
// slug. Its work is in proportion to the number of skills listed, however
// many spellings or careers a skill has.
func (s *Site) indexSkills(stop func() bool, ds *diag.List) {
	groups := map[string]*group{}
	slugOf := map[string]string{} // skill names repeat across careers: slug each once
	var order []string
	for _, c := range s.Careers {
		if stop() {
			return
		}
		c.slugs = make([]string, len(c.Career.Skills))
		for i, name := range c.Career.Skills {
			k, ok := slugOf[name]
			if !ok {
				k = slug.Make(name)
				slugOf[name] = k
			}
			c.slugs[i] = k
			g := groups[k]
			if g == nil {
				g = &group{byName: map[string]*spelling{}, keys: map[string]bool{}}
				groups[k] = g
				order = append(order, k)
			}
			sp := g.byName[name]
			if sp == nil {
				sp = &spelling{name: name}
				g.byName[name] = sp
				g.spellings = append(g.spellings, sp)
				g.keys[variantKey(name)] = true
			}
			sp.files = append(sp.files, c.Source)
		}
	}
	for _, k := range order {
		g := groups[k]
		if len(g.spellings) > 1 {
			g.listing = listSpellings(g.spellings)
		}
		if len(g.keys) > 1 {
			continue // a collision, reported below
		}
		best := g.spellings[0]
		for _, sp := range g.spellings[1:] {
			if len(sp.files) > len(best.files) {
				best = sp
			}
		}
		sk := &Skill{Name: best.name, Slug: k, URL: "skills/" + k + "/"}
		s.skill[k] = sk
		s.paths[sk.URL] = true
		s.Skills = append(s.Skills, sk)
	}
	for _, c := range s.Careers {
		for i, k := range c.slugs {
			g, name := groups[k], c.Career.Skills[i]
			sk := s.skill[k]
			switch {
			case sk == nil:
				at := c.At("skills[" + itoa(i) + "]")
				ds.Errorf(c.Source, at.Line, at.Col, "skills", "%q and other skills share the URL /skills/%s/: %s; rename one of them so they differ by more than punctuation", name, k, g.listing)
				continue
			case name != sk.Name:
				at := c.At("skills[" + itoa(i) + "]")
				ds.Warnf(c.Source, at.Line, at.Col, "skills", "%q is written in %d ways: %s; it is shown as %q, so write it that way everywhere", name, len(g.spellings), g.listing, sk.Name)
			}
			c.Skills = append(c.Skills, sk)
			sk.Careers = append(sk.Careers, c)
		}
	}
	sort.Slice(s.Skills, func(i, j int) bool {
		a, b := strings.ToLower(s.Skills[i].Name), strings.ToLower(s.Skills[j].Name)
		if a != b {
			return a < b
		}
		return s.Skills[i].Slug < s.Skills[j].Slug
	})
	for _, sk := range s.Skills {
		sk.span(s.Config.Currency)
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

func (sk *Skill) span(siteCurrency string) {
	slices.SortFunc(sk.Careers, byPay)
	sk.Currency = MainCurrency(sk.Careers, siteCurrency)
	var mids []float64
	for _, c := range sk.Careers {
		if c.Salary.Currency != sk.Currency {
			continue
		}
		lo, hi := c.Salary.Annual(c.Salary.Min), c.Salary.Annual(c.Salary.Max)
		if len(mids) == 0 || lo < sk.Min {
			sk.Min = lo
		}
		if len(mids) == 0 || hi > sk.Max || hi == sk.Max && c.Salary.OpenEnded {
			sk.Max, sk.OpenEnded = hi, c.Salary.OpenEnded
		}
		mids = append(mids, annualMid(c))
	}
	sort.Float64s(mids)
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
	salaries := make([]model.Salary, len(careers))
	for i, c := range careers {
		salaries[i] = c.Salary
	}
	return model.MainCurrency(salaries, site)
}
