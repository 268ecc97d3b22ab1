package build_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/png"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/build"
	"github.com/careerguide/careerguide/internal/gen"
	"github.com/careerguide/careerguide/internal/slug"
	"github.com/careerguide/careerguide/internal/watch"
)

var long = flag.Bool("long", false, "run the long randomized rebuild tests")

// customTemplates read the site in every way html/template allows: with,
// variables, template and block calls, index, range over lists and maps,
// function results, and fragments reused across pages.
var customTemplates = map[string]string{
	"templates/career.html": `{{template "base" .}}
{{define "main"}}
<h1>{{.Career.Title}}</h1>
<p id="with">{{with .Site}}{{range .Careers}}[{{.Title}}]{{end}}{{end}}</p>
<p id="var">{{$s := .Site}}{{range $s.Careers}}&lt;{{.Salary.Range}}&gt;{{end}}</p>
<p id="tmpl">{{template "list" .Site}}</p>
<p id="block">{{block "blk" .Site.Skills}}{{range .}}{{.Name}}:{{len .Careers}};{{end}}{{end}}</p>
<p id="index">{{with index .Site.BySalary 0}}{{.Title}} {{.Demand}}{{end}}</p>
<p id="map">{{range $k, $v := .Site.Config.Params}}{{$k}}={{$v}};{{end}}</p>
<p id="func">{{with .Site.CareerBySlug "fixed"}}{{.Title}}{{end}}|{{range .Site.Skills}}{{with $.Site.SkillBySlug .Slug}}{{.Min}}{{end}}{{end}}</p>
<p id="frag">{{partial "mini" .Career}}</p>
<p id="cats">{{range .Site.Categories}}{{.Name}}({{range .Careers}}{{.Slug}} {{end}}){{end}}</p>
<p id="rel">{{range .Career.Related}}{{.Title}}/{{.Summary}}/{{.Pinned}}/{{range .Shared}}{{.Name}}{{end}}{{end}}</p>
<p id="tops">{{range .Site.TopDemand}}{{.Title}}{{end}}{{range .Site.LowestAI}}{{.AIImpact}}{{end}}{{range .Site.TopPaying}}{{.URL}}{{end}}</p>
<p id="pages">{{range .Site.Pages}}{{.Title}}{{.Updated}}{{end}}{{range .Site.Aliases}}{{.Path}}>{{.To}}{{end}}</p>
<p id="about">{{with .Career}}{{.Summary}}{{.Updated}}{{.Aliases}}{{.Source}}{{end}}</p>
{{.Body}}
{{end}}`,
	"templates/skill.html": `{{template "base" .}}
{{define "main"}}<h1>{{.Skill.Name}}</h1><p>{{.Skill.Description}}{{.Skill.Updated}}</p>{{.Body}}{{range .Skill.Careers}}{{partial "mini" .}}{{end}}{{template "chart" .Chart}}
<p id="bars">{{range .Chart.Placed}}{{.Left}}/{{.Width}};{{end}}</p><ol>{{partials "at" .Chart.Placed}}</ol><ol>{{partials "bar" .Chart.Bars}}</ol>{{end}}`,
	"templates/extra.html": `{{define "list"}}{{range .Careers}}{{.Category}}|{{.Updated}}|{{end}}{{end}}
{{define "at"}}<li>{{.Label}} at {{.Left}}%, {{.Width}}% wide</li>{{end}}
{{define "mini"}}<span>{{.Title}}: {{range .Skills}}{{.Name}}({{range .Careers}}{{.Title}},{{end}}){{end}}</span>{{end}}`,
}

