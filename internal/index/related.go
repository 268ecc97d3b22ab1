package index

import (
	"hash/maphash"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/careerguide/careerguide/internal/diag"
)

// forceWay makes every career take one way of sharing, for tests.
var forceWay int

// maxHints is how many unknown related careers a build suggests a
// spelling for: each suggestion compares the name with every slug.
const maxHints = 50

// relate picks each career's related careers: those pinned in `related`
// first, in the author's order, then the careers sharing the most skills,
// ties broken by title, up to MaxRelated. The pinned ones are resolved in
// order, for the messages; the rest are found on every CPU, each career
// on its own. They follow from the careers in A–Z order, their skills and
// what they pin; when prev had the same, its choices are taken, and
// after an edit of a few careers only those it reaches are found again
// (relateSome).
func (s *Site) relate(prev *Site, stop func() bool, ds *diag.List) {
	s.relateKey = s.relateInputs()
	if prev != nil && prev.relateKey == s.relateKey && len(prev.Careers) == len(s.Careers) {
		s.relatedFrom = prev.gen
		s.reuseRelated(prev)
		s.relateDiags = prev.relateDiags // for the index after this one
		ds.Add(prev.relateDiags)
		return
	}
	var mine diag.List
	defer func() { s.relateDiags = mine; ds.Add(mine) }()
	if s.relateSome(prev, &mine) {
		return
	}
	s.findRelated(stop, &mine)
}

var relateSeed = maphash.MakeSeed()

// relateInputs sums up what the related careers follow from, and where
// the pins were written, which warnings name.
func (s *Site) relateInputs() uint64 {
	var h maphash.Hash
	h.SetSeed(relateSeed)
	for _, c := range s.Careers {
		h.WriteString(c.Slug)
		h.WriteByte(0)
		for _, name := range c.Career.Skills {
			h.WriteString(name)
			h.WriteByte(1)
		}
		for i, r := range c.Career.Related {
			at := c.At("related[" + itoa(i) + "]") // warnings name it
			h.WriteString(r)
			h.WriteByte(2)
			h.WriteString(itoa(at.Line) + ":" + itoa(at.Col) + c.Source)
		}
	}
	return h.Sum64()
}

// SameRelations reports whether s was indexed from prev (Rebuild) with
// the same careers in the same A–Z order, the same skills written the same
// way and the same pins: then every career's skills and related careers
// are what they were in prev.
func (s *Site) SameRelations(prev *Site) bool {
	return prev != nil && prev.gen != 0 && s.relatedFrom == prev.gen
}

// SameRelated reports whether the career with the slug has the related
// careers it had in prev (by slug, pinned or not, and shared skills by
// slug): s was indexed from prev and took its list from prev's, whole
// (SameRelations) or the edit's reach aside (relateSome).
func (s *Site) SameRelated(prev *Site, slug string) bool {
	if s.SameRelations(prev) {
		return true
	}
	if prev == nil || prev.gen == 0 || s.someFrom != prev.gen {
		return false
	}
	c := s.career[slug]
	return c != nil && !s.foundAgain[c.rank]
}

// reuseRelated gives every career the related careers it had in prev,
// which indexed the same careers in the same order, with the same skills
// and pins: careers and skills are found again by their place.
func (s *Site) reuseRelated(prev *Site) {
	for i, c := range s.Careers {
		c.Related = relatedIn(prev.Careers[i].Related, s.Careers, s.Skills)
	}
}

// relatedIn returns a list of related careers of another index as careers
// and skills of this one: careers[r] is this index's career of the other's
// rank r, skills[i] its skill of the other's skill number i.
func relatedIn(old []Related, careers []*Career, skills []*Skill) []Related {
	out := make([]Related, len(old))
	for j, r := range old {
		shared := make([]*Skill, len(r.Shared))
		for k, sk := range r.Shared {
			shared[k] = skills[sk.idx]
		}
		out[j] = Related{Career: careers[r.rank], Shared: shared, Pinned: r.Pinned}
	}
	return out
}

