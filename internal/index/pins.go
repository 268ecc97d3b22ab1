package index

import "github.com/careerguide/careerguide/internal/diag"

// pinned resolves the careers c pins, in its order: the first MaxRelated
// as its related careers, with the skills they share (shared), and every
// one, c first, as chosen. It warns about a pin that names no career,
// with a hint of the nearest slug for the first maxHints of a build, and
// about c pinning itself.
func (s *Site) pinned(c *Career, hints *hinter, shared func(o *Career) []*Skill, ds *diag.List) (related []Related, chosen []int) {
	chosen = []int{c.rank}
	for i, r := range c.Career.Related {
		at := c.At("related[" + itoa(i) + "]")
		o := s.career[r]
		switch {
		case o == nil:
			ds.Warnf(c.Source, at.Line, at.Col, "related", "%q names no career%s", r, hints.hint(s, r))
			continue
		case o == c:
			ds.Warnf(c.Source, at.Line, at.Col, "related", "a career cannot be related to itself")
			continue
		case contains(chosen, o.rank):
			continue
		}
		chosen = append(chosen, o.rank)
		if len(related) < MaxRelated {
			related = append(related, Related{Career: o, Shared: shared(o), Pinned: true})
		}
	}
	return related, chosen
}

// hinter suggests slugs for pins that name no career, maxHints a build:
// each suggestion compares the name with every slug.
type hinter struct {
	n     int
	slugs []string // every slug of the site, made once needed
}

// hint returns "; did you mean <slug>?" for the pin r, or "".
func (h *hinter) hint(s *Site, r string) string {
	if h.n >= maxHints {
		return ""
	}
	h.n++
	if h.slugs == nil {
		h.slugs = make([]string, 0, len(s.Careers))
		for _, c := range s.Careers {
			h.slugs = append(h.slugs, c.Slug)
		}
	}
	if near, ok := diag.Nearest(r, h.slugs); ok {
		return "; did you mean " + near + "?"
	}
	return ""
}