// site writes a generated site of n careers, a plain page and settings.
func site(t *testing.T, n int, custom bool) string {
	t.Helper()
	src := t.TempDir()
	// Skills from a pool of 24: a few skill pages, each listing several
	// careers, so that an edit moves careers within lists.
	if err := gen.WriteOf(src, n, 7, 24); err != nil {
		t.Fatal(err)
	}
	// Five careers a list page, so that lists have several pages.
	write(t, src, "site.yaml", "title: Test Guide\npaginate: 5\nparams:\n  a: 1\n  b: [x, y]\n")
	write(t, src, "content/about.md", "---\ntitle: About\n---\nAbout [the first](careers/"+firstCareer(t, src)+".md).\n")
	// An image beside the careers, which the first shows.
	write(t, src, "content/careers/pic.png", string(pngOf(4, 3)))
	first := filepath.Join(src, "content/careers", firstCareer(t, src)+".md")
	data, _ := os.ReadFile(first)
	write(t, src, "content/careers/"+firstCareer(t, src)+".md", string(data)+"\n![A picture](pic.png)\n")
	if custom {
		for name, text := range customTemplates {
			write(t, src, name, text)
		}
	}
	return src
}

func firstCareer(t *testing.T, src string) string {
	m, _ := filepath.Glob(filepath.Join(src, "content/careers/*.md"))
	slices.Sort(m)
	return strings.TrimSuffix(filepath.Base(m[0]), ".md")
}

