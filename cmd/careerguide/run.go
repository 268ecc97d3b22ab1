package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/careerguide/careerguide/internal/build"
	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/output"
	"github.com/careerguide/careerguide/internal/parse"
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

	init      start a new site in a folder
	build     build the site into public/
	serve     build, serve on localhost and rebuild on every change
	check     validate content and internal links, write nothing
	new       start a new career page
	theme     copy the built-in theme into the site, to edit it
	version   print the version

Run 'careerguide <command> -h' for a command's flags.
`

// commands are the subcommands' names, for did-you-mean.
var commands = []string{"init", "build", "serve", "check", "new", "theme", "version", "help"}

// run dispatches to a subcommand and returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, mainUsage)
		return exitUsage
	}
	var cmd command
	switch args[0] {
	case "init":
		cmd = &initCommand{stdout: stdout, stderr: stderr}
	case "build":
		cmd = &buildCommand{stdout: stdout, stderr: stderr}
	case "check":
		cmd = &checkCommand{stdout: stdout, stderr: stderr}
	case "new":
		cmd = &newCommand{stdout: stdout, stderr: stderr}
	case "serve":
		cmd = &serveCommand{stdout: stdout, stderr: stderr}
	case "theme":
		cmd = &themeCommand{stdout: stdout, stderr: stderr}
	case "version":
		cmd = &versionCommand{stdout: stdout, stderr: stderr}
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, mainUsage)
		return exitOK
	default:
		hint := ""
		if near, ok := diag.Nearest(args[0], commands); ok {
			hint = fmt.Sprintf(" (did you mean %s?)", near)
		}
		fmt.Fprintf(stderr, "careerguide: unknown command %q%s; run 'careerguide -h' to see every command\n", args[0], hint)
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
	default:
		fmt.Fprintf(stderr, "careerguide %s: %v\n", args[0], err)
		return exitContent
	}
}

// flagSet is a subcommand's flags and usage text. Parse errors are not
// printed by the flag package: Parse returns them as one usage error.
type flagSet struct {
	*flag.FlagSet
	usage string
	w     io.Writer
}

// newFlagSet returns the flag set of the subcommand name, whose -h prints
// usage to w.
func newFlagSet(name, usage string, w io.Writer) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &flagSet{FlagSet: fs, usage: usage, w: w}
}

// printUsage prints the usage text and every flag.
func (fs *flagSet) printUsage() {
	fmt.Fprint(fs.w, strings.TrimLeft(fs.usage, "\n"))
	if hasFlags(fs.FlagSet) {
		fmt.Fprintln(fs.w, "\nFlags:")
		fs.SetOutput(fs.w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// Parse parses args. -h prints the usage and returns flag.ErrHelp; any
// other mistake is a one-line usage error that says how to see the flags.
func (fs *flagSet) Parse(args []string) error {
	err := fs.FlagSet.Parse(args)
	if err == nil {
		return nil
	}
	if errors.Is(err, flag.ErrHelp) {
		fs.printUsage()
		return err
	}
	return &usageError{fmt.Sprintf("%s; run 'careerguide %s -h' to see every flag", fs.explain(err), fs.Name())}
}

// explain words a flag package error, with a did-you-mean for an unknown
// flag.
func (fs *flagSet) explain(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		sort.Strings(names)
		if near, ok := diag.Nearest(name, names); ok {
			return fmt.Sprintf("unknown flag --%s (did you mean --%s?)", name, near)
		}
		return fmt.Sprintf("unknown flag --%s", name)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return fmt.Sprintf("flag --%s needs a value", name)
	}
	if m := invalidValue.FindStringSubmatch(msg); m != nil {
		value, name, why := m[1], m[2], m[3]
		f := fs.Lookup(name)
		switch {
		case f == nil:
		case isBool(f):
			why = "write true or false"
		case isDuration(f):
			why = "write a duration such as 20ms or 1s"
		}
		return fmt.Sprintf("invalid value %s for --%s: %s", value, name, why)
	}
	return msg
}

// invalidValue matches the flag package's error for a value it cannot
// parse: the value, the flag's name and why.
var invalidValue = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?-([^:]+): (.*)$`)

// isDuration reports whether f takes a duration, as its default shows.
func isDuration(f *flag.Flag) bool {
	_, err := time.ParseDuration(f.DefValue)
	return err == nil
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// noArgs is the usage error for arguments a command does not take.
func noArgs(fs *flagSet) error {
	if fs.NArg() == 0 {
		return nil
	}
	if !hasFlags(fs.FlagSet) {
		return &usageError{fmt.Sprintf("unexpected argument %q: %s takes no arguments", fs.Arg(0), fs.Name())}
	}
	return &usageError{fmt.Sprintf("unexpected argument %q: %s takes only flags; run 'careerguide %s -h' to see them", fs.Arg(0), fs.Name(), fs.Name())}
}

// checkSource is the usage error for a --source that is not a folder.
func checkSource(source string) error {
	st, err := os.Stat(source)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return &usageError{fmt.Sprintf("--source %s: there is no such folder; give the site folder, the one holding content/, or start a site there with 'careerguide init %s'", source, source)}
	case err != nil:
		return err
	case !st.IsDir():
		return &usageError{fmt.Sprintf("--source %s is a file, not a folder; give the site folder, the one holding content/", source)}
	}
	return nil
}

// validate checks the shared flags before a build: --source is a folder,
// --base-url is a base URL and, when withOut, --out is a folder a build
// may write. Each mistake is a usage error.
func (f *siteFlags) validate(withOut bool) error {
	if err := checkSource(f.source); err != nil {
		return err
	}
	if f.baseURL != "" {
		if _, err := parse.BaseURL(f.baseURL); err != nil {
			return &usageError{"--base-url: " + err.Error()}
		}
	}
	if withOut {
		out := f.out
		if out == "" {
			out = filepath.Join(f.source, "public")
		}
		if err := output.Check(out, f.source); err != nil {
			return &usageError{err.Error()}
		}
	}
	return nil
}

// contentError is the error of a run whose content has errors, for the
// commands that write nothing anyway.
func contentError(res *build.Result) error {
	n, _ := res.Diags.Count()
	return fmt.Errorf("%w: %d found", build.ErrContent, n)
}
