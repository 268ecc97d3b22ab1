package parse

import (
	"strings"
	"testing"

	"github.com/careerguide/careerguide/internal/diag"
)

func TestSkillPage(t *testing.T) {
	var ds diag.List
	p := SkillPage("content/skills/C++.md", []byte("---\ndescription: A language.\nupdated: 2026-01-02\n---\n## What it is\n"), &ds)
	if len(ds) != 0 || p == nil {
		t.Fatalf("diagnostics: %s", ds)
	}
	if p.Path != "skills/c-plus-plus/" || p.Description != "A language." || p.Updated.IsZero() || p.BodyLine != 5 || string(p.Body) != "## What it is\n" {
		t.Errorf("parsed %+v", p)
	}
	for _, tc := range []struct{ file, src, want string }{
		{"content/skills/sql.md", "---\ntitel: SQL\n---\n", `content/skills/sql.md:2:1: warning: titel: unknown field`},
		{"content/skills/sql.md", "---\ndescription: [a]\n---\n", `content/skills/sql.md:2:14: description: must be text`},
		{"content/skills/sql.md", "no frontmatter\n", `no frontmatter`},
		{"content/skills/db/sql.md", "---\n---\n", `a skill's page sits directly in content/skills/`},
		{"content/skills/---.md", "---\n---\n", `the file name gives no skill slug`},
	} {
		var ds diag.List
		SkillPage(tc.file, []byte(tc.src), &ds)
		if !strings.Contains(ds.String(), tc.want) {
			t.Errorf("%s %q: diagnostics %q, want %q", tc.file, tc.src, ds.String(), tc.want)
		}
	}
}
