package index

import (
	"slices"

	"github.com/careerguide/careerguide/internal/diag"
)

// relateSome is relate after an edit of a few careers: it finds again the
// related careers of the careers the edit can reach and takes the others'
// from prev, and reports whether it could. It cannot when either index
// has a skill error, or when the edit reaches too many careers to be
// cheaper than finding them all.
//
// A career's related careers follow from its skills and pins, the skills
// of the careers sharing one with it, and the A–Z order among those. So
// they can change only for:
//   - a career whose skills, pins, pins' positions or file changed, that
//     is new, or whose place in the A–Z order changed relative to the
//     others (these are the edited careers);
//   - a career sharing a skill, before or after the edit, with an edited
//     or removed career, when its list named that career, or now has
//     room for it, or ends with a career it now beats (see reached);
//   - a career that pins one of the careers changed, new or removed;
//   - a career prev warned about (a pin that names no career, or itself):
//     a hint names the nearest slug of the whole site.
//
// The others' lists are prev's, as careers and skills of s.
func (s *Site) relateSome(prev *Site, ds *diag.List) bool {
	budget := len(s.Careers)/4 + 64 // careers found again, at most
	if prev == nil || len(prev.relateDiags) > budget || !prev.skillsClean || !s.skillsClean || len(prev.Careers) == 0 {
		return false
	}
	// The careers prev warned about are found again: whether a pin names
	// a career, and the nearest slug a hint names, follow from the whole
	// site's slugs.
	warned := map[string]bool{}
	for _, d := range prev.relateDiags {
		warned[d.Path] = true
	}
	var edits []edit                           // careers changed, new, removed or moved
	changed := map[string]bool{}               // slugs of careers changed, new or removed
	var again []*Career                        // careers to find again
	olds := make([]*Career, len(s.Careers))    // by rank: prev's career of the slug, or nil
	news := make([]*Career, len(prev.Careers)) // by rank in prev: the career of s of the slug, or nil
	for _, c := range s.Careers {
		old := prev.career[c.Slug]
		if old != nil {
			olds[c.rank], news[old.rank] = old, c
		}
		if old != nil && (old.Career == c.Career || sameRelateInputs(old, c)) {
			if warned[c.Source] {
				again = append(again, c)
			}
			continue
		}
		changed[c.Slug] = true
		again = append(again, c)
		edits = append(edits, edit{old, c})
	}
	for _, old := range prev.Careers {
		if news[old.rank] == nil {
			changed[old.Slug] = true
			edits = append(edits, edit{old, nil})
		}
	}
	moved, ok := s.movedSince(prev, budget)
	if !ok {
		return false
	}
	if len(changed) == 0 && len(moved) == 0 && len(warned) == 0 {
		return false // nothing the related careers follow from changed: relate's reuse
	}
	mark := make([]bool, len(s.Careers))
	for _, c := range again {
		mark[c.rank] = true
	}
	for _, c := range moved {
		edits = append(edits, edit{olds[c.rank], c})
		if !mark[c.rank] {
			mark[c.rank] = true
			again = append(again, c)
		}
	}
	// Every career sharing a skill with an edit that it can reach, and
	// every career that pins a career changed.
	if again, ok = s.reached(edits, olds, news, mark, again, budget); !ok {
		return false
	}
	for _, c := range s.Careers {
		if !mark[c.rank] && slices.ContainsFunc(c.Career.Related, func(r string) bool { return changed[r] }) {
			mark[c.rank] = true
			again = append(again, c)
		}
	}
	if len(again) > budget {
		return false
	}
	// The careers found again are found by counting, for each, the skills
	// every career sharing one has in common with it: that reads each
	// member list of its skills once. Past a budget of list entries, in
	// proportion to the site, finding them all (with the pair lists) is
	// cheaper.
	work := 0
	for _, c := range again {
		for i, sk := range c.Skills {
			if slices.Contains(c.Skills[:i], sk) {
				return false // counted once per skill only when listed once
			}
			work += len(sk.Careers)
		}
	}
	if work > 256*len(s.Careers)+1<<16 {
		return false
	}
	slices.SortFunc(again, func(a, b *Career) int { return a.rank - b.rank })
	found, mine := s.relateCareers(again)
	// The others' lists, from prev's: its careers and skills are found
	// again by their place in prev.
	skills := make([]*Skill, len(prev.Skills))
	for i, sk := range prev.Skills {
		skills[i] = s.skill[sk.Slug]
	}
	for _, c := range s.Careers {
		if !mark[c.rank] {
			c.Related = relatedIn(olds[c.rank].Related, news, skills)
		}
	}
	for i, c := range again {
		c.Related = found[i]
	}
	ds.Add(mine)
	s.someFrom, s.foundAgain = prev.gen, mark
	return true
}

