package index

import "sort"

// SkillCount is a skill and how many careers of a category list it.
type SkillCount struct {
	*Skill
	Careers int
}

// TopSkills is how many of its most common skills a category keeps.
const TopSkills = 12

// countSkills sets the category's most common skills: those most of its
// careers list, then A–Z.
func (cat *Category) countSkills() {
	counts := map[*Skill]int{}
	for _, c := range cat.Careers {
		for i, sk := range c.Skills {
			if !listedBefore(c.Skills[:i], sk) { // a skill written twice counts once
				counts[sk]++
			}
		}
	}
	cat.Skills = make([]SkillCount, 0, len(counts))
	for sk, n := range counts {
		cat.Skills = append(cat.Skills, SkillCount{sk, n})
	}
	sort.Slice(cat.Skills, func(i, j int) bool {
		a, b := cat.Skills[i], cat.Skills[j]
		if a.Careers != b.Careers {
			return a.Careers > b.Careers
		}
		return a.idx < b.idx
	})
	if len(cat.Skills) > TopSkills {
		cat.Skills = cat.Skills[:TopSkills:TopSkills]
	}
}

func listedBefore(list []*Skill, sk *Skill) bool {
	for _, o := range list {
		if o == sk {
			return true
		}
	}
	return false
}
