package main

import (
	"context"
	"errors"
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
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if err := sf.validate(false); err != nil {
		return err
	}
	res, err := build.Run(ctx, build.Options{Source: sf.source, BaseURL: sf.baseURL, Drafts: sf.drafts, Strict: sf.strict, DryRun: true, NoMinify: true, Theme: careerguide.Theme})
	printDiags(c.stderr, res.Diags)
	if errors.Is(err, build.ErrContent) {
		return contentError(res) // build's message says nothing was written: check never writes
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "ok: %s, %s, %s checked%s\n", count(res.Careers, "career", "careers"), count(res.Skills, "skill", "skills"), pagesAndFiles(res.Pages, res.Files), draftsLeftOut(res))
	printBaseURLNote(c.stdout, res)
	return nil
}
