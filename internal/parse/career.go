package parse

import (
	"path"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/markdown"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/slug"
)

// CareerFields lists the frontmatter fields of a career, in the order
// `careerguide new` writes them.
var CareerFields = []string{"title", "summary", "category", "salary", "demand", "demand_source", "ai_impact", "ai_impact_source",
	"skills", "outlook", "soc", "education", "updated", "draft", "slug", "aliases", "related"}

// SalaryFields lists the fields of salary.
var SalaryFields = []string{"min", "max", "currency", "period", "open_ended", "range", "median", "percentiles", "source", "as_of", "estimate", "note"}

// Career parses a career file. currency is the site's default currency.
// It returns nil when the file has errors; they are appended to ds.
func Career(file string, src []byte, currency string, ds *diag.List) *model.Career {
	var local diag.List
	b, ok := split(file, src, &local)
	if !ok {
		ds.Add(local)
		return nil
	}
	f := newFields(file, b, &local)
	at := len(src) - len(b.body)
	c := &model.Career{Source: file, Body: b.body, BodyLine: b.bodyLine, BodyAt: at,
		Sum: model.Fingerprint(src), MetaSum: model.Fingerprint(src[:at]), BodySum: model.Fingerprint(b.body)}
	f.mapping(b.root, "", CareerFields, func(key string, v *yaml.Node) {
		switch key {
		case "title":
			c.Title, _ = f.text(v, key, true)
		case "summary":
			c.Summary, _ = f.text(v, key, true)
		case "category":
			c.Category, _ = f.text(v, key, true)
		case "salary":
			c.Salary, _ = f.salary(v, currency)
		case "demand":
			c.Demand = f.level(v, key)
		case "ai_impact":
			c.AIImpact = f.level(v, key)
		case "demand_source":
			c.DemandSource, _ = f.source(v, key)
		case "ai_impact_source":
			c.AIImpactSource, _ = f.source(v, key)
		case "outlook":
			c.Outlook, _ = f.outlook(v)
		case "soc":
			c.SOC = f.soc(v)
		case "education":
			c.Education = f.education(v)
		case "skills":
			c.Skills = f.skills(v)
		case "updated":
			if !isNull(v) {
				c.Updated, _ = f.date(v, key)
			}
		case "draft":
			c.Draft, _ = f.boolean(v, key)
		case "slug":
			if s, ok := f.text(v, key, true); ok {
				switch {
				case len(s) > MaxSegment:
					f.errorf(v, key, "%q is %s bytes long; the limit is %d, so shorten it", clip(s), thousands(len(s)), MaxSegment)
				case !slug.Valid(s):
					f.errorf(v, key, "%q is not a valid slug; use lower-case letters, digits and hyphens, such as %q", clip(s), clip(slug.Make(s)))
				default:
					c.Slug = s
				}
			}
		case "aliases":
			c.Aliases = f.aliases(v)
		case "related":
			items, nodes, _ := f.list(v, key, MaxRelated, "and only 5 are shown; keep the closest")
			for i, s := range items {
				if len(s) > MaxSegment {
					f.errorf(nodes[i], key, "%q is longer than any slug (%d bytes); name the career by its slug", clip(s), MaxSegment)
					continue
				}
				if !slug.Valid(s) {
					f.errorf(nodes[i], key, "%q is not a career slug; name the career by its slug, such as %q", clip(s), clip(slug.Make(s)))
					continue
				}
				c.Related = append(c.Related, s)
			}
		}
	})
	f.require("title", "summary", "category", "salary", "demand", "ai_impact", "skills")
	if IsBundle(file) {
		c.Refs = nil // every file of the folder is published
	} else {
		c.Refs = markdown.Refs(b.body)
	}
	if c.Slug == "" {
		name := strings.TrimSuffix(path.Base(file), path.Ext(file))
		if IsBundle(file) {
			name = path.Base(path.Dir(file))
		}
		c.Slug = slug.Make(name)
		switch {
		case c.Slug == "":
			local.Errorf(file, 0, 0, "slug", "the file name gives no usable slug; rename the file or set slug:")
		case len(c.Slug) > MaxSegment:
			local.Errorf(file, 0, 0, "slug", "the file name gives a slug of %s bytes; the limit is %d, so rename the file or set a shorter slug:", thousands(len(c.Slug)), MaxSegment)
		}
	}
	ds.Add(local)
	if local.HasErrors() {
		return nil
	}
	c.Pos = f.positions()
	return c
}

// IsBundle reports whether a career's file is the index.md of a folder
// of its own, content/careers/<slug>/index.md, whose other files are
// published beside the page.
func IsBundle(file string) bool {
	return path.Base(file) == "index.md" && path.Dir(file) != "content/careers" && strings.HasPrefix(file, "content/careers/")
}

func (f *fields) level(n *yaml.Node, field string) model.Level {
	s, ok := f.text(n, field, true)
	if !ok {
		return 0
	}
	l, ok := model.ParseLevel(s)
	if !ok {
		msg := "%q is not one of " + strings.Join(model.LevelNames, ", ")
		if near, close := diag.Nearest(s, model.LevelNames); close {
			msg += "; did you mean " + near + "?"
		}
		f.errorf(n, field, msg, s)
	}
	return l
}

func (f *fields) skills(n *yaml.Node) []string {
	items, nodes, ok := f.list(n, "skills", MaxSkills, "so keep the ones that matter most")
	if !ok {
		return nil
	}
	if len(items) == 0 {
		f.errorf(n, "skills", "needs at least one skill, such as [SQL, System Design]")
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for i, s := range items {
		k := slug.Make(s)
		if k == "" {
			f.errorf(nodes[i], "skills", "%q has no letters or digits to name the skill by", clip(s))
			continue
		}
		if len(k) > MaxSegment {
			f.errorf(nodes[i], "skills", "%q would be published at /skills/%s/, a segment of %s bytes; the limit is %d, so shorten the name", clip(s), clip(k), thousands(len(k)), MaxSegment)
			continue
		}
		if seen[k] {
			f.warnf(nodes[i], "skills", "%q is listed twice", s)
			continue
		}
		seen[k] = true
		out = append(out, s)
		f.skillPos = append(f.skillPos, f.at(nodes[i]))
	}
	return out
}

func (f *fields) aliases(n *yaml.Node) []string {
	items, nodes, _ := f.list(n, "aliases", MaxAliases, "so keep the old URLs that people still use")
	var out []string
	for i, s := range items {
		a, ok := CleanAlias(s)
		if !ok {
			f.errorf(nodes[i], "aliases", "%q is not a path on this site; write it as /old-path/", clip(s))
			continue
		}
		if why := pathProblem(a); why != "" {
			f.errorf(nodes[i], "aliases", "%q %s, so shorten it", clip(a), why)
			continue
		}
		out = append(out, a)
	}
	return out
}

// CleanAlias turns an alias into a slash-rooted folder path, "/old/path/".
// It refuses anything that is not a plain path on the site.
func CleanAlias(s string) (string, bool) {
	if !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") || strings.ContainsAny(s, "\\?#:\x00\"<>") {
		return "", false
	}
	s = strings.TrimSuffix(s, "index.html")
	c := path.Clean(s)
	if c == "/" || strings.Contains(s, "/../") || strings.HasSuffix(s, "/..") || strings.Contains(s, "/./") {
		return "", false
	}
	return c + "/", true
}
