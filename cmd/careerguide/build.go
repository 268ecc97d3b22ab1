package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
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

func (f *siteFlags) register(fs *flag.FlagSet, withOut bool) {
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
	watchFlag := fs.Bool("watch", false, "keep running and rebuild on every change, with no server")
	force := fs.Bool("force", false, "overwrite files in --out that no earlier build of this site recorded")
	debounce := fs.Duration("debounce", 20*time.Millisecond, "with --watch, how long the folder must be quiet before a rebuild")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
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
		NoMinify: *noMinify, Strict: sf.strict, Force: *force, Theme: careerguide.Theme,
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
		fmt.Fprintf(c.stdout, "built %d pages (%d careers, %d skills) in %s → %s (%d written, %d unchanged, %d removed)\n",
			res.Pages, res.Careers, res.Skills, res.Duration.Round(1e5), res.Out,
			res.Stats.Written, res.Stats.Unchanged, res.Stats.Removed)
	}
	return nil
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
			what := "built"
			if len(changed) > 0 {
				what = changed[0] + " changed →"
				if len(changed) > 1 {
					what = fmt.Sprintf("%d files changed →", len(changed))
				}
			}
			fmt.Fprintf(c.stdout, "%s %d %s in %d ms\n", what, res.Rendered, plural(res.Rendered, "page", "pages"), res.Duration.Milliseconds())
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
