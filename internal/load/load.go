// Package load owns reading a site folder from disk: the Markdown files
// under content/, the optional site.yaml, and the theme, which is the
// embedded default theme with the site's own templates/ and static/ files
// laid over it. It is the pipeline's input edge; nothing after it reads
// the disk.
package load

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/careerguide/careerguide/internal/diag"
)

// File is a file's path, slash-separated and relative to the site folder
// (or to the theme's static/ folder), and its bytes.
type File struct {
	Path string
	Data []byte // nil for a content file listed but not read yet (see Read)
	Own  bool   // a theme file of the site's own, not the embedded theme's
	full string // where to read it, for a file listed but not read
}

// Read returns the file's bytes, reading them now if the file was only
// listed: content files are read one at a time, as they are parsed, so
// that a large site's Markdown is never in memory all at once.
func (f File) Read() ([]byte, error) {
	if f.Data != nil || f.full == "" {
		return f.Data, nil
	}
	return os.ReadFile(f.full)
}

// Source is everything a build reads.
type Source struct {
	Root      string   // the site folder, absolute
	Config    []byte   // site.yaml, nil when there is none
	Content   []File   // content/**/*.md, sorted by path
	Resources []Listed // the other files below content/careers/, not read
	Templates []File   // theme templates by name (no folder), site's over embedded
	Static    []File   // theme static files by path below static/, site's over embedded
}

// ConfigFile is the name of the optional configuration file.
const ConfigFile = "site.yaml"

// Read reads the site folder root with theme as the default theme, an FS
// holding templates/ and static/. Problems with single files are
// diagnostics; an error means the folder itself could not be read.
func Read(root string, theme fs.FS) (*Source, diag.List, error) {
	src, ds, err := ReadTheme(root, theme)
	if err != nil {
		return nil, nil, err
	}
	src.Content, src.Resources = ReadContent(src.Root, &ds)
	return src, ds, nil
}

// ReadTheme reads everything but the content: site.yaml, templates and
// static files.
func ReadTheme(root string, theme fs.FS) (*Source, diag.List, error) {
	var ds diag.List
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, nil, err
	}
	if st, err := os.Stat(abs); err != nil || !st.IsDir() {
		return nil, nil, errors.New(root + " is not a folder")
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	src := &Source{Root: abs}
	if real, err := filepath.EvalSymlinks(filepath.Join(abs, ConfigFile)); err == nil && !inside(abs, real) {
		ds.Errorf(ConfigFile, 0, 0, "", "%s", outside(real))
	} else if data, err := os.ReadFile(filepath.Join(abs, ConfigFile)); err == nil {
		src.Config = data
	} else if !errors.Is(err, fs.ErrNotExist) {
		ds.Errorf(ConfigFile, 0, 0, "", "cannot read: %v", err)
	}
	src.Templates, err = overlay(theme, "templates", abs, &ds, func(p string) bool { return strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".xml") })
	if err != nil {
		return nil, nil, err
	}
	src.Static, err = overlay(theme, "static", abs, &ds, func(string) bool { return true })
	if err != nil {
		return nil, nil, err
	}
	return src, ds, nil
}

// Listed is a file found but not read: its path below the site folder
// and its size.
type Listed struct {
	Path string
	Size int64
}

// ReadContent reads every Markdown file below root/content, and lists
// the other files below root/content/careers/: the careers' resources.
func ReadContent(root string, ds *diag.List) ([]File, []Listed) {
	content := filepath.Join(root, "content")
	if st, err := os.Stat(content); err != nil || !st.IsDir() {
		ds.Errorf("content", 0, 0, "", "no content/ folder in %s; create content/careers/ and add a career with `careerguide new \"Title\"`", root)
		return nil, nil
	}
	w := &walker{root: root, ds: ds, seen: map[string]bool{}, keep: IsMarkdown, lazy: true,
		list: func(rel string) bool { return strings.HasPrefix(rel, "content/careers/") }}
	w.walk(content, "content")
	return w.files, w.listed
}

// ReadOne reads one content file again, by its path below root. It
// reports false when the file is gone or is not a plain Markdown file
// inside the site, and the caller should read the whole folder instead.
func ReadOne(root, rel string) ([]byte, bool) {
	if !IsMarkdown(rel) || Ignored(path.Base(rel)) || !strings.HasPrefix(rel, "content/") {
		return nil, false
	}
	full := filepath.Join(root, filepath.FromSlash(rel))
	st, err := os.Lstat(full)
	if err != nil || !st.Mode().IsRegular() {
		return nil, false
	}
	// A folder on the way may be a link that leads out.
	if real, err := filepath.EvalSymlinks(full); err != nil || !inside(root, real) {
		return nil, false
	}
	data, err := os.ReadFile(full)
	return data, err == nil
}

// IsMarkdown reports whether a file name is a Markdown file's.
func IsMarkdown(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// Ignored reports whether a file name is an editor's temporary or backup
// file, or hidden, and so never part of the site.
func Ignored(name string) bool {
	switch {
	case name == "" || name[0] == '.' || name == "4913":
		return true
	case strings.HasSuffix(name, "~"), strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true
	case strings.Contains(name, "___jb_tmp___"), strings.Contains(name, "___jb_old___"):
		return true
	}
	switch path.Ext(name) {
	case ".swp", ".swx", ".swo", ".bck", ".kate-swp", ".tmp", ".crdownload", ".part":
		return true
	}
	return false
}

// overlay reads dir (templates or static) from the theme, then from the
// site folder over it, keeping the files keep accepts.
func overlay(theme fs.FS, dir, root string, ds *diag.List, keep func(string) bool) ([]File, error) {
	files := map[string][]byte{}
	own := map[string]bool{}
	if theme != nil {
		err := fs.WalkDir(theme, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == dir {
					return fs.SkipDir
				}
				return err
			}
			if d.IsDir() || Ignored(d.Name()) || !keep(p) {
				return nil
			}
			data, err := fs.ReadFile(theme, p)
			if err != nil {
				return err
			}
			files[strings.TrimPrefix(p, dir+"/")] = data
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	local := filepath.Join(root, dir)
	if st, err := os.Stat(local); err == nil && st.IsDir() {
		w := &walker{root: root, ds: ds, seen: map[string]bool{}, keep: keep}
		w.walk(local, dir)
		for _, f := range w.files {
			p := strings.TrimPrefix(f.Path, dir+"/")
			files[p], own[p] = f.Data, true
		}
	}
	out := make([]File, 0, len(files))
	for p, data := range files {
		out = append(out, File{Path: p, Data: data, Own: own[p]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// ReadFile reads a content file again, by its path below the site folder,
// refusing one that now leads outside it.
func (s *Source) ReadFile(file string) ([]byte, error) {
	full := filepath.Join(s.Root, filepath.FromSlash(file))
	if real, err := filepath.EvalSymlinks(full); err != nil || !inside(s.Root, real) {
		return nil, errors.New(file + " changed while the site was built; build again")
	}
	return os.ReadFile(full)
}
