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
	f.mapping(b.root, "", append(careerFieldsIn(f, b.root), PageFields...), func(key string, v *yaml.Node) {
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

// careerOnly are the fields a career has and a plain page has not.
var careerOnly = []string{"summary", "category", "salary", "demand", "demand_source", "ai_impact", "ai_impact_source",
	"skills", "outlook", "soc", "education"}

// careerFieldsIn finds the career fields in a plain page's frontmatter.
// A page that has them is a career in the wrong folder: it gets one
// warning saying where it belongs, in place of one for each field, and
// the fields are returned to be passed over as known.
func careerFieldsIn(f *fields, root *yaml.Node) []string {
	var found []string
	var first *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; contains(careerOnly, k.Value) && !contains(found, k.Value) {
			found = append(found, k.Value)
			if first == nil {
				first = k
			}
		}
	}
	if first != nil {
		name := path.Base(f.path)
		if name == "index.md" || name == "_index.md" {
			name = path.Base(path.Dir(f.path)) + ".md"
		}
		f.warnf(first, "", "this file has a career's fields (%s), but careers are read only from content/careers/; move it to content/careers/%s to make it a career (as a plain page here, those fields are ignored)",
			strings.Join(found, ", "), name)
	}
	return found
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
