package markdown

import (
	"bytes"
	"reflect"
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Limits that keep the cost of a page in proportion to its size. goldmark
// has none of its own, and some of its steps take time in proportion to
// the square of what they work on: the containers open around a line, the
// delimiters and brackets of a paragraph, the link reference definitions
// that start one, the cells of a table. Past each limit the rest is kept
// as text, or left out, with a warning saying so; no real page comes near
// them. docs/security.md lists them.
const (
	// MaxNesting is how deeply lists and block quotes may nest.
	MaxNesting = 32
	// MaxHeadings is how many headings a page may have: each gets an ID
	// that must differ from all the others.
	MaxHeadings = 1000
	// MaxInline is how many pieces of inline markup (emphasis, links,
	// code spans, autolinks, raw HTML) one paragraph, heading or table
	// cell may hold; the rest of it is text.
	MaxInline = 250
	// MaxRefDefs is how many link reference definitions a page may hold;
	// later ones are left out.
	MaxRefDefs = 500
	// MaxTableCells bounds a table's cells, rows times columns, by the
	// size of its text: two cells per byte, plus a thousand. A table with
	// a wide header and thousands of short rows would otherwise be filled
	// with millions of empty cells; it is shown as text.
	MaxTableCells = 1000
	// MaxEscapedPipes is how many \| a page's tables may hold: goldmark
	// compares each with every other.
	MaxEscapedPipes = 500
)

// cut warns once per page and kind that something was cut, at offset off.
func cut(pc parser.Context, kind string, off int, format string, args ...any) {
	j, _ := pc.Get(jobKey).(*job)
	if j == nil || j.cut[kind] {
		return
	}
	if j.cut == nil {
		j.cut = map[string]bool{}
	}
	j.cut[kind] = true
	j.ds.Warnf(j.file, j.lineOf(off), 0, "markdown", format, args...)
}

// offsetOf returns the source offset the reader is at.
func offsetOf(r text.Reader) int {
	_, seg := r.Position()
	return seg.Start
}

// limited wraps a block parser with a check before it opens a block:
// the list and block quote parsers open no container below MaxNesting
// others, and the heading parsers no more than MaxHeadings headings. The
// line is then read as text.
type limited struct {
	parser.BlockParser
	heading bool // else a container
}

var headingsKey = parser.NewContextKey()

func (b limited) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if b.heading {
		n, _ := pc.Get(headingsKey).(int)
		if n >= MaxHeadings {
			cut(pc, "headings", offsetOf(reader), "the page holds more than %s headings; from here on they are shown as text", count(MaxHeadings))
			return nil, parser.NoChildren
		}
		node, state := b.BlockParser.Open(parent, reader, pc)
		if node != nil {
			pc.Set(headingsKey, n+1)
		}
		return node, state
	}
	depth := 0 // the list items and quotes the new block would be in
	for n := parent; n != nil && depth < MaxNesting; n = n.Parent() {
		if k := n.Kind(); k == ast.KindListItem || k == ast.KindBlockquote {
			depth++
		}
	}
	if depth >= MaxNesting {
		cut(pc, "nesting", offsetOf(reader), "lists and quotes nest more than %d deep here; the deeper levels are shown as text", MaxNesting)
		return nil, parser.NoChildren
	}
	return b.BlockParser.Open(parent, reader, pc)
}

// SetOption passes the parser's options on, such as automatic heading IDs.
func (b limited) SetOption(name parser.OptionName, value any) {
	if so, ok := b.BlockParser.(parser.SetOptioner); ok {
		so.SetOption(name, value)
	}
}

func limitBlocks(ps []util.PrioritizedValue) []util.PrioritizedValue {
	kinds := map[reflect.Type]bool{
		reflect.TypeOf(parser.NewBlockquoteParser()): false, reflect.TypeOf(parser.NewListParser()): false,
		reflect.TypeOf(parser.NewATXHeadingParser()): true, reflect.TypeOf(parser.NewSetextHeadingParser()): true,
	}
	for i, p := range ps {
		if heading, ok := kinds[reflect.TypeOf(p.Value)]; ok {
			ps[i].Value = limited{p.Value.(parser.BlockParser), heading}
		}
	}
	return ps
}

// inlineBudget is what one block has used of MaxInline.
type inlineBudget struct {
	block ast.Node
	used  int
}

var budgetKey = parser.NewContextKey()

// budgeted wraps an inline parser: each call on punctuation uses one of
// the block's MaxInline; once they are used up it declines, and goldmark
// keeps the character as text. Calls on spaces and at the start of a line
// (linkify's) are cheap and not counted.
type budgeted struct{ parser.InlineParser }

