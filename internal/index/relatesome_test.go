package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/careerguide/careerguide/internal/model"
)

// relatedOf writes every career's related careers, with their shared
// skills and pins, for comparing two indexes.
func relatedOf(t *testing.T, s *Site) string {
	t.Helper()
	var b strings.Builder
	for _, c := range s.Careers {
		fmt.Fprintf(&b, "%s:", c.Slug)
		for _, r := range c.Related {
			if r.Career != s.CareerBySlug(r.Slug) {
				t.Fatalf("%s: related %s is not a career of its index", c.Slug, r.Slug)
			}
			fmt.Fprintf(&b, " %s(%v", r.Slug, r.Pinned)
			for _, sk := range r.Shared {
				if sk != s.SkillBySlug(sk.Slug) {
					t.Fatalf("%s: shared skill %s is not a skill of its index", c.Slug, sk.Slug)
				}
				b.WriteString(" " + sk.Slug)
			}
			b.WriteString(")")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestRelateSomeMatchesRelateAll makes random edits of one or a few
// careers (skills added and removed, titles that move, careers new and
// removed, pins) and checks, after each, that the index rebuilt from the
// last one relates every career as a fresh index does, and warns alike.
// It runs on a site where most careers share skills with many (their lists
// full) and on one where most share with few (their lists with room).
func TestRelateSomeMatchesRelateAll(t *testing.T) {
	for _, skills := range []int{60, 600} {
		t.Run(fmt.Sprint(skills, " skills"), func(t *testing.T) { relateSomeMatchesRelateAll(t, skills) })
	}
}

func relateSomeMatchesRelateAll(t *testing.T, skills int) {
	rng := rand.New(rand.NewPCG(7, 11))
	pool := make([]string, skills)
	for i := range pool {
		pool[i] = fmt.Sprintf("Skill %03d", i)
	}
	pick := func() []string {
		var out []string
		for _, i := range rng.Perm(len(pool))[:1+rng.IntN(5)] {
			out = append(out, pool[i])
		}
		return out
	}
	var cs []*model.Career
	next := 0
	add := func() {
		c := career(fmt.Sprintf("c%03d", next), fmt.Sprintf("Career %03d", rng.IntN(1000)), pick()...)
		next++
		cs = append(cs, c)
	}
	for range 400 {
		add()
	}
	cfg := model.Config{Currency: "USD", Paginate: 50}
	prev, _, _ := Rebuild(context.Background(), nil, cfg, slices.Clone(cs), nil, nil, nil)
	some, unknown := 0, ""
	for step := range 300 {
		i := rng.IntN(len(cs))
		k := rng.IntN(7)
		switch step % 40 {
		case 0: // a pin that names no career, until the next step
			k, unknown = 6, cs[i].Slug
		case 1:
			k, i = 8, slices.IndexFunc(cs, func(c *model.Career) bool { return c.Slug == unknown })
			if i < 0 {
				continue
			}
		}
		c := *cs[i] // a new parse of the file
		switch k {
		case 0, 7:
			c.Skills = append(slices.Clone(c.Skills), pool[rng.IntN(len(pool))])
			c.Skills = slices.Compact(c.Skills)
		case 1:
			if len(c.Skills) > 1 {
				c.Skills = c.Skills[1:]
			}
		case 2:
			c.Title = fmt.Sprintf("Career %03d", rng.IntN(1000)) // most likely moves
		case 3:
			add()
		case 4:
			if len(cs) > 50 {
				cs = slices.Delete(cs, i, i+1)
				goto build
			}
		case 5:
			c.Related = []string{cs[rng.IntN(len(cs))].Slug}
			c.Pos.Related = []model.Pos{{Line: 9, Col: 3}}
		case 6:
			c.Related = []string{"nobody-" + fmt.Sprint(step%3)} // names no career
			c.Pos.Related = []model.Pos{{Line: 9, Col: 3}}
		case 9:
			c.Salary.Max += 1000 // nothing related careers follow from
		case 8:
			c.Related, c.Pos.Related = nil, nil
		}
		cs[i] = &c
	build:
		got, gotDs, _ := Rebuild(context.Background(), prev, cfg, slices.Clone(cs), nil, nil, nil)
		if got.someFrom == prev.gen {
			some++
		}
		want, wantDs, _ := Rebuild(context.Background(), nil, cfg, slices.Clone(cs), nil, nil, nil)
		if gotDs.String() != wantDs.String() {
			t.Fatalf("step %d: rebuilt index reports\n%s\nwant\n%s", step, gotDs, wantDs)
		}
		if g, w := relatedOf(t, got), relatedOf(t, want); g != w {
			t.Fatalf("step %d: related careers differ from a fresh index's:\n%s\nwant\n%s", step, g, w)
		}
		// A career said to keep its related careers has the list it had.
		lines := map[string]string{}
		for _, l := range strings.Split(relatedOf(t, prev), "\n") {
			lines[strings.SplitN(l, ":", 2)[0]] = l
		}
		for _, l := range strings.Split(relatedOf(t, got), "\n") {
			if slug := strings.SplitN(l, ":", 2)[0]; slug != "" && got.SameRelated(prev, slug) && lines[slug] != l {
				t.Fatalf("step %d: %s keeps its related careers, but they were\n%s\nand are\n%s", step, slug, lines[slug], l)
			}
		}
		prev = got
	}
	t.Logf("%d of 300 edits related again in part", some)
	if some < 50 {
		t.Errorf("only %d of 300 edits were related again in part", some)
	}
}