// An edit is a career of prev (old, nil when new) and of s (c, nil when
// removed) whose skills, pins or place A–Z changed.
type edit struct{ old, c *Career }

// reached adds to again, and marks, the careers whose related careers an
// edit can change among those sharing a skill with it: again holds, and
// mark marks, the edited careers and those found again already. For a
// career o sharing a skill with edited career e, whose list (the
// unpinned part) was L in prev, the others' counts of shared skills and
// their order among themselves are as they were, so o's list can change
// only when
//   - L named e (e's count or place changed, or e is gone), or
//   - e now shares a skill with o and L had room for more, or
//   - e now beats L's last career: more skills shared, or as many and
//     earlier A–Z.
//
// It reports false when more than limit careers are to be found again,
// or an edited career lists a skill twice (the counts assume once); a
// sharing career that does is found again.
func (s *Site) reached(edits []edit, olds, news []*Career, mark []bool, again []*Career, limit int) ([]*Career, bool) {
	add := func(o *Career) {
		if !mark[o.rank] {
			mark[o.rank] = true
			again = append(again, o)
		}
	}
	count := make([]int32, len(s.Careers)) // by rank: skills shared with the edited career at hand
	var cands []*Career
	for _, e := range edits {
		if e.old != nil {
			for _, k := range e.old.slugs {
				if sk := s.skill[k]; sk != nil {
					for _, o := range sk.Careers {
						if !mark[o.rank] && named(olds[o.rank].Related, e.old.Slug) {
							add(o)
						}
					}
				}
			}
		}
		if e.c == nil {
			continue
		}
		if twice(e.c.Skills) {
			return nil, false
		}
		for _, sk := range e.c.Skills {
			for _, o := range sk.Careers {
				if count[o.rank] == 0 {
					cands = append(cands, o)
				}
				count[o.rank]++
			}
		}
		for _, o := range cands {
			if !mark[o.rank] && (twice(o.Skills) || beaten(olds[o.rank].Related, news, e.c, int(count[o.rank]))) {
				add(o)
			}
			count[o.rank] = 0
		}
		cands = cands[:0]
		if len(again) > limit {
			return nil, false
		}
	}
	return again, len(again) <= limit
}

// twice reports whether a skill is listed twice.
func twice(skills []*Skill) bool {
	for i, sk := range skills {
		if slices.Contains(skills[:i], sk) {
			return true
		}
	}
	return false
}

// named reports whether the list rel names the career with the slug.
func named(rel []Related, slug string) bool {
	for _, r := range rel {
		if r.Slug == slug {
			return true
		}
	}
	return false
}

// beaten reports whether rel, a list of prev, could change now that e
// shares shared skills with its career: rel names e, has room for it, or
// ends with a career e beats. news maps prev's ranks to s's careers.
func beaten(rel []Related, news []*Career, e *Career, shared int) bool {
	if named(rel, e.Slug) {
		return true
	}
	free := 0 // unpinned
	for _, r := range rel {
		if !r.Pinned {
			free++
		}
	}
	if len(rel) < MaxRelated || free == 0 {
		return true
	}
	last := rel[len(rel)-1]
	lc := news[last.rank]
	return lc == nil || shared > len(last.Shared) || shared == len(last.Shared) && e.rank < lc.rank
}

