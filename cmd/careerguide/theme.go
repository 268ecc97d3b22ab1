package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/output"
)

// themeCommand is `careerguide theme`.
type themeCommand struct {
	stdout, stderr io.Writer
}

const themeUsage = `
Usage: careerguide theme [flags]

Copies the built-in theme's templates/ and static/ into the site in
--source, to edit them there. The site builds exactly as before until a
file is changed. A file you delete comes from the built-in theme again, so
keep only the files you change. A file the site already has is not
replaced unless --force.
`

func (c *themeCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("theme", themeUsage, c.stderr)
	source := fs.String("source", ".", "the site `folder` to copy the theme into")
	force := fs.Bool("force", false, "replace files the site already has with the built-in theme's")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if err := checkSource(*source); err != nil {
		return err
	}
	theme := careerguide.Theme
	var files, clash []string
	err := iofs.WalkDir(theme, ".", func(p string, d iofs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files = append(files, p)
		if _, err := os.Lstat(filepath.Join(*source, filepath.FromSlash(p))); err == nil {
			clash = append(clash, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(clash) > 0 && !*force {
		return &usageError{fmt.Sprintf("the site already has %s of the theme's: %s; move %s aside to copy the built-in %s, or add --force to replace %s",
			count(len(clash), "file", "files"), strings.Join(clash, ", "), plural(len(clash), "it", "them"), plural(len(clash), "one", "ones"), plural(len(clash), "it", "them"))}
	}
	counts := map[string]int{}
	for _, p := range files {
		data, err := iofs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		name := filepath.Join(*source, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		if err := writeFile(name, data, *force); err != nil {
			return err
		}
		top, _, _ := strings.Cut(p, "/")
		counts[top]++
	}
	fmt.Fprintf(c.stdout, "copied the built-in theme into %s: %s in templates/ and %s in static/\n",
		*source, count(counts["templates"], "file", "files"), count(counts["static"], "file", "files"))
	fmt.Fprintln(c.stdout, "Edit them there, and delete the ones you leave unchanged: a missing file comes from the built-in theme.")
	return nil
}

// writeFile writes a new file, or with replace one that may exist, whole
// or not at all.
func writeFile(name string, data []byte, replace bool) error {
	if replace {
		return output.WriteAtomic(name, data)
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, iofs.ErrExist) {
		return fmt.Errorf("%s appeared while the theme was being copied; run theme again", name)
	}
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}
