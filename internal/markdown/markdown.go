// Package markdown owns the conversion of a page body from Markdown to HTML:
// CommonMark with GFM tables, strikethrough, autolinks and task lists,
// unique heading IDs, a table of contents, links between content files
// turned into page URLs, and raw HTML left out unless the site allows it.
package markdown

import (
	"bufio"
	"bytes"
	"sort"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/careerguide/careerguide/internal/diag"
)

// Resolver answers where links lead. Paths are below the site's base, with
// no leading slash: "careers/backend-engineering/".
type Resolver interface {
	// Content returns the URL path of the content file at file, a path
	// relative to the site folder such as content/careers/x.md.
	Content(file string) (string, bool)
	// Exists reports whether the site publishes something at p.
	Exists(p string) bool
	// Image returns the width and height in pixels of the image the site
	// publishes at p, when it knows them.
	Image(p string) (width, height int, ok bool)
}

// Options are the site-wide settings of the conversion.
type Options struct {
	UnsafeHTML bool   // render raw HTML in Markdown
	BasePath   string // the URL path the site is served under, "/" or "/guide/"
}

// Heading is an entry of a page's table of contents.
type Heading struct {
	Level int    // 2 or 3
	ID    string // the heading's id, for links to #ID
	Text  string // its text, without markup
}

// Result is a converted body.
type Result struct {
	HTML string
	TOC  []Heading // the ## and ### headings, in order
}

// Converter converts page bodies. It is safe for concurrent use.
type Converter struct {
	md   goldmark.Markdown
	opts Options
	pool sync.Pool
}

// New returns a converter for the given options.
func New(opts Options) *Converter {
	if opts.BasePath == "" {
		opts.BasePath = "/"
	}
	c := &Converter{opts: opts}
	// goldmark.New with the GFM extension, put together by hand so that
	// the parsers that nest and the inline ones have their limits.
	inline := append(parser.DefaultInlineParsers(),
		util.Prioritized(extension.NewTaskCheckBoxParser(), 0),
		util.Prioritized(extension.NewStrikethroughParser(), 500),
		util.Prioritized(extension.NewLinkifyParser(), 999))
	p := parser.NewParser(
		parser.WithBlockParsers(limitBlocks(parser.DefaultBlockParsers())...),
		parser.WithInlineParsers(limitInline(inline)...),
		parser.WithParagraphTransformers(append(parser.DefaultParagraphTransformers(),
			util.Prioritized(tables{extension.NewTableParagraphTransformer()}, 200))...),
		parser.WithASTTransformers(util.Prioritized(extension.NewTableASTTransformer(), 0),
			util.Prioritized(&links{opts: opts}, 100)),
		parser.WithAutoHeadingID(),
	)
	r := renderer.NewRenderer(renderer.WithNodeRenderers(
		util.Prioritized(html.NewRenderer(), 1000),
		util.Prioritized(extension.NewTableHTMLRenderer(), 500),
		util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500),
		util.Prioritized(extension.NewTaskCheckBoxHTMLRenderer(), 500)))
	if opts.UnsafeHTML {
		r.AddOptions(html.WithUnsafe())
	}
	c.md = goldmark.New(goldmark.WithParser(p), goldmark.WithRenderer(r))
	c.pool.New = func() any { return &output{w: bufio.NewWriter(nil)} }
	return c
}

// job is the state of one conversion, carried through the parser context.
type job struct {
	file    string
	pageURL string // the page's own path, for relative links
	line    int    // file line of the body's first line
	src     []byte
	r       Resolver
	ds      *diag.List
	toc     []Heading
	breaks  []int           // offsets of src's line breaks, once asked for
	cut     map[string]bool // the limits met, each warned about once
}

var jobKey = parser.NewContextKey()

// Convert renders src, the body of file that starts on the file's line
// `line`, for the page published at pageURL. Broken links are warnings in ds.
func (c *Converter) Convert(file, pageURL string, src []byte, line int, r Resolver, ds *diag.List) Result {
	src, first, cut := refDefs(src)
	j := &job{file: file, pageURL: pageURL, line: line, src: src, r: r, ds: ds}
	if cut > 0 {
		ds.Warnf(file, j.lineOf(first), 0, "markdown", "the page holds more than %d link reference definitions; the %s after them, from this line on, are left out", MaxRefDefs, count(cut))
	}
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	ctx.Set(jobKey, j)
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	out := c.pool.Get().(*output)
	out.buf.Reset()
	defer c.pool.Put(out)
	// Handed a bufio.Writer, goldmark writes through it instead of
	// allocating one for each body.
	out.w.Reset(&out.buf)
	err := c.md.Renderer().Render(out.w, src, doc)
	if err == nil {
		err = out.w.Flush()
	}
	if err != nil {
		ds.Errorf(file, line, 0, "", "rendering Markdown: %v", err)
	}
	return Result{HTML: out.buf.String(), TOC: j.toc}
}

// output is where a body is rendered, kept for the next body.
type output struct {
	buf bytes.Buffer
	w   *bufio.Writer
}

// lineOf returns the file line of byte offset off in the body.
func (j *job) lineOf(off int) int {
	if j.breaks == nil {
		j.breaks = []int{}
		for i, c := range j.src {
			if c == '\n' {
				j.breaks = append(j.breaks, i)
			}
		}
	}
	return j.line + sort.SearchInts(j.breaks, off)
}

// plainText gathers the text of a node's inline children.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
