package index

import (
	"cmp"
	"slices"

	"github.com/careerguide/careerguide/internal/model"
)

// order makes the top lists; BySalary is made with the skills.
func (s *Site) order() {
	s.TopPaying = top(s.BySalary)
	s.TopPayingTies = ties(s.BySalary, func(a, b *Career) bool { return a.mid == b.mid })
	byDemand := byLevel(s.BySalary, func(c *Career) model.Level { return model.VeryHigh - c.Demand })
	s.TopDemand = top(byDemand)
	s.TopDemandTies = ties(byDemand, func(a, b *Career) bool { return a.Demand == b.Demand })
	byAI := byLevel(byDemand, func(c *Career) model.Level { return c.AIImpact })
	s.LowestAI = top(byAI)
	s.LowestAITies = ties(byAI, func(a, b *Career) bool { return a.AIImpact == b.AIImpact })
}

// byLevel returns cs sorted by level, lowest first, stably: a level has
// a handful of values, so the careers are counted into a slot each
// instead of compared. A level out of that range is sorted by
// comparison.
func byLevel(cs []*Career, level func(*Career) model.Level) []*Career {
	const slots = model.VeryHigh + 1
	var at [slots + 1]int
	for _, c := range cs {
		l := level(c)
		if l < 0 || l >= slots {
			out := slices.Clone(cs)
			slices.SortStableFunc(out, func(a, b *Career) int { return cmp.Compare(level(a), level(b)) })
			return out
		}
		at[l+1]++
	}
	for l := 1; l <= int(slots); l++ {
		at[l] += at[l-1]
	}
	out := make([]*Career, len(cs))
	for _, c := range cs {
		l := level(c)
		out[at[l]] = c
		at[l]++
	}
	return out
}

// ties counts the careers after the first TopN of a sorted list that are
// the same as the last of them.
func ties(cs []*Career, same func(a, b *Career) bool) int {
	n := 0
	for i := TopN; i < len(cs) && same(cs[TopN-1], cs[i]); i++ {
		n++
	}
	return n
}

func top(cs []*Career) []*Career {
	if len(cs) > TopN {
		cs = cs[:TopN]
	}
	return append([]*Career(nil), cs...)
}

// byPay orders careers by their typical yearly pay (the median where one
// is given, else the middle of the range), highest first, then A–Z.
func byPay(a, b *Career) int {
	switch {
	case a.mid > b.mid:
		return -1
	case a.mid < b.mid:
		return 1
	}
	return a.rank - b.rank
}
