package build

import (
	"testing"

	"github.com/careerguide/careerguide/internal/render"
	"github.com/careerguide/careerguide/internal/trace"
)

// TestAlignEntries: each job gets the entry of the last build's job of
// the same path, whatever was added or removed around it.
func TestAlignEntries(t *testing.T) {
	jobs := func(paths ...string) []render.Job {
		var out []render.Job
		for _, p := range paths {
			out = append(out, render.Job{Path: p})
		}
		return out
	}
	a, b, d := &trace.Entry{Sum: "a"}, &trace.Entry{Sum: "b"}, &trace.Entry{Sum: "d"}
	last := jobs("a", "b", "d")
	entries := []*trace.Entry{a, b, d}
	for _, tc := range []struct {
		now  []render.Job
		want []*trace.Entry
	}{
		{jobs("a", "b", "d"), []*trace.Entry{a, b, d}},
		{jobs("a", "c", "d"), []*trace.Entry{a, nil, d}},
		{jobs("0", "a", "b", "c", "d", "e"), []*trace.Entry{nil, a, b, nil, d, nil}},
		{jobs("d"), []*trace.Entry{d}},
		{nil, []*trace.Entry{}},
	} {
		got := alignEntries(tc.now, last, entries)
		if len(got) != len(tc.want) {
			t.Fatalf("%v: got %d entries, want %d", tc.now, len(got), len(tc.want))
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%v: job %s got %v, want %v", tc.now, tc.now[i].Path, got[i], tc.want[i])
			}
		}
	}
	if alignEntries(last, nil, nil) != nil {
		t.Error("with no last build, entries were matched")
	}
}
