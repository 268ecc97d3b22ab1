package index

import (
	"github.com/careerguide/careerguide/internal/diag"
)

// relate picks each career's related careers: those pinned in `related`
// first, in the author's order, then the careers sharing the most skills,
// ties broken by title, up to MaxRelated.
func (s *Site) relate(ds *diag.List) {
	slugs := make([]string, 0, len(s.Careers))
	for _, c := range s.Careers {
		slugs = append(slugs, c.Slug)
	}
	bySkill := map[*Skill]bool{}
	// Shared-skill counts are kept per career rank (its place in A–Z
	// order), so ties break by title with a plain integer comparison.
	counts := make([]int32, len(s.Careers))
	var touched []int
	var best []int // ranks of the best candidates, best first
	for _, c := range s.Careers {
		chosen := map[*Career]bool{c: true}
		for i, r := range c.Career.Related {
			at := c.At("related[" + itoa(i) + "]")
			o := s.career[r]
			switch {
			case o == nil:
				msg := "%q names no career"
				if near, ok := diag.Nearest(r, slugs); ok {
					msg += "; did you mean " + near + "?"
				}
				ds.Warnf(c.Source, at.Line, at.Col, "related", msg, r)
				continue
			case o == c:
				ds.Warnf(c.Source, at.Line, at.Col, "related", "a career cannot be related to itself")
				continue
			case chosen[o]:
				continue
			}
			chosen[o] = true
			if len(c.Related) < MaxRelated {
				c.Related = append(c.Related, Related{Career: o, Shared: shared(c, o, bySkill), Pinned: true})
			}
		}
		for _, sk := range c.Skills {
			for _, o := range sk.Careers {
				if !chosen[o] {
					if counts[o.rank] == 0 {
						touched = append(touched, o.rank)
					}
					counts[o.rank]++
				}
			}
		}
		// Keep the top candidates by an insertion into a short list.
		room := MaxRelated - len(c.Related)
		best = best[:0]
		for _, r := range touched {
			i := len(best)
			for i > 0 && better(counts, r, best[i-1]) {
				i--
			}
			if i < room {
				best = append(best, 0)
				copy(best[i+1:], best[i:])
				best[i] = r
				if len(best) > room {
					best = best[:room]
				}
			}
		}
		for _, r := range best {
			o := s.Careers[r]
			c.Related = append(c.Related, Related{Career: o, Shared: shared(c, o, bySkill)})
		}
		for _, r := range touched {
			counts[r] = 0
		}
		touched = touched[:0]
	}
}

// better reports whether the career ranked a shares more skills than the
// one ranked b, or as many and comes first by title.
func better(counts []int32, a, b int) bool {
	if counts[a] != counts[b] {
		return counts[a] > counts[b]
	}
	return a < b
}

// shared lists the skills of c that o also lists, in c's order. set is
// scratch space reused between calls.
func shared(c, o *Career, set map[*Skill]bool) []*Skill {
	clear(set)
	for _, sk := range o.Skills {
		set[sk] = true
	}
	var out []*Skill
	for _, sk := range c.Skills {
		if set[sk] {
			out = append(out, sk)
		}
	}
	return out
}
