package index

import (
	"sort"

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
	type cand struct {
		c *Career
		n int
	}
	var cands []cand
	counts := map[*Career]int{}
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
		clear(counts)
		for _, sk := range c.Skills {
			for _, o := range sk.Careers {
				if !chosen[o] {
					counts[o]++
				}
			}
		}
		cands := cands[:0]
		for o, n := range counts {
			cands = append(cands, cand{o, n})
		}
		sort.Slice(cands, func(i, j int) bool {
			if cands[i].n != cands[j].n {
				return cands[i].n > cands[j].n
			}
			return lessTitle(cands[i].c, cands[j].c)
		})
		for _, r := range cands {
			if len(c.Related) >= MaxRelated {
				break
			}
			c.Related = append(c.Related, Related{Career: r.c, Shared: shared(c, r.c, bySkill)})
		}
	}
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
