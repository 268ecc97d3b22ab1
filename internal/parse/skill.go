package parse

import (
	"path"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/slug"
)

// SkillDir holds the optional pages about skills: content/skills/sql.md
// is shown on the page of the skill whose slug is sql.
const SkillDir = "content/skills/"

// SkillFields lists the frontmatter fields of a skill's page. Its name
// and URL come from the careers that list the skill.
var SkillFields = []string{"description", "updated", "draft"}

// IsSkillPage reports whether a content file is a page about a skill.
func IsSkillPage(file string) bool { return strings.HasPrefix(file, SkillDir) }

// SkillPage parses a page about a skill: what it is, how to learn it,
// where to read more. Its Path is the skill's page, "skills/<slug>/", the
// slug taken from the file name; the index checks that a career lists
// that skill.
func SkillPage(file string, src []byte, ds *diag.List) *model.Page {
	var local diag.List
	b, ok := split(file, src, &local)
	if !ok {
		ds.Add(local)
		return nil
	}
	f := newFields(file, b, &local)
	p := &model.Page{Source: file, Body: b.body, BodyLine: b.bodyLine, Sum: model.Fingerprint(src)}
	f.mapping(b.root, "", SkillFields, func(key string, v *yaml.Node) {
		switch key {
		case "description":
			p.Description, _ = f.text(v, key, false)
		case "updated":
			if !isNull(v) {
				p.Updated, _ = f.date(v, key)
			}
		case "draft":
			p.Draft, _ = f.boolean(v, key)
		}
	})
	rel := strings.TrimPrefix(file, SkillDir)
	k := slug.Make(strings.TrimSuffix(rel, path.Ext(rel)))
	switch {
	case strings.Contains(rel, "/"):
		local.Errorf(file, 0, 0, "", "a skill's page sits directly in %s, named by the skill's slug, such as %ssql.md; move the file", SkillDir, SkillDir)
	case k == "":
		local.Errorf(file, 0, 0, "", "the file name gives no skill slug; name it by the skill's slug, such as sql.md")
	default:
		p.Path = "skills/" + k + "/"
	}
	ds.Add(local)
	if local.HasErrors() {
		return nil
	}
	p.Pos = f.positions()
	return p
}