func (p budgeted) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if c := block.Peek(); c == ' ' || c == '\t' || c == '\n' || !util.IsPunct(c) {
		return p.InlineParser.Parse(parent, block, pc)
	}
	b, _ := pc.Get(budgetKey).(*inlineBudget)
	if b == nil {
		b = &inlineBudget{}
		pc.Set(budgetKey, b)
	}
	if b.block != parent {
		b.block, b.used = parent, 0
	}
	if b.used >= MaxInline {
		cut(pc, "inline", offsetOf(block), "a paragraph holds more than %d pieces of inline markup (emphasis, links, code, HTML) here; the rest of it is shown as plain text", MaxInline)
		return nil
	}
	b.used++
	return p.InlineParser.Parse(parent, block, pc)
}

// budgetedCloser is budgeted for the link parser, which cleans up when
// its block closes.
type budgetedCloser struct {
	budgeted
	parser.CloseBlocker
}

func limitInline(ps []util.PrioritizedValue) []util.PrioritizedValue {
	for i, p := range ps {
		b := budgeted{p.Value.(parser.InlineParser)}
		if cb, ok := p.Value.(parser.CloseBlocker); ok {
			ps[i].Value = budgetedCloser{b, cb}
		} else {
			ps[i].Value = b
		}
	}
	return ps
}

// tables wraps the GFM table transformer: a paragraph whose table would
// have more cells than MaxTableCells allows, or whose tables bring the
// page past MaxEscapedPipes, stays a paragraph.
type tables struct {
	parser.ParagraphTransformer
}

var pipesKey = parser.NewContextKey()

func (t tables) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	src := reader.Source()
	size, pipes, cols, delim := 0, 0, 0, -1
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		l := seg.Value(src)
		size += len(l)
		pipes += bytes.Count(l, []byte(`\|`))
		if delim < 0 && i > 0 && isDelimiterRow(l) {
			delim, cols = i, bytes.Count(bytes.Trim(bytes.TrimSpace(l), "|"), []byte("|"))+1
		}
	}
	if delim < 0 {
		return
	}
	if rows := lines.Len() - delim; rows*cols > 2*size+MaxTableCells {
		cut(pc, "table", lines.At(delim).Start, "a table of %s columns and %s rows would have %s cells, more than two for each of its %s bytes and %s more; it is shown as text",
			count(cols), count(rows), count(rows*cols), count(size), count(MaxTableCells))
		return
	}
	total, _ := pc.Get(pipesKey).(int)
	if total += pipes; total > MaxEscapedPipes {
		cut(pc, "pipes", lines.At(delim).Start, "the page's tables hold more than %s escaped pipes (\\|); from this one on they are shown as text", count(MaxEscapedPipes))
		return
	}
	pc.Set(pipesKey, total)
	t.ParagraphTransformer.Transform(node, reader, pc)
}

// isDelimiterRow reports whether l may be a table's delimiter row, such
// as |---|:--:|, as goldmark's table extension reads it.
func isDelimiterRow(l []byte) bool {
	dash := false
	for _, c := range l {
		switch c {
		case '-':
			dash = true
		case '|', ':', ' ', '\t', '\n', '\r':
		default:
			return false
		}
	}
	return dash
}

// refDefs leaves out the link reference definitions of src after the
// first MaxRefDefs: goldmark takes each one out of its paragraph by
// copying the rest, so a paragraph of many costs their square. A line
// counts when, after any quote and list markers, it starts "[…]:"; a cut
// line is emptied, keeping its line break so that lines keep their
// numbers. It returns src itself when nothing is cut.
func refDefs(src []byte) (out []byte, first, n int) {
	count := 0
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		if looksLikeRefDef(src[off:end]) {
			if count++; count > MaxRefDefs {
				if out == nil {
					out = bytes.Clone(src)
					first = off
				}
				for i := off; i < end; i++ {
					out[i] = ' '
				}
				n++
			}
		}
		off = end + 1
	}
	if out == nil {
		return src, 0, 0
	}
	return out, first, n
}

func looksLikeRefDef(l []byte) bool {
	i := 0
	for i < len(l) {
		switch c := l[i]; {
		case c == ' ' || c == '\t' || c == '>' || c == '-' || c == '*' || c == '+':
			i++
		case c >= '0' && c <= '9':
			for i < len(l) && l[i] >= '0' && l[i] <= '9' {
				i++
			}
			if i < len(l) && (l[i] == '.' || l[i] == ')') {
				i++
			}
		case c == '[':
			return bytes.Contains(l[i:], []byte("]:"))
		default:
			return false
		}
	}
	return false
}

// count formats n with thousands separators: 20000 → "20,000".
func count(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
