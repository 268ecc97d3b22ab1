package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/build"
	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/watch"
)

// buildCommand is `careerguide build`.
type buildCommand struct {
	stdout, stderr io.Writer
}

const buildUsage = `
Usage: careerguide build [flags]

Builds the site in --source into --out: career pages, skill pages, the
salary index, feeds, sitemap and JSON. A run with content errors reports
every one of them and writes nothing.
`

// siteFlags are the flags build, check and serve share.
type siteFlags struct {
	source, out, baseURL string
	drafts, strict       bool
}

func (f *siteFlags) register(fs *flagSet, withOut bool) {
	fs.StringVar(&f.source, "source", ".", "the site `folder`, holding content/ and optionally site.yaml, templates/ and static/")
	if withOut {
		fs.StringVar(&f.out, "out", "", "the output `folder` (default SOURCE/public)")
	}
	fs.StringVar(&f.baseURL, "base-url", "", "the `URL` the site is served from, such as https://example.org/guide/ (overrides site.yaml)")
	fs.BoolVar(&f.drafts, "drafts", false, "include pages marked draft: true")
	fs.BoolVar(&f.strict, "strict", false, "treat warnings as errors")
}

func (c *buildCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("build", buildUsage, c.stderr)
	var sf siteFlags
	sf.register(fs, true)
	noMinify := fs.Bool("no-minify", false, "write HTML, CSS, JS and XML as the templates produce them")
	quiet := fs.Bool("quiet", false, "print only problems")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to `file`")
	memProfile := fs.String("memprofile", "", "write a memory profile to `file` after the build")
	timings := fs.Bool("timings", false, "print how long each step of the build took")
	watchFlag := fs.Bool("watch", false, "keep running and rebuild on every change, with no server")
	force := fs.Bool("force", false, "overwrite files in --out that no earlier build of this site recorded")
	debounce := fs.Duration("debounce", watch.DefaultDebounce, "with --watch, how long the folder must be quiet before a rebuild")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if err := sf.validate(true); err != nil {
		return err
	}
	limitMemory()
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	session := build.NewSession(build.Options{
		Source: sf.source, Out: sf.out, BaseURL: sf.baseURL, Drafts: sf.drafts,
		NoMinify: *noMinify, Strict: sf.strict, Force: *force, Again: *watchFlag, Theme: careerguide.Theme,
		Waiting: func(pid int) {
			fmt.Fprintf(c.stderr, "careerguide build: waiting for another build (process %d) into the same folder to finish\n", pid)
		},
	})
	if *watchFlag {
		return c.watch(ctx, session, sf.source, *debounce, *quiet)
	}
	res, err := session.Build(ctx, nil)
	printDiags(c.stderr, res.Diags)
	if err != nil {
		return err
	}
	if *memProfile != "" {
		if err := writeHeapProfile(*memProfile); err != nil {
			return err
		}
	}
	if !*quiet {
		fmt.Fprintf(c.stdout, "built %s (%s, %s) in %s → %s (%s written, %d unchanged, %d removed)%s\n",
			pagesAndFiles(res.Pages, res.Files), count(res.Careers, "career", "careers"), count(res.Skills, "skill", "skills"),
			res.Duration.Round(1e5), res.Out, count(res.Stats.Written, "file", "files"), res.Stats.Unchanged, res.Stats.Removed, draftsLeftOut(res))
		printBaseURLNote(c.stdout, res)
	}
	if *timings {
		fmt.Fprintln(c.stdout, steps(res))
	}
	return nil
}

// steps says how long each step of a build took: "steps: read 2ms,
// parse 310ms, …".
func steps(res *build.Result) string {
	var b strings.Builder
	b.WriteString("steps:")
	for i, s := range res.Steps {
		if i > 0 {
			b.WriteByte(',')
		}
		d := s.Duration.Round(time.Millisecond)
		if d == 0 {
			fmt.Fprintf(&b, " %s 0ms", s.Name) // not "0s", which reads as a unit apart
		} else {
			fmt.Fprintf(&b, " %s %s", s.Name, d)
		}
	}
	return b.String()
}

