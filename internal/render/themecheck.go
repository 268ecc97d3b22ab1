package render

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"text/template/parse"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/load"
)

// unusedFiles warns about each template file of the site's own that
// defines nothing the theme uses: a {{define}} whose name no template
// calls (a misspelt "lgo" for "logo"), or a file whose name no include
// names, changes nothing. Page templates are always used. When a
// template names one to render with a value that is not written in it
// ({{partial $name .}}), what is used cannot be known, and nothing is
// said.
func unusedFiles(files []load.File, set *tmplSet) diag.List {
	used, known := calls(set)
	if !known {
		return nil
	}
	defines := map[string][]string{} // file → the names it defines
	for _, t := range set.base.Templates() {
		if t.Tree == nil || t.Tree.Root == nil || t.Name() == t.Tree.ParseName && parse.IsEmptyTree(t.Tree.Root) {
			continue
		}
		defines[t.Tree.ParseName] = append(defines[t.Tree.ParseName], t.Name())
	}
	var ds diag.List
	for _, f := range files {
		if !f.Own || isPageTemplate(f.Path) {
			continue
		}
		names := defines[f.Path]
		if slices.ContainsFunc(names, func(n string) bool { return used[n] }) {
			continue
		}
		file := "templates/" + f.Path
		if len(names) == 0 {
			ds.Warnf(file, 0, 0, "", "defines no template, so it changes nothing")
			continue
		}
		slices.Sort(names)
		quoted := make([]string, len(names))
		for i, n := range names {
			quoted[i] = fmt.Sprintf("%q", n)
		}
		msg := "defines " + strings.Join(quoted, " and ") + ", which no template uses, so it changes nothing"
		if len(names) == 1 {
			var calls []string
			for n := range used {
				calls = append(calls, n)
			}
			slices.Sort(calls)
			if near, ok := diag.Nearest(names[0], calls); ok {
				msg += fmt.Sprintf("; did you mean %q?", near)
			}
		}
		ds.Warnf(file, defineLine(f.Data, names[0]), 0, "", "%s", msg)
	}
	return ds
}

// calls returns the names of the templates that templates call with
// template, block, partial, partials or include, and whether every such
// name is written in the call.
func calls(set *tmplSet) (map[string]bool, bool) {
	used := map[string]bool{}
	known := true
	for _, t := range treesOf(set) {
		if t == nil {
			continue
		}
		visit(t.Root, nil, func(n parse.Node, _ []string) {
			switch n := n.(type) {
			case *parse.TemplateNode:
				used[n.Name] = true
			case *parse.CommandNode:
				if id, ok := n.Args[0].(*parse.IdentifierNode); ok && (id.Ident == "partial" || id.Ident == "partials" || id.Ident == "include") {
					if s, ok := arg(n, 1).(*parse.StringNode); ok {
						used[s.Text] = true
					} else {
						known = false
					}
				}
			}
		})
	}
	return used, known
}

// visit walks the template tree below n and calls f with each
// {{template}} and each command, and the assets that the
// {{if hasAsset "…"}} actions around it guard (guards, plus those found
// on the way down).
func visit(n parse.Node, guards []string, f func(n parse.Node, guards []string)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				visit(c, guards, f)
			}
		}
	case *parse.ActionNode:
		visit(n.Pipe, guards, f)
	case *parse.TemplateNode:
		f(n, guards)
		visit(n.Pipe, guards, f)
	case *parse.ChainNode:
		visit(n.Node, guards, f)
	case *parse.IfNode:
		visit(n.Pipe, guards, f)
		inner := guards
		if p := hasAssetGuard(n.Pipe); p != "" {
			inner = append(slices.Clip(guards), p)
		}
		visit(n.List, inner, f)
		visit(n.ElseList, guards, f)
	case *parse.RangeNode:
		visit(n.Pipe, guards, f)
		visit(n.List, guards, f)
		visit(n.ElseList, guards, f)
	case *parse.WithNode:
		visit(n.Pipe, guards, f)
		visit(n.List, guards, f)
		visit(n.ElseList, guards, f)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				visit(c, guards, f)
			}
		}
	case *parse.CommandNode:
		f(n, guards)
		for _, a := range n.Args {
			visit(a, guards, f)
		}
	}
}

func arg(n *parse.CommandNode, i int) parse.Node {
	if i < len(n.Args) {
		return n.Args[i]
	}
	return nil
}

// defineLine returns the line of text that defines name, or 1.
func defineLine(text []byte, name string) int {
	i := bytes.Index(text, []byte(fmt.Sprintf("define %q", name)))
	if i < 0 {
		return 1
	}
	return bytes.Count(text[:i], []byte("\n")) + 1
}
