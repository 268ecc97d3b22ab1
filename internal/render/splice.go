package render

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"html/template"
	"strconv"
	"text/template/parse"
)

// A list that a page's template prints as it is — an action whose only
// command is the call, {{partials "row" .Items}}, at the level of the page
// rather than inside a shared template it renders through partial — is
// not joined into a string: the call hands the template a mark, and the
// page is put together once its template has run (splice), each mark
// replaced by the list's runs, copied straight from the cache. A page of
// hundreds of rows then costs one copy of them instead of three (the
// joined string, fmt's buffer as the template prints it, the page's
// buffer), and no garbage of their size. A call whose value the template
// keeps in a variable, passes on or pipes on (len, printf, slice) gets the
// list in full, so nothing but the printing action ever sees a mark.
//
// A mark is a NUL, a number no content can know (markNonce, drawn when
// the process starts), the list's number in the page and a NUL. Printed
// anywhere but the page's text, it is escaped (html/template turns NUL
// into U+FFFD, \u0000 or %00), so a list printed in an attribute or a
// script leaves a mark that is not found, and the page is executed again
// with its lists printed in full.

// printedPartials is the name of the function that the calls of partials
// printed as they are call instead (markPrinted).
const printedPartials = "_cg_printed_partials"

// markPrinted renames, in t, the calls of partials that an action prints
// as they are — the action's only command, its value kept in no variable
// — to printedPartials.
func markPrinted(t *template.Template) {
	if t.Tree != nil {
		markIn(t.Tree.Root)
	}
}

func markIn(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			markIn(c)
		}
	case *parse.ActionNode:
		if p := n.Pipe; len(p.Decl) == 0 && len(p.Cmds) == 1 && len(p.Cmds[0].Args) > 1 {
			if id, ok := p.Cmds[0].Args[0].(*parse.IdentifierNode); ok && id.Ident == "partials" {
				id.Ident = printedPartials
			}
		}
	case *parse.IfNode:
		markIn(n.List)
		markIn(n.ElseList)
	case *parse.RangeNode:
		markIn(n.List)
		markIn(n.ElseList)
	case *parse.WithNode:
		markIn(n.List)
		markIn(n.ElseList)
	}
}

// markNonce begins every mark.
var markNonce = newMarkNonce()

func newMarkNonce() string {
	var b [12]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	return "\x00" + hex.EncodeToString(b[:]) + ":"
}

// mark notes the runs of a list printed by the page and returns its mark.
func (w *worker) mark(parts []string) template.HTML {
	w.pieces = append(w.pieces, parts)
	return template.HTML(markNonce + strconv.Itoa(len(w.pieces)-1) + "\x00")
}

// splice writes src into dst from empty with each mark replaced by the
// list of pieces it names, and returns dst's bytes. It reports false when
// a list's mark is not in src whole, or src holds a mark of no list.
func splice(dst *bytes.Buffer, src []byte, pieces [][]string) ([]byte, bool) {
	size := len(src)
	for _, parts := range pieces {
		for _, p := range parts {
			size += len(p)
		}
	}
	// Every appearance of the nonce is a whole mark, or the page is not
	// put together from them: an escaped copy would keep it.
	if bytes.Count(src, []byte(markNonce[1:])) != bytes.Count(src, []byte(markNonce)) {
		return nil, false
	}
	dst.Reset()
	dst.Grow(size)
	found := 0
	seen := make([]bool, len(pieces))
	for {
		i := bytes.Index(src, []byte(markNonce))
		if i < 0 {
			dst.Write(src)
			break
		}
		dst.Write(src[:i])
		src = src[i+len(markNonce):]
		end := bytes.IndexByte(src, 0)
		n, err := strconv.Atoi(string(src[:max(end, 0)]))
		if end < 0 || err != nil || n < 0 || n >= len(pieces) {
			return nil, false
		}
		for _, p := range pieces[n] {
			dst.WriteString(p)
		}
		if !seen[n] {
			seen[n] = true
			found++
		}
		src = src[end+1:]
	}
	return dst.Bytes(), found == len(pieces)
}
