package build_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"weak"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/build"
	"github.com/careerguide/careerguide/internal/index"
)

// TestSessionLetsOldSitesGo: a session that builds again and again, as
// serve does, keeps the index of its last build and none before it, nor
// anything that holds one: its memory stays that of one site, however
// long the author edits.
func TestSessionLetsOldSitesGo(t *testing.T) {
	src := site(t, 30, true)
	s := build.NewSession(build.Options{Source: src, Out: t.TempDir(), LiveReload: true, Private: true, Again: true, Theme: careerguide.Theme})
	first := filepath.Join(src, "content/careers", firstCareer(t, src)+".md")
	orig, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	rel, _ := filepath.Rel(src, first)
	var past []weak.Pointer[index.Site]
	for i, data := range []string{
		string(orig) + "\nA line.\n",                                     // the body
		strings.Replace(string(orig), "title: ", "title: A ", 1),         // the title, to the top of A–Z
		strings.Replace(string(orig), "skills: [", "skills: [Rust, ", 1), // a skill
		string(orig),
	} {
		if i == 0 {
			if _, err := s.Build(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
		}
		write(t, src, rel, data)
		res, err := s.Build(context.Background(), []string{rel})
		if err != nil {
			t.Fatal(err)
		}
		past = append(past, weak.Make(res.Site))
	}
	res, err := s.Build(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	for i, p := range past[:len(past)-1] {
		if p.Value() != nil && p.Value() != res.Site {
			t.Errorf("the site of build %d is alive %d builds later", i+1, len(past)-i)
		}
	}
	runtime.KeepAlive(res)
}
