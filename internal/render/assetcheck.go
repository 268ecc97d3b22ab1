package render

import (
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/careerguide/careerguide/internal/diag"
)

// assetCall is a call of asset with its file written in the template.
type assetCall struct {
	file      string // the template file, "career.html"
	line, col int    // where the call's "asset" is
	path      string // the asset named
}

// missingAssets finds each {{asset "path"}} whose file is in neither the
// site nor the theme, outside an {{if hasAsset "path"}} that guards it,
// whether or not a page of this site runs it (a branch no page takes, a
// template only some sites use): such a call is a mistake in the theme
// that the first build to take it would fail on. Each template is walked
// once, where it is defined.
func missingAssets(set *tmplSet, exists func(string) bool) []assetCall {
	var found []assetCall
	seen := map[string]bool{} // template names walked
	var walk func(t *parse.Tree, n parse.Node, guarded map[string]bool)
	walk = func(t *parse.Tree, n parse.Node, guarded map[string]bool) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(t, c, guarded)
				}
			}
		case *parse.ActionNode:
			walk(t, n.Pipe, guarded)
		case *parse.TemplateNode:
			walk(t, n.Pipe, guarded)
		case *parse.IfNode:
			walk(t, n.Pipe, guarded)
			inner := guarded
			if p := hasAssetGuard(n.Pipe); p != "" {
				inner = map[string]bool{p: true}
				for k := range guarded {
					inner[k] = true
				}
			}
			walk(t, n.List, inner)
			walk(t, n.ElseList, guarded)
		case *parse.RangeNode:
			walk(t, n.Pipe, guarded)
			walk(t, n.List, guarded)
			walk(t, n.ElseList, guarded)
		case *parse.WithNode:
			walk(t, n.Pipe, guarded)
			walk(t, n.List, guarded)
			walk(t, n.ElseList, guarded)
		case *parse.PipeNode:
			if n != nil {
				for _, c := range n.Cmds {
					walk(t, c, guarded)
				}
			}
		case *parse.CommandNode:
			if id, ok := n.Args[0].(*parse.IdentifierNode); ok && id.Ident == "asset" {
				if s, ok := arg(n, 1).(*parse.StringNode); ok && !exists(s.Text) && !guarded[s.Text] {
					c := assetCall{path: s.Text}
					c.file, c.line, c.col = position(t, id)
					found = append(found, c)
				}
			}
			for _, a := range n.Args {
				walk(t, a, guarded)
			}
		}
	}
	for _, t := range treesOf(set) {
		if t == nil || t.Root == nil || seen[t.ParseName+"\x00"+t.Name] {
			continue
		}
		seen[t.ParseName+"\x00"+t.Name] = true
		walk(t, t.Root, nil)
	}
	return found
}

// treesOf lists the parse trees of every template of set, the shared
// ones first.
func treesOf(set *tmplSet) []*parse.Tree {
	var out []*parse.Tree
	for _, x := range set.base.Templates() {
		out = append(out, x.Tree)
	}
	for _, name := range pageTemplates {
		if p := set.pages[name]; p != nil {
			for _, x := range p.Templates() { // the page and what it defines
				out = append(out, x.Tree)
			}
		}
	}
	return out
}

// hasAssetGuard returns p when pipe is `hasAsset "p"`, else "".
func hasAssetGuard(pipe *parse.PipeNode) string {
	if pipe == nil || len(pipe.Cmds) != 1 {
		return ""
	}
	c := pipe.Cmds[0]
	if id, ok := c.Args[0].(*parse.IdentifierNode); ok && id.Ident == "hasAsset" {
		if s, ok := arg(c, 1).(*parse.StringNode); ok {
			return s.Text
		}
	}
	return ""
}

// position returns the file, line and column of n in t.
func position(t *parse.Tree, n parse.Node) (string, int, int) {
	loc, _ := t.ErrorContext(n) // "career.html:4:32"
	parts := strings.Split(loc, ":")
	if len(parts) < 3 {
		return t.ParseName, 0, 0
	}
	line, _ := strconv.Atoi(parts[len(parts)-2])
	col, _ := strconv.Atoi(parts[len(parts)-1]) // counted from 0
	return strings.Join(parts[:len(parts)-2], ":"), line, col + 1
}

// assetErrors turns the calls found into errors, worded as the error of
// such a call when it runs, so that the build stops before rendering with
// one message per call.
func assetErrors(calls []assetCall, static []string) diag.List {
	var ds diag.List
	for _, c := range calls {
		ds.Errorf("templates/"+c.file, c.line, c.col, "asset "+strconv.Quote(c.path), "%s", missingAsset(c.path, static))
	}
	return ds
}