// findRelated finds every career's related careers.
func (s *Site) findRelated(stop func() bool, ds *diag.List) {
	var hints hinter
	ix := newSharing(s)
	ix.force = forceWay
	set := make([]bool, len(s.Skills))
	chosen := make([][]int, len(s.Careers))
	for _, c := range s.Careers {
		if stop() {
			return
		}
		c.Related, chosen[c.rank] = s.pinned(c, &hints, func(o *Career) []*Skill { return ix.shared(c, o, set) }, ds)
	}
	const chunk = 256
	chunks := make(chan int)
	var wg sync.WaitGroup
	var steps atomic.Int64
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			own := ix.scratch()
			set := make([]bool, len(s.Skills))
			var best []int // ranks of the best candidates, best first
			for lo := range chunks {
				for _, c := range s.Careers[lo:min(lo+chunk, len(s.Careers))] {
					if stop() {
						break // the caller sees the context done
					}
					best = own.top(c, chosen[c.rank], MaxRelated-len(c.Related), best[:0])
					for _, r := range best {
						o := s.Careers[r]
						c.Related = append(c.Related, Related{Career: o, Shared: own.shared(c, o, set)})
					}
				}
			}
			steps.Add(int64(own.steps))
		}()
	}
	for lo := 0; lo < len(s.Careers) && !stop(); lo += chunk {
		chunks <- lo
	}
	close(chunks)
	wg.Wait()
	s.relateSteps = int(steps.Load())
}

// scratch returns a sharing with its own scratch space and the same
// lists, for another goroutine.
func (ix *sharing) scratch() *sharing {
	c := *ix
	c.seen, c.touched, c.order, c.steps = make([]int32, len(ix.seen)), nil, nil, 0
	return &c
}

func contains(list []int, x int) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

// sharing finds, for a career, the careers that share the most skills
// with it, ties broken by title. It has two ways, and takes for each
// career the one that costs it less:
//
//   - Pairs. For each pair of skills, the careers that list both. A career
//     sharing m skills with another appears in m(m-1)/2 of its pair lists,
//     so those lists give every candidate sharing two or more skills and
//     its exact count; candidates sharing one skill come, when still
//     needed, from the start of the skills' member lists in title order.
//     On a site whose skills spread over many careers this touches few
//     careers, but a pair of skills that thousands of careers list makes
//     each of them read a list of thousands.
//   - Prefix. The career's member lists, rarest skill first, each in title
//     order, counting each new candidate's shared skills exactly. After k
//     lists, a career not yet seen shares at most m-k skills, and within a
//     list the careers come in title order, so the search stops as soon
//     as no unseen career can beat the worst of the best: careers that
//     share most of their skills cost a few steps however many there are.
//
// The pair lists of a site hold up to 1,225 entries for a career of 50
// skills; past a budget in proportion to the number of careers they are
// not built, and every career takes the prefix way.
type sharing struct {
	skill    map[*Skill]int32 // skill → index
	members  [][]int32        // skill index → careers' ranks, in title order
	skills   [][]int32        // career rank → its skill indexes, sorted
	authored [][]int32        // career rank → its skill indexes, in its order
	pairs    [][]int32        // career rank → the pair lists of its skills (nil: pairs not built)
	runs     []int32          // the pair lists, one after another: careers' ranks
	starts   []int32          // pair list i is runs[starts[i]:starts[i+1]]
	seen     []int32          // scratch, by rank: pair lists a candidate appeared in, or its shared skills
	touched  []int
	order    []int32 // scratch: the career's skills, rarest first
	force    int     // for tests: 1 pairs, 2 prefix, 0 the cheaper
	steps    int     // list entries read, for tests
}