// sameRelateInputs reports whether c's related careers follow from what
// old's did: the same file, skills as written, pins and pins' positions.
func sameRelateInputs(old, c *Career) bool {
	if old.Source != c.Source || !slices.Equal(old.Career.Skills, c.Career.Skills) || !slices.Equal(old.Career.Related, c.Career.Related) {
		return false
	}
	for i := range c.Career.Related {
		at := "related[" + itoa(i) + "]"
		if old.At(at) != c.At(at) {
			return false
		}
	}
	return true
}

// movedSince returns the careers of s, also in prev, whose place among
// the others in the A–Z order is not the one they had in prev: those off
// a longest run of careers that kept their order. It reports false when
// there are more than limit.
func (s *Site) movedSince(prev *Site, limit int) ([]*Career, bool) {
	var common []*Career // in s's order
	var ranks []int      // their ranks in prev
	sorted := true
	for _, c := range s.Careers {
		if old := prev.career[c.Slug]; old != nil {
			if n := len(ranks); n > 0 && old.rank < ranks[n-1] {
				sorted = false
			}
			common = append(common, c)
			ranks = append(ranks, old.rank)
		}
	}
	if sorted {
		return nil, true
	}
	// A longest increasing subsequence of ranks (patience sorting): ends[k]
	// is the index of the smallest last rank of a run of k+1, back[i] the
	// index before i in its run.
	var ends []int
	back := make([]int, len(ranks))
	for i, r := range ranks {
		k, _ := slices.BinarySearchFunc(ends, r, func(e, r int) int { return ranks[e] - r })
		back[i] = -1
		if k > 0 {
			back[i] = ends[k-1]
		}
		if k == len(ends) {
			ends = append(ends, i)
		} else {
			ends[k] = i
		}
	}
	if len(common)-len(ends) > limit {
		return nil, false
	}
	kept := make([]bool, len(common))
	for i := ends[len(ends)-1]; i >= 0; i = back[i] {
		kept[i] = true
	}
	var moved []*Career
	for i, c := range common {
		if !kept[i] {
			moved = append(moved, c)
		}
	}
	return moved, true
}

// relateCareers finds the related careers of cs, which are in A–Z order
// and list each skill once, as findRelated does for every career: pins
// first, then the careers sharing the most skills, ties broken by title.
// It returns them and what it reports.
func (s *Site) relateCareers(cs []*Career) ([][]Related, diag.List) {
	var ds diag.List
	var hints hinter
	// Each skill's careers by rank, read without following a pointer per
	// career.
	members := make([][]int32, len(s.Skills))
	for _, c := range s.Careers {
		for _, sk := range c.Skills {
			members[sk.idx] = append(members[sk.idx], int32(c.rank))
		}
	}
	count := make([]int32, len(s.Careers)) // by rank: skills shared with the career at hand
	var cands []int32
	var best []int
	better := func(a, b int) bool {
		if count[a] != count[b] {
			return count[a] > count[b]
		}
		return a < b
	}
	found := make([][]Related, len(cs))
	for n, c := range cs {
		related, chosen := s.pinned(c, &hints, func(o *Career) []*Skill { return sharedSkills(c, o) }, &ds)
		if room := MaxRelated - len(related); room > 0 {
			cands = cands[:0]
			for _, sk := range c.Skills {
				for _, r := range members[sk.idx] {
					if count[r] == 0 {
						cands = append(cands, r)
					}
					count[r]++
				}
			}
			best = best[:0]
			for _, r32 := range cands {
				r := int(r32)
				if len(best) == room { // only a better one than the worst can enter
					w := best[room-1]
					if count[r] < count[w] || count[r] == count[w] && r > w {
						continue
					}
				}
				if !contains(chosen, r) {
					best = insert(best, 0, room, r, better)
				}
			}
			for _, r := range cands {
				count[r] = 0
			}
			for _, r := range best {
				o := s.Careers[r]
				related = append(related, Related{Career: o, Shared: sharedSkills(c, o)})
			}
		}
		found[n] = related
	}
	return found, ds
}

// sharedSkills lists the skills of c that o also lists, in c's order.
func sharedSkills(c, o *Career) []*Skill {
	var out []*Skill
	for _, sk := range c.Skills {
		if slices.Contains(o.Skills, sk) {
			out = append(out, sk)
		}
	}
	return out
}
