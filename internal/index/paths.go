package index

import (
	"fmt"
	"hash/maphash"
	"path"
	"strconv"
	"strings"

	"github.com/careerguide/careerguide/internal/diag"
)

// Limits on output paths that every file system accepts: a path segment
// (a file or folder name) of at most 255 bytes and a whole path of at most
// 1,024 bytes below the output folder. Content stays far below them
// (parse.MaxSegment and parse.MaxPath); these catch anything else.
const (
	maxSegment = 255
	maxPath    = 1024
)

// reserved starts the names the output writer keeps for itself.
const reserved = ".careerguide"

// writer says who puts a file into the output, for messages: "a file
// careerguide generates", "the page of content/careers/x.md", "the alias
// /old/ in content/about.md": what, then of, joined only for a message.
type writer struct{ what, of string }

func (w writer) String() string { return w.what + w.of }

// layout is the tree of output files being planned: every file and every
// folder that holds one, so that no path is both.
type layout struct {
	files   map[string]writer // output file → who writes it
	folders map[string]writer // folder → the first who writes below it
	assets  map[string]bool   // static CSS and JS, published under hashed names
}

// newLayout returns an empty layout with room for about files files and
// folders folders.
func newLayout(files, folders int) *layout {
	return &layout{files: make(map[string]writer, files), folders: make(map[string]writer, folders), assets: map[string]bool{}}
}

// isFile reports whether the output holds a file at p, and who writes it.
func (l *layout) isFile(p string) (writer, bool) {
	if w, ok := l.files[p]; ok {
		return w, true
	}
	// render writes style.css as style.3f9a1c2e.css.
	ext := path.Ext(p)
	if stem := strings.TrimSuffix(p, ext); (ext == ".css" || ext == ".js") && len(stem) > 9 && stem[len(stem)-9] == '.' && isHex(stem[len(stem)-8:]) {
		if base := stem[:len(stem)-9] + ext; l.assets[base] {
			return l.files[base], true
		}
	}
	return writer{}, false
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune("0123456789abcdef", rune(s[i])) {
			return false
		}
	}
	return true
}

// add plans the file p. It returns why p cannot be written, naming the
// writer it collides with, or "" when p fits.
func (l *layout) add(p string, w writer) string {
	if len(p) > maxPath {
		return fmt.Sprintf("its output path is %d bytes long, more than the %d a file system takes", len(p), maxPath)
	}
	for rest := p; rest != ""; {
		seg, after, _ := strings.Cut(rest, "/")
		if len(seg) > maxSegment {
			return fmt.Sprintf("its output path has a name of %d bytes, more than the %d a file system takes", len(seg), maxSegment)
		}
		rest = after
	}
	if strings.HasPrefix(p, reserved) {
		return "careerguide keeps its own files under names starting " + reserved
	}
	if o, ok := l.isFile(p); ok {
		return "/" + p + " is already " + o.String()
	}
	if o, ok := l.folders[p]; ok {
		return "/" + p + " must be a folder, for " + o.String()
	}
	dir := path.Dir
	if path.Clean(p) == p {
		dir = parent // the same, without cleaning each folder again
	}
	for d := dir(p); d != "."; d = dir(d) {
		if o, ok := l.isFile(d); ok {
			return "/" + d + " is " + o.String() + ", so it cannot also be a folder"
		}
	}
	l.files[p] = w
	for d := dir(p); d != "."; d = dir(d) {
		if _, ok := l.folders[d]; ok {
			break // and so are all above it
		}
		l.folders[d] = w
	}
	return ""
}

// parent is path.Dir of a clean path.
func parent(p string) string {
	switch i := strings.LastIndexByte(p, '/'); {
	case i > 0:
		return p[:i]
	case i == 0:
		return "/"
	}
	return "."
}