func newSharing(s *Site) *sharing {
	ix := &sharing{skill: map[*Skill]int32{}, seen: make([]int32, len(s.Careers)),
		skills: make([][]int32, len(s.Careers)), authored: make([][]int32, len(s.Careers))}
	for i, sk := range s.Skills {
		ix.skill[sk] = int32(i)
	}
	ix.members = make([][]int32, len(s.Skills))
	for _, c := range s.Careers { // in title order
		authored := make([]int32, 0, len(c.Skills))
		for _, sk := range c.Skills {
			a := ix.skill[sk]
			ix.members[a] = append(ix.members[a], int32(c.rank))
			authored = append(authored, a)
		}
		ix.authored[c.rank] = authored
		ix.skills[c.rank] = slices.Sorted(slices.Values(authored))
	}
	// Only skills two careers list can be shared.
	pairs := 0
	for _, mine := range ix.skills {
		n := 0
		for _, a := range mine {
			if len(ix.members[a]) > 1 {
				n++
			}
		}
		pairs += n * (n - 1) / 2
	}
	if pairs > 64*len(s.Careers)+1<<20 {
		return ix
	}
	// The pair lists: every (pair, career) entry packed in one number,
	// pair first, so that sorting the numbers sorts the entries by pair
	// then by rank, and each pair's list is a run of one array.
	skillBits := uint(bits.Len(uint(len(s.Skills))))
	rankBits := uint(bits.Len(uint(len(s.Careers))))
	if 2*skillBits+rankBits > 64 {
		ix.pairs = nil
		return ix
	}
	entries := make([]uint64, 0, pairs)
	for _, c := range s.Careers {
		mine := ix.skills[c.rank]
		for i, a := range mine {
			if len(ix.members[a]) < 2 {
				continue
			}
			for _, b := range mine[i+1:] {
				if len(ix.members[b]) > 1 {
					entries = append(entries, (uint64(a)<<skillBits|uint64(b))<<rankBits|uint64(c.rank))
				}
			}
		}
	}
	slices.Sort(entries)
	rankMask := uint64(1)<<rankBits - 1
	ranks := make([]int32, len(entries))
	var starts []int32 // where each pair's run starts in ranks
	ix.pairs = make([][]int32, len(s.Careers))
	for i, e := range entries {
		r := int32(e & rankMask)
		ranks[i] = r
		if i == 0 || e>>rankBits != entries[i-1]>>rankBits {
			starts = append(starts, int32(i))
		}
		ix.pairs[r] = append(ix.pairs[r], int32(len(starts)-1))
	}
	starts = append(starts, int32(len(ranks)))
	ix.runs, ix.starts = ranks, starts
	return ix
}

// top appends to best the ranks of up to room careers, not in chosen,
// sharing the most skills with c, ties broken by title.
func (ix *sharing) top(c *Career, chosen []int, room int, best []int) []int {
	if room <= 0 {
		return best
	}
	mine := ix.skills[c.rank]
	usePairs := ix.pairs != nil && ix.force != 2
	if usePairs && ix.force == 0 {
		// Each way's cost: the pair lists to read, against all the member
		// lists, which bounds the prefix way.
		pairCost, prefixCost := 0, 0
		for _, a := range mine {
			prefixCost += len(ix.members[a])
		}
		for _, l := range ix.pairs[c.rank] {
			pairCost += int(ix.starts[l+1] - ix.starts[l])
		}
		usePairs = pairCost <= prefixCost
	}
	if usePairs {
		return ix.byPairs(mine, ix.pairs[c.rank], chosen, room, best)
	}
	return ix.byPrefix(mine, chosen, room, best)
}

// insert puts r into the sorted best[start:], keeping at most room.
func insert(best []int, start, room, r int, better func(a, b int) bool) []int {
	i := len(best)
	for i > start && better(r, best[i-1]) {
		i--
	}
	if i-start >= room {
		return best
	}
	best = append(best, 0)
	copy(best[i+1:], best[i:])
	best[i] = r
	if len(best)-start > room {
		best = best[:start+room]
	}
	return best
}