// watch builds, then rebuilds on every change until ctx is done. A failed
// rebuild is reported and the output keeps the last good build.
func (c *buildCommand) watch(ctx context.Context, session *build.Session, source string, debounce time.Duration, quiet bool) error {
	w, err := watch.New(source, debounce)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go w.Run(ctx)
	rebuild := func(changed []string) {
		res, err := session.Build(ctx, changed)
		printDiags(c.stderr, res.Diags)
		switch {
		case err != nil:
			fmt.Fprintf(c.stderr, "careerguide build: %v\n", err)
		case !quiet:
			fmt.Fprintln(c.stdout, summary(source, changed, res))
			if changed == nil {
				printBaseURLNote(c.stdout, res)
			}
		}
	}
	rebuild(nil)
	fmt.Fprintln(c.stdout, "watching for changes (Ctrl-C to stop)")
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-w.Errors():
			fmt.Fprintf(c.stderr, "watch: %v\n", err)
		case batch := <-w.Batches():
			rebuild(batch)
		}
	}
}

// printDiags prints every diagnostic, then a count.
func printDiags(w io.Writer, ds diag.List) {
	if len(ds) == 0 {
		return
	}
	fmt.Fprint(w, ds.String())
	e, wn := ds.Count()
	fmt.Fprintf(w, "%d %s, %d %s\n", e, plural(e, "error", "errors"), wn, plural(wn, "warning", "warnings"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// count says n things: "1 career", "2 careers".
func count(n int, one, many string) string {
	return fmt.Sprintf("%d %s", n, plural(n, one, many))
}

// pagesAndFiles counts a build's output: its HTML pages, then every other
// file (assets, feeds, JSON, redirects): "11 pages and 9 other files".
func pagesAndFiles(pages, files int) string {
	s := count(pages, "page", "pages")
	if other := files - pages; other > 0 {
		s += " and " + count(other, "other file", "other files")
	}
	return s
}

// BaseURLNote is said once by a build whose site has no absolute base
// URL: the files that need one then hold paths.
const BaseURLNote = "note: with no absolute base URL, sitemap.xml, robots.txt and feed.xml hold paths where they need full URLs; set base_url in site.yaml, or pass --base-url, such as --base-url https://example.org/"

// printBaseURLNote prints BaseURLNote when the site built has no absolute
// base URL. It is a note, not a warning: --strict does not fail on it.
func printBaseURLNote(w io.Writer, res *build.Result) {
	if res.Site != nil && !res.Site.Config.AbsoluteURL() {
		fmt.Fprintln(w, BaseURLNote)
	}
}

// draftsLeftOut says how many drafts a build left out, and how to include
// them: " (2 drafts left out; --drafts includes them)", or "".
func draftsLeftOut(res *build.Result) string {
	if res.Drafts == 0 {
		return ""
	}
	return fmt.Sprintf(" (%s left out; --drafts includes %s)", count(res.Drafts, "draft", "drafts"), plural(res.Drafts, "it", "them"))
}

// summary is the line that `build --watch` and `serve` print after a
// build: the whole output after the first build, the files rendered again
// after a change.
//
//	built 11 pages and 9 other files in 40 ms
//	content/careers/a.md changed → rebuilt 3 files in 5 ms
func summary(source string, changed []string, res *build.Result) string {
	ms := res.Duration.Milliseconds()
	if changed == nil {
		return fmt.Sprintf("built %s in %d ms%s", pagesAndFiles(res.Pages, res.Files), ms, draftsLeftOut(res))
	}
	changed = lasting(source, changed)
	what := changed[0]
	if len(changed) > 1 {
		what = count(len(changed), "file", "files")
	}
	return fmt.Sprintf("%s changed → rebuilt %s in %d ms", what, count(res.Rendered, "file", "files"), ms)
}

// lasting leaves out of changed the files an editor or tool made and
// removed while saving (sed -i's sedXXXXXX, say): gone now and with no
// extension. A deleted page or asset has one, and is kept; when nothing
// would be left, changed is returned as it is.
func lasting(source string, changed []string) []string {
	var out []string
	for _, p := range changed {
		if _, err := os.Lstat(filepath.Join(source, filepath.FromSlash(p))); err == nil || path.Ext(p) != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return changed
	}
	return out
}

// limitMemory sets a soft memory limit of 900 MiB unless GOMEMLIMIT sets
// one: the garbage collector then works harder as the heap nears it, so
// a build of 100,000 careers, whose pages listing every career are large,
// stays under a gigabyte instead of letting the heap double. GOMEMLIMIT
// raises it for larger sites.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(900 << 20)
	}
}
