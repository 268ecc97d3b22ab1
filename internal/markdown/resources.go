package markdown

import (
	"bytes"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// refsConverter parses bodies for Refs, with the limits of any page.
var refsConverter = sync.OnceValue(func() *Converter { return New(Options{}) })

// Refs returns the files a body links to or shows by a relative path that
// is not a page's (.md): the page resources it may use, such as
// "team.jpg" or "img/chart.png", cleaned, sorted, each once. Paths that
// lead out of the body's folder are left out.
func Refs(body []byte) []string {
	if !mayRefer(body) {
		return nil
	}
	doc := refsConverter().md.Parser().Parse(text.NewReader(body))
	var out []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest []byte
		switch n := n.(type) {
		case *ast.Link:
			dest = n.Destination
		case *ast.Image:
			dest = n.Destination
		default:
			return ast.WalkContinue, nil
		}
		if p, ok := relativeFile(destination(dest)); ok {
			out = append(out, p)
		}
		return ast.WalkContinue, nil
	})
	slices.Sort(out)
	return slices.Compact(out)
}

// mayRefer reports whether body may link to a file by a relative path: a
// quick look at what follows each "](" and "]:", so that most bodies,
// whose links lead to pages and other sites, are not parsed twice.
func mayRefer(body []byte) bool {
	for _, mark := range [][]byte{[]byte("]("), []byte("]:")} {
		for rest := body; ; {
			i := bytes.Index(rest, mark)
			if i < 0 {
				break
			}
			rest = rest[i+2:]
			dest := bytes.TrimLeft(rest, " \t<")
			end := bytes.IndexAny(dest, " \t\n)>\"'")
			if end < 0 {
				end = len(dest)
			}
			d := dest[:end]
			if j := bytes.IndexAny(d, "?#"); j >= 0 {
				d = d[:j]
			}
			if len(d) > 0 && d[0] != '/' && !bytes.Contains(d, []byte(":")) && !bytes.HasSuffix(d, []byte(".md")) && !bytes.HasSuffix(d, []byte("/")) {
				return true
			}
		}
	}
	return false
}

// relativeFile returns the file a link leads to, relative to the page's
// own folder, when it is one: no scheme or host, not rooted, not a page
// (.md) and not out of the folder.
func relativeFile(dest string) (string, bool) {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") || strings.HasSuffix(u.Path, "/") {
		return "", false
	}
	p := path.Clean(u.Path)
	if p == "." || p == ".." || strings.HasPrefix(p, "../") || strings.HasSuffix(p, ".md") {
		return "", false
	}
	return p, true
}

// imageSize sets an image's width and height from the resolver, so that
// the page does not shift as it loads. site is the image's path below
// the base.
func imageSize(j *job, n *ast.Image, site string) {
	w, h, ok := j.r.Image(site)
	if !ok || w <= 0 || h <= 0 {
		return
	}
	if _, set := n.AttributeString("width"); !set {
		n.SetAttributeString("width", []byte(strconv.Itoa(w)))
		n.SetAttributeString("height", []byte(strconv.Itoa(h)))
	}
}
