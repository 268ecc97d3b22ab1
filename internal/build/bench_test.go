package build_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/build"
	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/gen"
	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/load"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/parse"
	"github.com/careerguide/careerguide/internal/render"
	"github.com/careerguide/careerguide/internal/trace"
)

var corpora sync.Map // size → folder

// corpus returns a generated site of n careers, shared by the benchmarks.
func corpus(b *testing.B, n int) string {
	if dir, ok := corpora.Load(n); ok {
		return dir.(string)
	}
	dir := filepath.Join(os.TempDir(), "careerguide-bench-"+strconv.Itoa(n))
	if _, err := os.Stat(filepath.Join(dir, "site.yaml")); err != nil {
		if err := gen.Write(dir, n, 1); err != nil {
			b.Fatal(err)
		}
	}
	corpora.Store(n, dir)
	return dir
}

func benchBuild(b *testing.B, n int, warm bool) {
	src := corpus(b, n)
	out := b.TempDir()
	for i := 0; i < b.N; i++ {
		if !warm {
			b.StopTimer()
			os.RemoveAll(out)
			b.StartTimer()
		}
		if _, err := build.Run(context.Background(), build.Options{Source: src, Out: out, Theme: careerguide.Theme}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuildCold1k(b *testing.B)  { benchBuild(b, 1000, false) }
func BenchmarkBuildWarm1k(b *testing.B)  { benchBuild(b, 1000, true) }
func BenchmarkBuildCold10k(b *testing.B) { benchBuild(b, 10000, false) }
func BenchmarkBuildWarm10k(b *testing.B) { benchBuild(b, 10000, true) }

// The stages on 1,000 careers.

func loaded(b *testing.B) *load.Source {
	src, _, err := load.Read(corpus(b, 1000), careerguide.Theme)
	if err != nil {
		b.Fatal(err)
	}
	return src
}

func parsed(b *testing.B, src *load.Source) []*model.Career {
	var cs []*model.Career
	var ds diag.List
	for _, f := range src.Content {
		data, err := f.Read()
		if err != nil {
			b.Fatal(err)
		}
		cs = append(cs, parse.Career(f.Path, data, "USD", &ds))
	}
	return cs
}

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		loaded(b)
	}
}

func BenchmarkParse(b *testing.B) {
	src := loaded(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		parsed(b, src)
	}
}

func BenchmarkIndex(b *testing.B) {
	cs := parsed(b, loaded(b))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, c := range cs {
			c.Related = c.Related[:0]
		}
		index.Build(model.Config{Currency: "USD"}, append([]*model.Career(nil), cs...), nil, nil)
	}
}

// BenchmarkReindexNewCareer: the index of 10,000 careers made again from
// the last after a career is added, and after it is removed: serve's
// index step for an edit that changes the set of careers.
func BenchmarkReindexNewCareer(b *testing.B) {
	src, _, err := load.Read(corpus(b, 10000), careerguide.Theme)
	if err != nil {
		b.Fatal(err)
	}
	cs := parsed(b, src)
	extra := *cs[len(cs)/2]
	extra.Source, extra.Slug, extra.Title = "content/careers/zz-new.md", "zz-new", "Zz New "+extra.Title
	cfg := model.Config{Currency: "USD"}
	cfg.Defaults()
	prev, _, err := index.Rebuild(context.Background(), nil, cfg, slices.Clone(cs), nil, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		list := slices.Clone(cs)
		if i%2 == 0 {
			list = append(list, &extra)
		}
		if prev, _, err = index.Rebuild(context.Background(), prev, cfg, list, nil, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderCareer(b *testing.B) {
	src := loaded(b)
	site, _ := index.Build(model.Config{Title: "T", Currency: "USD"}, parsed(b, src), nil, nil)
	theme, err := render.NewTheme(src.Templates, src.Static, true)
	if err != nil {
		b.Fatal(err)
	}
	cache := trace.NewCache()
	r := render.New(site, theme, cache, render.Options{Minify: true}, nil)
	cache.Begin(r.Values(), nil)
	var careerJobs []render.Job
	for _, j := range r.Jobs() {
		if j.Kind == render.KindCareer {
			careerJobs = append(careerJobs, j)
		}
	}
	w, err := r.NewWorker()
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := w.Render(careerJobs[i%len(careerJobs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// serving starts a serve session on 10,000 careers and names the career
// file the edit benchmarks change: relative, absolute, and its bytes.
func serving(b *testing.B) (*build.Session, string, string, []byte) {
	src := corpus(b, 10000)
	s := build.NewSession(build.Options{Source: src, Out: b.TempDir(), LiveReload: true, Private: true, Theme: careerguide.Theme})
	if _, err := s.Build(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	file := "content/careers/cloud-engineering-0.md"
	full := filepath.Join(src, file)
	orig, err := os.ReadFile(full)
	if err != nil {
		b.Fatal(err)
	}
	return s, file, full, orig
}

// BenchmarkServeBodyEdit is one body edit in `serve` on 10,000 careers:
// read the file, parse it, keep the index, render one page, write it.
func BenchmarkServeBodyEdit(b *testing.B) {
	s, file, full, orig := serving(b)
	defer os.WriteFile(full, orig, 0o644)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		os.WriteFile(full, append(orig, "\nEdit "+strconv.Itoa(i)+".\n"...), 0o644)
		res, err := s.Build(context.Background(), []string{file})
		if err != nil || res.Rendered != 1 {
			b.Fatalf("%v, rendered %d", err, res.Rendered)
		}
	}
}

// BenchmarkServeFrontmatterEdit is one salary edit in `serve` on 10,000
// careers: index again, then render the pages that show the salary.
func BenchmarkServeFrontmatterEdit(b *testing.B) {
	s, file, full, orig := serving(b)
	defer os.WriteFile(full, orig, 0o644)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		os.WriteFile(full, bytes.Replace(orig, []byte("  max: "), []byte("  max: "+strconv.Itoa(1+i%9)), 1), 0o644)
		if _, err := s.Build(context.Background(), []string{file}); err != nil {
			b.Fatal(err)
		}
	}
}
