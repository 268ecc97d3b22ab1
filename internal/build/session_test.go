package build_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/build"
	"github.com/careerguide/careerguide/internal/gen"
)

// session starts a serve-style session on a copy of a generated site.
func session(t *testing.T, n int) (src string, s *build.Session, out string) {
	t.Helper()
	src = t.TempDir()
	if err := gen.Write(src, n, 3); err != nil {
		t.Fatal(err)
	}
	out = t.TempDir()
	s = build.NewSession(build.Options{Source: src, Out: out, LiveReload: true, Theme: careerguide.Theme, BaseURL: "http://127.0.0.1:9/"})
	if _, err := s.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	return src, s, out
}

func rebuild(t *testing.T, s *build.Session, changed ...string) *build.Result {
	t.Helper()
	res, err := s.Build(context.Background(), changed)
	if err != nil {
		t.Fatalf("rebuild after %v: %v\n%s", changed, err, res.Diags)
	}
	return res
}

func TestSessionRendersOnlyWhatChanged(t *testing.T) {
	src, s, _ := session(t, 40)
	file := "content/careers/data-engineering-1.md"
	full := filepath.Join(src, file)
	data, _ := os.ReadFile(full)

	// A body-only edit re-renders that page alone, every time.
	for i := 0; i < 3; i++ {
		os.WriteFile(full, append(data, fmt.Sprintf("\nMore text %d.\n", i)...), 0o644)
		if res := rebuild(t, s, file); res.Rendered != 1 {
			t.Errorf("body edit %d rendered %d files, want 1", i, res.Rendered)
		}
	}
	// Nothing changed: nothing rendered.
	if res := rebuild(t, s, file); res.Rendered != 0 {
		t.Errorf("no-op rebuild rendered %d files", res.Rendered)
	}
	// A salary edit re-renders the page and the pages that show it, not all.
	edited := bytes.Replace(data, []byte("  max: "), []byte("  max: 1"), 1)
	os.WriteFile(full, edited, 0o644)
	res := rebuild(t, s, file)
	if res.Rendered < 5 || res.Rendered > res.Files/2 {
		t.Errorf("frontmatter edit rendered %d of %d files", res.Rendered, res.Files)
	}
}

// TestSessionEqualsFullBuild applies random edits, creations, renames and
// deletions to a site and checks after each step that the session's
// output is byte for byte what a clean build writes.
func TestSessionEqualsFullBuild(t *testing.T) {
	steps := 40
	if testing.Short() {
		steps = 10
	}
	src, s, out := session(t, 30)
	r := rand.New(rand.NewSource(42))
	careers := func() []string {
		m, _ := filepath.Glob(filepath.Join(src, "content/careers/*.md"))
		return m
	}
	rel := func(p string) string { r, _ := filepath.Rel(src, p); return filepath.ToSlash(r) }
	for step := 0; step < steps; step++ {
		cs := careers()
		victim := cs[r.Intn(len(cs))]
		data, _ := os.ReadFile(victim)
		var changed []string
		var what string
		switch r.Intn(7) {
		case 0: // body edit
			what = "body edit"
			os.WriteFile(victim, append(data, fmt.Sprintf("\nStep %d adds a line.\n", step)...), 0o644)
			changed = []string{rel(victim)}
		case 1: // salary edit
			what = "salary edit"
			os.WriteFile(victim, bytes.Replace(data, []byte("  max: "), []byte(fmt.Sprintf("  max: %d", 1+r.Intn(3))), 1), 0o644)
			changed = []string{rel(victim)}
		case 2: // skills edit: take one skill from another career
			what = "skills edit"
			other, _ := os.ReadFile(cs[r.Intn(len(cs))])
			skill := strings.SplitN(strings.SplitN(string(other), "skills: [", 2)[1], ",", 2)[0]
			os.WriteFile(victim, bytes.Replace(data, []byte("skills: ["), []byte("skills: ["+skill+", "), 1), 0o644)
			changed = []string{rel(victim)}
		case 3: // create
			what = "create"
			_, page := gen.Career(int64(step), 1000+step, 30)
			name := filepath.Join(src, "content/careers", fmt.Sprintf("new-%d.md", step))
			os.WriteFile(name, page, 0o644)
			changed = []string{rel(name)}
		case 4: // rename
			what = "rename"
			name := filepath.Join(src, "content/careers", fmt.Sprintf("renamed-%d.md", step))
			os.Rename(victim, name)
			changed = []string{rel(victim), rel(name)}
		case 5: // delete
			if len(cs) < 10 {
				continue
			}
			what = "delete"
			os.Remove(victim)
			changed = []string{rel(victim)}
		case 6: // title edit, which reorders lists and changes related cards
			what = "title edit"
			os.WriteFile(victim, bytes.Replace(data, []byte("title: "), []byte(fmt.Sprintf("title: A%d ", step)), 1), 0o644)
			changed = []string{rel(victim)}
		}
		rebuild(t, s, changed...)
		fresh := t.TempDir()
		if _, err := build.Run(context.Background(), build.Options{Source: src, Out: fresh, LiveReload: true, Theme: careerguide.Theme, BaseURL: "http://127.0.0.1:9/"}); err != nil {
			t.Fatal(err)
		}
		got, want := files(t, out), files(t, fresh)
		for p := range want {
			if !bytes.Equal(got[p], want[p]) {
				t.Fatalf("step %d (%s of %s): %s differs from a clean build", step, what, rel(victim), p)
			}
		}
		for p := range got {
			if _, ok := want[p]; !ok {
				t.Fatalf("step %d (%s of %s): %s is stale", step, what, rel(victim), p)
			}
		}
	}
}
