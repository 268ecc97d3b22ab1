package main

import (
	"context"
	"fmt"
	"io"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/build"
)

// checkCommand is `careerguide check`.
type checkCommand struct {
	stdout, stderr io.Writer
}

const checkUsage = `
Usage: careerguide check [flags]

Validates every content file and every internal link, as a build would,
and writes nothing. Exits 1 when there are errors (or, with --strict,
warnings).
`

func (c *checkCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("check", checkUsage, c.stderr)
	var sf siteFlags
	sf.register(fs, false)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	res, err := build.Run(ctx, build.Options{Source: sf.source, BaseURL: sf.baseURL, Drafts: sf.drafts, Strict: sf.strict, DryRun: true, NoMinify: true, Theme: careerguide.Theme})
	printDiags(c.stderr, res.Diags)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "ok: %d careers, %d skills, %d pages checked\n", res.Careers, res.Skills, res.Pages)
	return nil
}
