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
	ix := newSharing(s)
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
		best = ix.top(c, chosen, MaxRelated-len(c.Related), best[:0])
		for _, r := range best {
			o := s.Careers[r]
			c.Related = append(c.Related, Related{Career: o, Shared: shared(c, o, bySkill)})
		}
	}
}

// sharing finds, for a career, the careers that share the most skills with
// it. Counting every co-member of every skill costs the square of the
// site's size, since each skill's list grows with it; sharing instead
// keeps, for each pair of skills, the careers that list both. A career
// sharing m skills with another appears in m(m-1)/2 of its pair lists, so
// those lists give every candidate sharing two or more skills and its
// exact count; candidates sharing one skill come, when still needed, from
// the start of the skills' member lists in title order.
type sharing struct {
	skill   map[*Skill]int32 // skill → index
	members [][]int          // skill index → careers' ranks, in title order
	pairs   map[uint64][]int // pair of skill indexes → careers' ranks, in title order
	seen    []int32          // scratch: pair lists a candidate appeared in
	touched []int
}

func pairKey(a, b int32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(a)<<32 | uint64(b)
}

func newSharing(s *Site) *sharing {
	ix := &sharing{skill: map[*Skill]int32{}, pairs: map[uint64][]int{}, seen: make([]int32, len(s.Careers))}
	for i, sk := range s.Skills {
		ix.skill[sk] = int32(i)
	}
	ix.members = make([][]int, len(s.Skills))
	for _, c := range s.Careers { // in title order
		for i, a := range c.Skills {
			ai := ix.skill[a]
			ix.members[ai] = append(ix.members[ai], c.rank)
			for _, b := range c.Skills[i+1:] {
				k := pairKey(ai, ix.skill[b])
				ix.pairs[k] = append(ix.pairs[k], c.rank)
			}
		}
	}
	return ix
}

// top appends to best the ranks of up to room careers, not c and not
// chosen, sharing the most skills with c, ties broken by title.
func (ix *sharing) top(c *Career, chosen map[*Career]bool, room int, best []int) []int {
	if room <= 0 {
		return best
	}
	taken := make([]int, 0, len(chosen))
	for o := range chosen {
		taken = append(taken, o.rank)
	}
	skip := func(r int) bool {
		for _, t := range taken {
			if t == r {
				return true
			}
		}
		return false
	}
	for i, a := range c.Skills {
		for _, b := range c.Skills[i+1:] {
			for _, r := range ix.pairs[pairKey(ix.skill[a], ix.skill[b])] {
				if ix.seen[r] == 0 {
					ix.touched = append(ix.touched, r)
				}
				ix.seen[r]++
			}
		}
	}
	start := len(best)
	for _, r := range ix.touched {
		if skip(r) {
			continue
		}
		i := len(best)
		for i > start && ix.better(r, best[i-1]) {
			i--
		}
		if i-start < room {
			best = append(best, 0)
			copy(best[i+1:], best[i:])
			best[i] = r
			if len(best)-start > room {
				best = best[:start+room]
			}
		}
	}
	// Fill up with careers sharing one skill, lowest rank first: merge the
	// heads of the skills' member lists.
	heads := make([]int, len(c.Skills))
	for len(best)-start < room {
		pick, from := -1, -1
		for i, sk := range c.Skills {
			list := ix.members[ix.skill[sk]]
			for heads[i] < len(list) && (skip(list[heads[i]]) || ix.seen[list[heads[i]]] > 0) {
				heads[i]++
			}
			if heads[i] < len(list) && (pick < 0 || list[heads[i]] < pick) {
				pick, from = list[heads[i]], i
			}
		}
		if pick < 0 {
			break
		}
		best = append(best, pick)
		ix.seen[pick] = -1 // taken
		ix.touched = append(ix.touched, pick)
		heads[from]++
	}
	for _, r := range ix.touched {
		ix.seen[r] = 0
	}
	ix.touched = ix.touched[:0]
	return best
}

// better reports whether the career ranked a shares more skills with the
// current career than the one ranked b, or as many and comes first by
// title. seen holds how many pair lists each appeared in, which grows
// with the number of shared skills.
func (ix *sharing) better(a, b int) bool {
	if ix.seen[a] != ix.seen[b] {
		return ix.seen[a] > ix.seen[b]
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
