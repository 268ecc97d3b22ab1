package main

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// skeleton is the site `init` writes. gitignore is written as .gitignore;
// YYYY-MM-DD in the example career becomes the day of the init, and
// YYYY-MM its month.
//
//go:embed skeleton
var skeleton embed.FS

// initCommand is `careerguide init`.
type initCommand struct {
	stdout, stderr io.Writer
	now            func() time.Time
}

const initUsage = `
Usage: careerguide init [flags] DIR

Starts a new site in DIR that builds at once: site.yaml with every
setting explained, an example career in content/careers/ with every field,
and a .gitignore for the output and the build state. DIR is made when it
does not exist; a folder that holds anything is refused unless --force.
init never overwrites a file.
`

// skeletonFile is one file init writes, at a slash path in the new site.
type skeletonFile struct {
	path string
	data []byte
}

// gitignore is the .gitignore init writes, one pattern a line.
const gitignore = ".gitignore"

func (c *initCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("init", initUsage, c.stderr)
	force := fs.Bool("force", false, "add the site to a folder that already holds files (none is overwritten)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch fs.NArg() {
	case 0:
		return &usageError{"missing DIR, the folder for the new site, as in: careerguide init my-guide"}
	case 1:
	default:
		return &usageError{fmt.Sprintf("init takes one folder, not %d arguments (%s); flags go before DIR", fs.NArg(), strings.Join(fs.Args(), " "))}
	}
	dir := fs.Arg(0)
	now := time.Now
	if c.now != nil {
		now = c.now
	}
	files, err := skeletonFiles(now())
	if err != nil {
		return err
	}
	if err := c.refuse(dir, files, *force); err != nil {
		return err
	}
	var wrote []string
	for _, f := range files {
		note, err := writeNew(dir, f)
		if err != nil {
			return err
		}
		wrote = append(wrote, f.path+note)
	}
	fmt.Fprintf(c.stdout, "created a site in %s: %s\nNext, run:\n", dir, strings.Join(wrote, ", "))
	if !sameFolder(dir, ".") {
		fmt.Fprintf(c.stdout, "  cd %s\n", shellQuote(dir))
	}
	fmt.Fprintln(c.stdout, "  careerguide serve")
	return nil
}

// refuse reports why init will not write into dir: it is a file, or it
// holds anything (without force), or it holds a file init would write.
func (c *initCommand) refuse(dir string, files []skeletonFile, force bool) error {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, iofs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !st.IsDir():
		return &usageError{fmt.Sprintf("%s is a file; give a new or empty folder for the site", dir)}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(entries) > 0 && !force {
		var names []string
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() {
				name += "/"
			}
			names = append(names, name)
		}
		return &usageError{fmt.Sprintf("%s is not empty: it holds %s; choose a new or empty folder, or add --force to add the site beside what is there (init never overwrites a file)", dir, sample(names))}
	}
	var clash []string
	for _, f := range files {
		if f.path == gitignore {
			continue // added to, not replaced
		}
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(f.path))); err == nil {
			clash = append(clash, f.path)
		}
	}
	if len(clash) > 0 {
		return &usageError{fmt.Sprintf("%s already has %s; init never overwrites a file: move %s aside, or choose another folder", dir, sample(clash), plural(len(clash), "it", "them"))}
	}
	return nil
}

// skeletonFiles returns the files of a new site, made on day now.
func skeletonFiles(now time.Time) ([]skeletonFile, error) {
	var files []skeletonFile
	err := iofs.WalkDir(skeleton, "skeleton", func(p string, d iofs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := skeleton.ReadFile(p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, "skeleton/")
		if rel == "gitignore" {
			rel = gitignore
		}
		data = bytes.ReplaceAll(data, []byte("YYYY-MM-DD"), []byte(now.Format("2006-01-02")))
		data = bytes.ReplaceAll(data, []byte("YYYY-MM"), []byte(now.Format("2006-01")))
		files = append(files, skeletonFile{rel, data})
		return nil
	})
	sort.Slice(files, func(i, j int) bool { return files[i].path < files[j].path })
	return files, err
}

// writeNew writes f under dir, never replacing a file. A .gitignore that
// exists gets the lines it lacks; the note says so.
func writeNew(dir string, f skeletonFile) (note string, err error) {
	name := filepath.Join(dir, filepath.FromSlash(f.path))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return "", err
	}
	if f.path == gitignore {
		if old, err := os.ReadFile(name); err == nil {
			return appendLines(name, old, f.data)
		}
	}
	out, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return "", err
	}
	_, err = out.Write(f.data)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return "", err
}

// appendLines adds to the file name (holding old) each line of add that
// it does not hold yet.
func appendLines(name string, old, add []byte) (string, error) {
	have := map[string]bool{}
	for _, l := range strings.Split(string(old), "\n") {
		have[strings.TrimSpace(l)] = true
	}
	var missing []string
	for _, l := range strings.Split(strings.TrimSpace(string(add)), "\n") {
		if !have[l] {
			missing = append(missing, l)
		}
	}
	if len(missing) == 0 {
		return " (it already ignores the output and build state)", nil
	}
	text := strings.Join(missing, "\n") + "\n"
	if len(old) > 0 && !bytes.HasSuffix(old, []byte("\n")) {
		text = "\n" + text
	}
	out, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return "", err
	}
	_, err = out.WriteString(text)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return " (added " + strings.Join(missing, " and ") + ")", err
}

// sample names up to five things, then how many more.
func sample(names []string) string {
	sort.Strings(names)
	if len(names) <= 5 {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:5], ", ") + fmt.Sprintf(" and %d more", len(names)-5)
}

// sameFolder reports whether a and b name the same folder.
func sameFolder(a, b string) bool {
	x, err1 := filepath.Abs(a)
	y, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && x == y
}

var shellSafe = regexp.MustCompile(`^[A-Za-z0-9_./+-]+$`)

// shellQuote quotes s for a POSIX shell when it needs quoting.
func shellQuote(s string) string {
	if shellSafe.MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
