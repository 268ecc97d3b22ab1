package index

import (
	"strings"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/model"
)

// skillDir holds the pages about skills (parse.SkillDir): each is shown
// on its skill's page rather than published on its own.
const skillDir = "content/skills/"

func isSkillPage(mp *model.Page) bool { return strings.HasPrefix(mp.Source, skillDir) }

// attachSkillPage gives the skill named by a page about a skill (its Path
// is "skills/<slug>/") that page. A page about a skill no career lists is
// not published, with a warning.
func (s *Site) attachSkillPage(mp *model.Page, ds *diag.List) {
	k := strings.TrimSuffix(strings.TrimPrefix(mp.Path, "skills/"), "/")
	sk := s.skill[k]
	switch {
	case sk == nil:
		ds.Warnf(mp.Source, 0, 0, "", "no career lists the skill %q (/skills/%s/), so this page is not published; name the file by the slug of a skill that careers list", k, k)
	case sk.Doc != nil:
		ds.Errorf(mp.Source, 0, 0, "", "%s is already the page of the skill %s; keep one of the two", sk.Doc.Source, sk.Name)
	default:
		sk.Doc = &Page{Page: mp, URL: sk.URL}
		s.files[mp.Source] = sk.URL
	}
}