// file is the output file of a page path: "careers/x/" → "careers/x/index.html".
func file(p string) string {
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// layOut plans every output file and reports, where it was asked for,
// each one that cannot be written: a path that is a file in one place and
// a folder in another (an alias onto /sitemap.xml or below
// /api/careers.json), a name too long for a file system, or one of the
// writer's own names. Without this, such a problem would surface only
// when the output is committed, after part of it was written.
//
// What it reports follows from the output paths and who writes them; when
// prev had the same and found nothing, nothing is found again.
func (s *Site) layOut(prev *Site, static []string, stop func() bool, ds *diag.List) {
	s.layoutKey = s.layoutInputs(static)
	// Findings name positions, which the key leaves out: only a clean
	// layout is taken from prev.
	if prev != nil && prev.layoutKey == s.layoutKey && len(prev.layoutDiags) == 0 {
		s.layoutDiags = prev.layoutDiags
		ds.Add(prev.layoutDiags)
		return
	}
	var mine diag.List
	defer func() { s.layoutDiags = mine; ds.Add(mine) }()
	s.checkLayout(static, stop, &mine)
}

// SameLayout reports whether s was indexed from prev (Rebuild) with the
// same output paths, written by the same files: then every content file
// is published where it was (Content) and every path that was published
// still is (Exists), and no other.
func (s *Site) SameLayout(prev *Site) bool { return prev != nil && s.layoutKey == prev.layoutKey }

// layoutInputs sums up every output path and who writes it, and the
// file behind each skill's page.
func (s *Site) layoutInputs(static []string) uint64 {
	var h maphash.Hash
	h.SetSeed(relateSeed)
	w := func(parts ...string) {
		for _, p := range parts {
			h.WriteString(p)
			h.WriteByte(0)
		}
	}
	w(static...)
	h.WriteByte(1)
	// The careers in any order: the A–Z order, which an edit of a title
	// changes, decides no output path.
	var careers uint64
	for _, c := range s.Careers {
		careers += c.pathSum
	}
	w(strconv.FormatUint(careers, 16), strconv.Itoa(len(s.Careers)))
	h.WriteByte(1)
	for _, sk := range s.Skills {
		w(sk.URL, sk.Name)
		if sk.Doc != nil { // the file its links name
			w(sk.Doc.Source)
		}
		// Which careers list the skill is left out: it places only the
		// messages of a layout that is not clean, never taken from prev.
	}
	h.WriteByte(1)
	for _, cat := range s.Categories {
		w(cat.URL, cat.Name, strconv.Itoa(s.ListPages(cat.URL)))
	}
	for _, p := range s.Pages {
		w(p.URL, p.Source)
	}
	for _, a := range s.Aliases {
		w(a.Path, a.source)
	}
	h.WriteByte(1)
	for _, r := range s.Resources {
		w(r.URL, r.Path)
	}
	w(strconv.Itoa(s.ListPages("careers/")), strconv.Itoa(s.ListPages("salaries/")), strconv.FormatBool(s.Config.SocialCards))
	return h.Sum64()
}

// checkLayout plans every output file and reports each that cannot be
// written.
func (s *Site) checkLayout(static []string, stop func() bool, ds *diag.List) {
	n := len(s.Careers) + len(s.Skills) + len(s.Pages) + len(s.Aliases) + len(s.Resources)
	l := newLayout(n+len(s.Careers)+len(static)+256, n+64)
	for _, p := range Fixed {
		l.add(file(p), writer{what: "a file careerguide generates"})
	}
	for _, p := range static {
		if why := l.add(p, writer{"the static file static/", p}); why != "" {
			ds.Errorf("static/"+p, 0, 0, "", "cannot be published: %s; rename it", why)
		}
		if e := path.Ext(p); e == ".css" || e == ".js" {
			l.assets[p] = true
		}
	}
	for _, p := range SearchPaths(len(s.Careers)) {
		l.add(p, writer{what: "a file careerguide generates"})
	}
	for _, c := range s.Careers {
		ps := []string{c.page, c.api}
		if s.Config.SocialCards {
			ps = append(ps, c.URL+"card.png") // render.CardPath
		}
		for _, p := range ps {
			if why := l.add(p, writer{"the page of ", c.Source}); why != "" {
				at := c.At("slug")
				ds.Errorf(c.Source, at.Line, at.Col, "slug", "/%s cannot be published: %s; set another slug", p, why)
			}
		}
	}
	for _, r := range s.Resources {
		if why := l.add(r.URL, writer{"the file ", r.Path}); why != "" {
			ds.Errorf(r.Path, 0, 0, "", "cannot be published at /%s: %s; rename the file", r.URL, why)
		}
	}
	if stop() {
		return
	}
	for _, sk := range s.Skills {
		if why := l.add(file(sk.URL), writer{"the page of the skill ", sk.Name}); why != "" {
			for _, c := range sk.Careers {
				for i, k := range c.slugs {
					if k == sk.Slug {
						at := c.At("skills[" + itoa(i) + "]")
						ds.Errorf(c.Source, at.Line, at.Col, "skills", "%q cannot be published at /%s: %s; rename the skill", c.Career.Skills[i], sk.URL, why)
					}
				}
			}
		}
	}
	if stop() {
		return
	}
	// The lists' later pages and the categories' pages.
	lists := writer{what: "a page careerguide generates"}
	for _, base := range []string{"careers/", "salaries/"} {
		for i := 2; i <= s.ListPages(base); i++ {
			l.add(file(PageURL(base, i)), lists)
		}
	}
	for _, cat := range s.Categories {
		for i := 1; i <= s.ListPages(cat.URL); i++ {
			if why := l.add(file(PageURL(cat.URL, i)), writer{"the page of the category ", cat.Name}); why != "" {
				c := cat.Careers[0]
				at := c.At("category")
				ds.Errorf(c.Source, at.Line, at.Col, "category", "%q cannot be published at /%s: %s; rename the category", c.Category, cat.URL, why)
				break
			}
		}
	}
	for _, p := range s.Pages {
		if why := l.add(file(p.URL), writer{"the page of ", p.Source}); why != "" {
			ds.Errorf(p.Source, 1, 1, "", "this page cannot be published at /%s: %s; rename the file", p.URL, why)
		}
	}
	for _, a := range s.Aliases {
		if why := l.add(file(a.Path), writer{what: "the alias /" + a.Path + " in " + a.source}); why != "" {
			ds.Errorf(a.source, a.at.Line, a.at.Col, "aliases", "/%s cannot be published: %s; an alias must be an old URL that no page or file uses", a.Path, why)
		}
	}
}
