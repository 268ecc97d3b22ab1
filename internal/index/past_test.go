package index

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"testing"
	"weak"

	"github.com/careerguide/careerguide/internal/model"
)

// TestSitesLetTheirPastGo: a site indexed from an earlier one (Rebuild's
// prev) does not keep it alive. serve indexes the site again at every
// edit, and a chain of every index since it started would grow without
// end (3.8 GB after 200 edits of 10,000 careers). The edits take each way
// of using prev: the same careers (related careers taken whole) and a
// skill added (related careers found again for the careers it reaches).
func TestSitesLetTheirPastGo(t *testing.T) {
	var cs []*model.Career
	for i := range 40 {
		cs = append(cs, career(fmt.Sprintf("c%02d", i), fmt.Sprintf("Career %02d", i), fmt.Sprintf("S%d", i%5), fmt.Sprintf("T%d", i%7)))
	}
	cfg := model.Config{Currency: "USD", Paginate: 10}
	s, _, err := Rebuild(context.Background(), nil, cfg, slices.Clone(cs), nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var past []weak.Pointer[Site]
	took := true // every site took its related careers from the one before
	for step := range 4 {
		if step%2 == 1 {
			c := *cs[step]
			c.Skills = append(slices.Clone(c.Skills), "U")
			cs[step] = &c
		}
		past = append(past, weak.Make(s))
		prev := s
		if s, _, err = Rebuild(context.Background(), prev, cfg, slices.Clone(cs), nil, nil, nil); err != nil {
			t.Fatal(err)
		}
		took = took && (s.SameRelations(prev) || s.SameRelated(prev, "c00"))
	}
	if !took {
		t.Fatal("a site took nothing from the one before: the test no longer tries what it is for")
	}
	runtime.GC()
	for i, p := range past {
		if p.Value() != nil {
			t.Errorf("the site of step %d is alive %d indexes later", i, len(past)-i)
		}
	}
	runtime.KeepAlive(s)
}
