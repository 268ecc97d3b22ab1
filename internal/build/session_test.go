package build_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
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
