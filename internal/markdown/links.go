package markdown

import (
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// links is the AST transformer that rewrites link targets, checks that
// internal ones exist, demotes # headings below the page title and
// gathers the table of contents.
type links struct{ opts Options }

func (l *links) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	j, _ := pc.Get(jobKey).(*job)
	if j == nil {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 1 {
				n.Level = 2 // the page title is the only h1
			}
			if n.Level <= 3 {
				id, _ := n.AttributeString("id")
				ids, _ := id.([]byte)
				j.toc = append(j.toc, Heading{Level: n.Level, ID: string(ids), Text: plainText(n, j.src)})
			}
		case *ast.Link:
			n.Destination = l.rewrite(j, n, n.Destination)
		case *ast.Image:
			n.Destination = l.rewrite(j, n, n.Destination)
		case *ast.Text:
			if n.HardLineBreak() {
				trimBreak(n, j.src)
			}
		}
		return ast.WalkContinue, nil
	})
}

// offset returns a byte offset inside n, for its line number.
func offset(n ast.Node) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// trimBreak drops the spaces before a hard line break, which the spec
// leaves out of the output; goldmark keeps them when an inline parser
// that starts on a space (GFM's autolinks) has split the text.
func trimBreak(t *ast.Text, src []byte) {
	for n := ast.Node(t); ; {
		txt := n.(*ast.Text)
		txt.Segment = txt.Segment.TrimRightSpace(src)
		prev, ok := n.PreviousSibling().(*ast.Text)
		if !txt.Segment.IsEmpty() || !ok || prev.SoftLineBreak() || prev.HardLineBreak() {
			return
		}
		n = prev
	}
}

// destination is a link's destination as written, with backslash escapes
// and entity and numeric character references applied, as CommonMark
// reads it; goldmark keeps the text as written and applies them only
// when it renders.
func destination(dest []byte) string {
	return string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(dest))))
}

// escapeURL writes a destination the way goldmark renders one: characters
// outside a URL percent-encoded, existing %XX kept. A backslash and an
// ampersand are encoded too, so that goldmark's own pass over the result
// finds no escapes or references left to apply.
func escapeURL(s string) string {
	s = strings.NewReplacer("\\", "%5C", "&", "%26").Replace(s)
	return string(util.URLEscape([]byte(s), false))
}

// rewrite maps an author's link target to the published URL.
func (l *links) rewrite(j *job, n ast.Node, dest []byte) []byte {
	raw := destination(dest)
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(raw, "//") || u.Path == "" {
		return dest
	}
	frag := ""
	if u.Fragment != "" {
		frag = "#" + u.EscapedFragment()
	}
	query := ""
	if u.RawQuery != "" {
		query = "?" + u.RawQuery
	}
	warn := func(target string) {
		j.ds.Warnf(j.file, j.lineOf(offset(n)), 0, "link", "%s leads to %s, which does not exist on the site", raw, target)
	}
	if strings.HasSuffix(u.Path, ".md") {
		file := path.Clean(path.Join(path.Dir(j.file), u.Path))
		if strings.HasPrefix(u.Path, "/") {
			file = path.Clean(path.Join("content", u.Path))
		}
		if p, ok := j.r.Content(file); ok {
			return []byte(l.opts.BasePath + p + query + frag)
		}
		warn(file)
		return dest
	}
	var site string
	if strings.HasPrefix(u.Path, "/") {
		site = strings.TrimPrefix(u.Path, "/")
	} else {
		site = strings.TrimPrefix(path.Join("/"+j.pageURL, u.Path), "/")
		if strings.HasSuffix(u.Path, "/") && site != "" {
			site += "/"
		}
	}
	if !j.r.Exists(site) {
		if f, ok := relativeFile(raw); ok && path.Ext(f) != "" && strings.HasPrefix(j.file, "content/careers/") {
			j.ds.Warnf(j.file, j.lineOf(offset(n)), 0, "link", "%s leads to /%s, which does not exist on the site; a file a career shows or links to goes beside its Markdown, as %s", raw, site, path.Join(path.Dir(j.file), f))
			return dest
		}
		warn("/" + site)
	} else if img, ok := n.(*ast.Image); ok {
		imageSize(j, img, site)
	}
	if strings.HasPrefix(u.Path, "/") {
		written := raw
		if i := strings.IndexAny(written, "?#"); i >= 0 {
			written = written[:i]
		}
		return []byte(l.opts.BasePath + escapeURL(strings.TrimPrefix(written, "/")) + query + frag)
	}
	return dest
}
