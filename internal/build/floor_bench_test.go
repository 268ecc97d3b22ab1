package build_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/load"
	"github.com/careerguide/careerguide/internal/markdown"
	"github.com/careerguide/careerguide/internal/parse"
)

// BenchmarkFloor10k is the part of a cold build of 10,000 careers that no
// template, index or cache can change: each career file read, its
// frontmatter and YAML parsed, its Markdown converted by goldmark, and its
// body written to a file of its own in a new folder, on every processor.
// Run beside BenchmarkBuildCold10k, it says how much of a cold build is
// left for the rest to take, and how fast a build could be at best with
// the parsers the project is built on (docs/benchmarks.md).
func BenchmarkFloor10k(b *testing.B) {
	src, _, err := load.Read(corpus(b, 10000), careerguide.Theme)
	if err != nil {
		b.Fatal(err)
	}
	conv := markdown.New(markdown.Options{})
	out := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		os.RemoveAll(out)
		b.StartTimer()
		var next atomic.Int64
		var failed error
		var once sync.Once
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for {
					n := int(next.Add(1)) - 1
					if n >= len(src.Content) {
						return
					}
					if err := floorOne(conv, src.Content[n], out); err != nil {
						once.Do(func() { failed = err })
						return
					}
				}
			})
		}
		wg.Wait()
		if failed != nil {
			b.Fatal(failed)
		}
	}
}

func floorOne(conv *markdown.Converter, f load.File, out string) error {
	data, err := f.Read()
	if err != nil {
		return err
	}
	var ds diag.List
	c := parse.Career(f.Path, data, "USD", &ds)
	if c == nil {
		return fmt.Errorf("%s", ds)
	}
	res := conv.Convert(c.Source, "careers/"+c.Slug+"/", c.Body, c.BodyLine, noLinks{}, &ds)
	dir := filepath.Join(out, "careers", c.Slug)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), []byte(res.HTML), 0o644)
}

// noLinks resolves no link: the floor leaves link checks to the build.
type noLinks struct{}

func (noLinks) Content(string) (string, bool) { return "", false }
func (noLinks) Exists(string) bool            { return false }
func (noLinks) Image(string) (int, int, bool) { return 0, 0, false }
