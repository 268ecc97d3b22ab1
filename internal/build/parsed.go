package build

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/load"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/parse"
)

// parsed is the parse of one content file. It is reused while the file's
// bytes (sum) and the site's default currency are what it was made from.
type parsed struct {
	sum      string
	currency string
	career   *model.Career
	page     *model.Page
	diags    diag.List
}

// parse brings the session's parses up to date with what was read, and
// returns the careers and pages to build, drafts left out unless asked
// for, in file order, and the number of drafts left out. Careers' bodies are not kept: the render step reads
// them again, checked against the parse, so that large sites never hold
// every page's Markdown at once.
func (s *Session) parse(ctx context.Context, in *input) ([]*model.Career, []*model.Page, int, error) {
	cur := in.config.Currency
	if s.changed == nil {
		s.changed = map[string]bool{} // kept until a build renders
	}
	note := func(p *parsed) {
		if p != nil && p.career != nil {
			s.changed[p.career.Slug] = true
		}
	}
	if in.full {
		read := make(map[string]bool, len(in.src.Content))
		for _, f := range in.src.Content {
			read[f.Path] = true
		}
		for p := range s.files {
			if !read[p] {
				note(s.files[p])
				delete(s.files, p)
				s.paths = nil
			}
		}
	}
	for _, p := range in.removed {
		note(s.files[p])
		delete(s.files, p)
		s.paths = nil
	}
	// Each file is read, summed and, unless its bytes are what its last
	// parse was of, parsed by one worker, one at a time.
	files := in.src.Content
	out := make([]*parsed, len(files))
	ds := make([]diag.List, len(files))
	gone := make([]bool, len(files))
	err := parallel(ctx, len(files), s.o.Workers, func() (struct{}, func(), error) { return struct{}{}, nil, nil }, func(_ struct{}, i int) error {
		f := files[i]
		data, err := f.Read()
		if errors.Is(err, fs.ErrNotExist) {
			gone[i] = true // deleted since the folder was listed: removed
			return nil
		}
		if err != nil {
			ds[i].Errorf(f.Path, 0, 0, "", "cannot read: %v", err)
			return nil
		}
		sum := model.Fingerprint(data)
		if old := s.files[f.Path]; old != nil && old.currency == cur && old.sum == sum {
			return nil // the same bytes: the last parse stands
		}
		p := &parsed{sum: sum, currency: cur}
		if strings.HasPrefix(f.Path, "content/careers/") {
			p.career = parse.Career(f.Path, data, cur, &p.diags)
			if p.career != nil {
				p.career.Body = nil
			}
		} else if parse.IsSkillPage(f.Path) {
			p.page = parse.SkillPage(f.Path, data, &p.diags)
		} else {
			p.page = parse.Page(f.Path, data, &p.diags)
		}
		out[i] = p
		return nil
	})
	if err != nil {
		return nil, nil, 0, err // nothing of this parse is kept
	}
	for i, f := range files {
		in.unread.Add(ds[i])
		if gone[i] {
			note(s.files[f.Path])
			delete(s.files, f.Path)
			s.paths = nil
		}
	}
	var todo []load.File
	var parses []*parsed
	for i, f := range files {
		if out[i] != nil {
			todo, parses = append(todo, f), append(parses, out[i])
		}
	}
	out = parses
	for i, f := range todo {
		if s.files[f.Path] == nil {
			s.paths = nil // a new file
		}
		note(s.files[f.Path])
		note(out[i])
		s.files[f.Path] = out[i]
	}
	in.src.Content = nil
	if len(s.paths) != len(s.files) {
		s.paths = make([]string, 0, len(s.files))
		for p := range s.files {
			s.paths = append(s.paths, p)
		}
		slices.Sort(s.paths)
	}
	var careers []*model.Career
	var pages []*model.Page
	drafts := 0
	for _, p := range s.paths {
		f := s.files[p]
		switch {
		case f.career != nil && f.career.Draft && !s.o.Drafts, f.page != nil && f.page.Draft && !s.o.Drafts:
			drafts++
		case f.career != nil:
			careers = append(careers, f.career)
		case f.page != nil:
			pages = append(pages, f.page)
		}
	}
	return careers, pages, drafts, nil
}

func isContent(p string) bool { return strings.HasPrefix(p, "content/") }

func exists(root, rel string) bool {
	_, err := os.Lstat(filepath.Join(root, filepath.FromSlash(rel)))
	return err == nil
}
