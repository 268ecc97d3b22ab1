package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/build"
	"github.com/careerguide/careerguide/internal/diag"
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
	res, err := build.Run(ctx, build.Options{
		Source: sf.source, Out: sf.out, BaseURL: sf.baseURL, Drafts: sf.drafts,
		NoMinify: *noMinify, Strict: sf.strict, Theme: careerguide.Theme,
	})
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