func write(t *testing.T, src, rel, data string) {
	t.Helper()
	p := filepath.Join(src, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// editor changes a site at random, the way authors do, and names what it
// changed as a watcher would.
type editor struct {
	t      *testing.T
	src    string
	r      *rand.Rand
	custom bool
	order  []int // every kind of edit once, then at random
}

// editKinds is how many kinds of edit step makes.
const editKinds = 24

// pngOf is a PNG image of w×h black pixels.
func pngOf(w, h int) []byte {
	img := image.NewGray(image.Rect(0, 0, w, h))
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

var (
	titleLine  = regexp.MustCompile(`(?m)^title: (.*)$`)
	maxLine    = regexp.MustCompile(`(?m)^  max: (\d+)$`)
	minLine    = regexp.MustCompile(`(?m)^  min: (\d+)$`)
	skillsLine = regexp.MustCompile(`(?m)^skills: \[(.*)\]$`)
	catLine    = regexp.MustCompile(`(?m)^category: (.*)$`)
	sumLine    = regexp.MustCompile(`(?m)^summary: (.*)$`)
	dateLine   = regexp.MustCompile(`(?m)^updated: (.*)$`)
	demandLine = regexp.MustCompile(`(?m)^demand: (.*)$`)
	endFront   = regexp.MustCompile(`(?m)^---\n\n`)
	figures    = regexp.MustCompile(`(?m)^  median: .*\n  source: .*\n  as_of: .*\n`)
	outlook    = regexp.MustCompile(`(?m)^outlook: .*$`)
)

func (e *editor) careers() []string {
	m, _ := filepath.Glob(filepath.Join(e.src, "content/careers/*.md"))
	slices.Sort(m)
	return m
}

func (e *editor) rel(p string) string {
	r, _ := filepath.Rel(e.src, p)
	return filepath.ToSlash(r)
}

// addField puts a frontmatter line before the closing ---.
func addField(data []byte, line string) []byte {
	loc := endFront.FindIndex(data)
	if loc == nil {
		return data
	}
	return slices.Concat(data[:loc[0]], []byte(line+"\n"), data[loc[0]:])
}

// step makes one random change and returns what it was and the paths it
// touched.
func (e *editor) step(i int) (string, []string) {
	cs := e.careers()
	victim := cs[e.r.Intn(len(cs))]
	other := cs[e.r.Intn(len(cs))]
	data, _ := os.ReadFile(victim)
	save := func(what string, b []byte) (string, []string) {
		os.WriteFile(victim, b, 0o644)
		return what, []string{e.rel(victim)}
	}
	otherSlug := strings.TrimSuffix(filepath.Base(other), ".md")
	if e.order == nil {
		e.order = e.r.Perm(editKinds)
	}
	kind := e.r.Intn(editKinds)
	if i < len(e.order) {
		kind = e.order[i]
	}
	switch kind {
	case 0:
		return save("body edit", append(data, fmt.Sprintf("\nStep %d adds a line.\n", i)...))
	case 1:
		lo := minLine.FindSubmatch(data)
		return save("salary edit", maxLine.ReplaceAll(data, []byte(fmt.Sprintf("  max: %s%d", lo[1], e.r.Intn(9)))))
	case 2:
		return save("title edit in place", titleLine.ReplaceAll(data, []byte("title: $1 Prime")))
	case 3:
		return save("title edit that reorders", titleLine.ReplaceAll(data, []byte(fmt.Sprintf("title: A%d $1", i))))
	case 4:
		od, _ := os.ReadFile(other)
		skill := strings.Split(string(skillsLine.FindSubmatch(od)[1]), ", ")[0]
		return save("skill added", skillsLine.ReplaceAll(data, []byte("skills: [$1, "+skill+"]")))
	case 5:
		skills := strings.Split(string(skillsLine.FindSubmatch(data)[1]), ", ")
		if len(skills) < 2 {
			return save("body edit", append(data, "\nMore.\n"...))
		}
		return save("skill removed", skillsLine.ReplaceAll(data, []byte("skills: ["+strings.Join(skills[1:], ", ")+"]")))
	case 6:
		cats := []string{"Data and AI", "Security", "New Things"}
		return save("category edit", catLine.ReplaceAll(data, []byte("category: "+cats[e.r.Intn(len(cats))])))
	case 7:
		return save("summary edit", sumLine.ReplaceAll(data, []byte(fmt.Sprintf("summary: Summary number %d.", i))))
	case 8:
		return save("date edit", dateLine.ReplaceAll(data, []byte(fmt.Sprintf("updated: 2026-%02d-%02d", 1+e.r.Intn(11), 1+e.r.Intn(28)))))
	case 9:
		levels := []string{"Low", "Moderate", "High", "Very High"}
		return save("demand edit", demandLine.ReplaceAll(data, []byte("demand: "+levels[e.r.Intn(4)])))
	case 10:
		_, page := gen.Career(int64(i), 1000+i, 30)
		name := filepath.Join(e.src, "content/careers", fmt.Sprintf("new-%d.md", i))
		os.WriteFile(name, page, 0o644)
		return "new career", []string{e.rel(name)}
	case 11:
		name := filepath.Join(e.src, "content/careers", fmt.Sprintf("renamed-%d.md", i))
		os.Rename(victim, name)
		return "rename", []string{e.rel(victim), e.rel(name)}
	case 12:
		if len(cs) < 8 {
			return save("body edit", append(data, "\nMore.\n"...))
		}
		os.Remove(victim)
		return "delete", []string{e.rel(victim)}
	case 13:
		if bytes.Contains(data, []byte("\ndraft: true\n")) {
			return save("draft removed", bytes.Replace(data, []byte("\ndraft: true\n"), []byte("\n"), 1))
		}
		return save("draft set", addField(data, "draft: true"))
	case 14:
		if bytes.Contains(data, []byte("\naliases:")) {
			return save("body edit", append(data, "\nMore.\n"...))
		}
		return save("alias added", addField(data, fmt.Sprintf("aliases: [/old-%d/]", i)))
	case 15:
		if bytes.Contains(data, []byte("\nrelated:")) || other == victim {
			return save("body edit", append(data, "\nMore.\n"...))
		}
		return save("related pinned", addField(data, "related: ["+otherSlug+"]"))
	case 16:
		target := []string{otherSlug + ".md", "missing-" + fmt.Sprint(i) + ".md", "/skills/", "/nowhere/"}[e.r.Intn(4)]
		return save("link added", append(data, fmt.Sprintf("\nSee [this](%s).\n", target)...))
	case 17:
		write(e.t, e.src, "site.yaml", fmt.Sprintf("title: Guide %d\npaginate: %d\nparams:\n  a: %d\n  b: [x, y]\n", i%3, 4+i%3, e.r.Intn(3)))
		return "site.yaml edit", []string{"site.yaml"}
	case 18:
		write(e.t, e.src, "content/about.md", fmt.Sprintf("---\ntitle: About %d\n---\nAbout [it](careers/%s.md).\n", i%2, otherSlug))
		return "page edit", []string{"content/about.md"}
	case 19:
		lo, hi := minLine.FindSubmatch(data), maxLine.FindSubmatch(data)
		if lo == nil || hi == nil {
			return save("body edit", append(data, "\nMore.\n"...))
		}
		a, _ := strconv.Atoi(string(lo[1]))
		b, _ := strconv.Atoi(string(hi[1]))
		figs := fmt.Sprintf("  median: %d\n  source: {name: Survey %d, url: 'https://example.org/s%d'}\n  as_of: 2024-%02d\n", (a+b)/2+e.r.Intn(9), i%2, e.r.Intn(3), 1+e.r.Intn(12))
		if figures.Match(data) {
			return save("median, source or date edit", figures.ReplaceAll(data, []byte(figs)))
		}
		return save("median, source and date added", maxLine.ReplaceAllFunc(data, func(m []byte) []byte { return slices.Concat(m, []byte("\n"+strings.TrimSuffix(figs, "\n"))) }))
	case 20:
		line := fmt.Sprintf("outlook: {growth_percent: %d, period: 2024–2034, source: {name: Survey %d, url: 'https://example.org/o'}}", e.r.Intn(30)-5, i%2)
		if outlook.Match(data) {
			if e.r.Intn(3) == 0 {
				return save("outlook removed", outlook.ReplaceAll(data, []byte("soc: 15-1252")))
			}
			return save("outlook edit", outlook.ReplaceAll(data, []byte(line)))
		}
		return save("outlook added", addField(data, line))
	case 21:
		// A page about one of the career's skills: written, changed, or
		// removed; or about a skill no career lists.
		skill := strings.Split(string(skillsLine.FindSubmatch(data)[1]), ", ")[0]
		name := "content/skills/" + slug.Make(skill) + ".md"
		if e.r.Intn(4) == 0 {
			name = "content/skills/unlisted.md"
		}
		if _, err := os.Stat(filepath.Join(e.src, name)); err == nil && e.r.Intn(3) == 0 {
			os.Remove(filepath.Join(e.src, name))
			return "skill page removed", []string{name}
		}
		write(e.t, e.src, name, fmt.Sprintf("---\ndescription: About it, take %d.\n---\n## What it is\n\nStep %d. See [the career](../careers/%s.md).\n", i%2, i, otherSlug))
		return "skill page written", []string{name}
	case 22:
		name := filepath.Join(e.src, "content/careers/pic.png")
		os.WriteFile(name, pngOf(1+e.r.Intn(40), 1+e.r.Intn(40)), 0o644)
		return "image beside a career replaced", []string{e.rel(name)}
	default:
		if e.custom {
			text := strings.Replace(customTemplates["templates/extra.html"], "<span>", fmt.Sprintf("<span data-v=\"%d\">", i%3), 1)
			write(e.t, e.src, "templates/extra.html", text)
			return "template edit", []string{"templates/extra.html"}
		}
		name := []string{"static/assets/extra.css", "static/assets/custom.css"}[e.r.Intn(2)]
		write(e.t, e.src, name, fmt.Sprintf("p{margin:%dpx}", i%3))
		return "static edit", []string{name}
	}
}

// clean builds src from nothing into a new folder and returns its files
// and diagnostics.
func clean(t *testing.T, src string, live bool) (map[string][]byte, []string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	res, err := build.Run(context.Background(), build.Options{Source: src, Out: out, LiveReload: live, State: t.TempDir(),
		Theme: careerguide.Theme, BaseURL: "http://127.0.0.1:9/"})
	if err != nil {
		t.Fatalf("clean build: %v\n%s", err, res.Diags)
	}
	return files(t, out), diagLines(res, out)
}

func diagLines(res *build.Result, out string) []string {
	var lines []string
	for _, d := range res.Diags {
		if d.Path != out {
			lines = append(lines, d.String())
		}
	}
	return lines
}

// driver builds a site again after each change, as one of careerguide's
// ways of rebuilding does.
type driver struct {
	out   string
	live  bool
	build func(changed []string) (*build.Result, error)
	stop  func()
}

func newDriver(t *testing.T, kind, src string) *driver {
	out := filepath.Join(t.TempDir(), "out")
	state := t.TempDir()
	opts := build.Options{Source: src, Out: out, Theme: careerguide.Theme, BaseURL: "http://127.0.0.1:9/", State: state}
	d := &driver{out: out, stop: func() {}}
	switch kind {
	case "serve": // a private folder, the changed paths as the watcher names them
		os.MkdirAll(out, 0o755)
		opts.Private, opts.LiveReload, opts.Again, d.live = true, true, true, true
		s := build.NewSession(opts)
		d.build = func(changed []string) (*build.Result, error) { return s.Build(context.Background(), changed) }
	case "session": // a session without Again
		s := build.NewSession(opts)
		d.build = func(changed []string) (*build.Result, error) { return s.Build(context.Background(), changed) }
	case "oneoff": // `careerguide build` again and again: a new process each time
		d.build = func([]string) (*build.Result, error) { return build.Run(context.Background(), opts) }
	case "watch": // `build --watch`: the real watcher's batches
		opts.Again = true
		s := build.NewSession(opts)
		w, err := watch.New(src, 5*time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		go w.Run(ctx)
		d.stop = cancel
		d.build = func(changed []string) (*build.Result, error) {
			if changed == nil {
				return s.Build(ctx, nil)
			}
			want := map[string]bool{}
			for _, p := range changed {
				want[p] = true
			}
			var batch []string
			deadline := time.After(20 * time.Second)
			for len(want) > 0 {
				select {
				case b := <-w.Batches():
					batch = append(batch, b...)
					for _, p := range b {
						delete(want, p)
					}
				case <-deadline:
					t.Fatalf("the watcher never reported %v", want)
				}
			}
			return s.Build(ctx, batch)
		}
	}
	return d
}

func runRebuilds(t *testing.T, kind string, custom bool, steps int, seed int64) {
	src := site(t, 16, custom)
	d := newDriver(t, kind, src)
	defer d.stop()
	if _, err := d.build(nil); err != nil {
		t.Fatal(err)
	}
	e := &editor{t: t, src: src, r: rand.New(rand.NewSource(seed)), custom: custom}
	for i := 0; i < steps; i++ {
		what, changed := e.step(i)
		res, err := d.build(changed)
		if err != nil {
			t.Fatalf("step %d (%s): %v\n%s", i, what, err, res.Diags)
		}
		want, wantDiags := clean(t, src, d.live)
		got := files(t, d.out)
		for p := range want {
			if !bytes.Equal(got[p], want[p]) {
				t.Fatalf("step %d (%s of %v): %s differs from a clean build\ngot:  %.300q\nwant: %.300q", i, what, changed, p, got[p], want[p])
			}
		}
		for p := range got {
			if _, ok := want[p]; !ok {
				t.Fatalf("step %d (%s of %v): %s is stale", i, what, changed, p)
			}
		}
		if gotDiags := diagLines(res, d.out); !slices.Equal(gotDiags, wantDiags) {
			t.Fatalf("step %d (%s): diagnostics differ from a clean build's\ngot:  %q\nwant: %q", i, what, gotDiags, wantDiags)
		}
	}
}

// TestRebuildsEqualCleanBuilds applies random edits, creations, renames
// and deletions, and checks after each that the output and diagnostics
// are byte for byte what a clean build gives: through a serve session,
// through build --watch and its watcher, and through one-off builds, with
// the default theme and with one that reads the site every way it can.
func TestRebuildsEqualCleanBuilds(t *testing.T) {
	// Every kind of edit once per combination; -long (CI) adds random
	// ones after them.
	steps := editKinds
	if *long {
		steps = 80
	}
	kinds := []string{"serve", "watch"}
	if *long {
		// One-off builds (build, change, build), which read the state
		// back from disk at each step: the slowest of the drivers, kept
		// out of the default run so that go test ./... stays under a
		// minute on two cores. And a session that was not told more
		// builds follow (Options.Again), as no command makes one: its
		// cache makes the reverse index whole in the first edit, and
		// keeps fragments from their second use.
		kinds = append(kinds, "oneoff", "session")
	}
	for _, theme := range []string{"default", "custom"} {
		for k, kind := range kinds {
			t.Run(theme+"/"+kind, func(t *testing.T) {
				t.Parallel()
				// A seed of its own for each theme and driver.
				runRebuilds(t, kind, theme == "custom", steps, int64(len(theme)*7+k))
			})
		}
	}
}
