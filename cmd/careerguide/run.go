package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/careerguide/careerguide/internal/build"
)

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1 // content errors or a failed run
	exitUsage   = 2
)

// command is one subcommand.
type command interface {
	Run(ctx context.Context, args []string) error
}

// usageError is a mistake on the command line: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

const mainUsage = `careerguide builds career-guide websites from Markdown.

Usage:

	careerguide <command> [flags]

Commands:

	build     build the site into public/
	serve     build, serve on localhost and rebuild on every change
	check     validate content and internal links, write nothing
	new       start a new career page
	version   print the version

Run 'careerguide <command> -h' for a command's flags.
`

// run dispatches to a subcommand and returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, mainUsage)
		return exitUsage
	}
	var cmd command
	switch args[0] {
	case "build":
		cmd = &buildCommand{stdout: stdout, stderr: stderr}
	case "check":
		cmd = &checkCommand{stdout: stdout, stderr: stderr}
	case "new":
		cmd = &newCommand{stdout: stdout, stderr: stderr}
	case "serve":
		cmd = &serveCommand{stdout: stdout, stderr: stderr}
	case "version":
		cmd = &versionCommand{stdout: stdout}
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, mainUsage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "careerguide: unknown command %q\n\n%s", args[0], mainUsage)
		return exitUsage
	}
	err := cmd.Run(ctx, args[1:])
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "careerguide %s: %s\n", args[0], ue.msg)
		return exitUsage
	case errors.Is(err, build.ErrContent):
		fmt.Fprintf(stderr, "careerguide %s: %v\n", args[0], err)
		return exitContent
	default:
		fmt.Fprintf(stderr, "careerguide %s: %v\n", args[0], err)
		return exitContent
	}
}

// newFlagSet returns a flag set that prints usage to w and reports
// mistakes as usage errors.
func newFlagSet(name, usage string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprint(w, strings.TrimLeft(usage, "\n"))
		fmt.Fprintln(w, "\nFlags:")
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &usageError{err.Error()}
	}
	return nil
}
