package render

import (
	"slices"
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
	seen := map[string]bool{} // templates walked, by file and name
	for _, t := range treesOf(set) {
		if t == nil || seen[t.ParseName+"\x00"+t.Name] {
			continue
		}
		seen[t.ParseName+"\x00"+t.Name] = true
		visit(t.Root, nil, func(n parse.Node, guards []string) {
			c, ok := n.(*parse.CommandNode)
			if !ok {
				return
			}
			id, ok := c.Args[0].(*parse.IdentifierNode)
			if !ok || id.Ident != "asset" {
				return
			}
			if s, ok := arg(c, 1).(*parse.StringNode); ok && !exists(s.Text) && !slices.Contains(guards, s.Text) {
				call := assetCall{path: s.Text}
				call.file, call.line, call.col = position(t, id)
				found = append(found, call)
			}
		})
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
