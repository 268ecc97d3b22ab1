package parse

import (
	"path"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/slug"
)

// PageFields lists the frontmatter fields of a plain page.
var PageFields = []string{"title", "description", "updated", "draft", "aliases"}

// Page parses a plain page; file is its path below the site folder, such as
// content/about.md, which is published at about/.
func Page(file string, src []byte, ds *diag.List) *model.Page {
	var local diag.List
	b, ok := split(file, src, &local)
	if !ok {
		ds.Add(local)
		return nil
	}
	f := newFields(file, b, &local)
	p := &model.Page{Source: file, Body: b.body, BodyLine: b.bodyLine, Path: PagePath(file), Sum: model.Fingerprint(src)}
	f.mapping(b.root, "", PageFields, func(key string, v *yaml.Node) {
		switch key {
		case "title":
			p.Title, _ = f.text(v, key, true)
		case "description":
			p.Description, _ = f.text(v, key, false)
		case "updated":
			if !isNull(v) {
				p.Updated, _ = f.date(v, key)
			}
		case "draft":
			p.Draft, _ = f.boolean(v, key)
		case "aliases":
			p.Aliases = f.aliases(v)
		}
	})
	f.require("title")
	if p.Path == "" {
		local.Errorf(file, 0, 0, "", "the file name gives no usable URL; rename the file")
	} else if why := pathProblem(p.Path); why != "" {
		local.Errorf(file, 0, 0, "", "the page would be published at /%s, which %s; rename the file or its folders", clip(p.Path), why)
	}
	ds.Add(local)
	if local.HasErrors() {
		return nil
	}
	p.Pos = f.positions()
	return p
}

// PagePath is the URL path of a plain page below the base: content/about.md
// is "about/", content/guides/index.md is "guides/".
func PagePath(file string) string {
	rel := strings.TrimPrefix(file, "content/")
	rel = strings.TrimSuffix(rel, path.Ext(rel))
	parts := strings.Split(rel, "/")
	if last := parts[len(parts)-1]; last == "index" || last == "_index" {
		parts = parts[:len(parts)-1]
	}
	var out []string
	for _, p := range parts {
		s := slug.Make(p)
		if s == "" {
			return ""
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return ""
	}
	return strings.Join(out, "/") + "/"
}