// reset clears the scratch counts.
func (ix *sharing) reset() {
	for _, r := range ix.touched {
		ix.seen[r] = 0
	}
	ix.touched = ix.touched[:0]
}

// byPrefix is the prefix way: see sharing.
func (ix *sharing) byPrefix(mine []int32, chosen []int, room int, best []int) []int {
	start := len(best)
	order := append(ix.order[:0], mine...)
	sort.Slice(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if la, lb := len(ix.members[a]), len(ix.members[b]); la != lb {
			return la < lb
		}
		return a < b
	})
	ix.order = order
	better := func(a, b int) bool {
		if ix.seen[a] != ix.seen[b] {
			return ix.seen[a] > ix.seen[b]
		}
		return a < b
	}
	for i, a := range order {
		unseen := int32(len(order) - i) // the most an unseen career can share
		for _, r32 := range ix.members[a] {
			r := int(r32)
			ix.steps++
			if len(best)-start == room {
				worst := best[len(best)-1]
				if w := ix.seen[worst]; w > unseen || w == unseen && r > worst {
					break
				}
			}
			if ix.seen[r] != 0 || contains(chosen, r) {
				continue
			}
			ix.seen[r] = overlap(mine, ix.skills[r])
			ix.touched = append(ix.touched, r)
			best = insert(best, start, room, r, better)
		}
		if len(best)-start == room && ix.seen[best[len(best)-1]] >= unseen {
			break // no career after this list can do better
		}
	}
	ix.reset()
	return best
}

// overlap counts the skill indexes two sorted lists share.
func overlap(a, b []int32) int32 {
	n := int32(0)
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			a = a[1:]
		case a[0] > b[0]:
			b = b[1:]
		default:
			n++
			a, b = a[1:], b[1:]
		}
	}
	return n
}

// byPairs is the pair way: see sharing.
func (ix *sharing) byPairs(mine, lists []int32, chosen []int, room int, best []int) []int {
	for _, l := range lists {
		for _, r := range ix.runs[ix.starts[l]:ix.starts[l+1]] {
			ix.steps++
			if ix.seen[r] == 0 {
				ix.touched = append(ix.touched, int(r))
			}
			ix.seen[r]++
		}
	}
	// seen counts the pair lists a candidate appeared in, which grows
	// with the number of skills it shares.
	better := func(a, b int) bool {
		if ix.seen[a] != ix.seen[b] {
			return ix.seen[a] > ix.seen[b]
		}
		return a < b
	}
	start := len(best)
	for _, r := range ix.touched {
		if !contains(chosen, r) {
			best = insert(best, start, room, r, better)
		}
	}
	// Fill up with careers sharing one skill, lowest rank first: merge the
	// heads of the skills' member lists.
	heads := make([]int, len(mine))
	for len(best)-start < room {
		pick, from := -1, -1
		for i, a := range mine {
			list := ix.members[a]
			for heads[i] < len(list) && (contains(chosen, int(list[heads[i]])) || ix.seen[list[heads[i]]] > 0) {
				heads[i]++
				ix.steps++
			}
			if heads[i] < len(list) && (pick < 0 || int(list[heads[i]]) < pick) {
				pick, from = int(list[heads[i]]), i
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
	ix.reset()
	return best
}

// shared lists the skills of c that o also lists, in c's order. set is
// scratch space, by skill index, left empty.
func (ix *sharing) shared(c, o *Career, set []bool) []*Skill {
	for _, a := range ix.skills[o.rank] {
		set[a] = true
	}
	var out []*Skill
	for i, a := range ix.authored[c.rank] {
		if set[a] {
			out = append(out, c.Skills[i])
		}
	}
	for _, a := range ix.skills[o.rank] {
		set[a] = false
	}
	return out
}
