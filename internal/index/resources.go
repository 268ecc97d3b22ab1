package index

import (
	"path"
	"sort"
	"strings"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/model"
)

// Resource is a file published beside a career: at the career's URL and
// its path below the career's folder (a page bundle's), or the path its
// Markdown links to it by.
type Resource struct {
	*model.Resource
	URL    string  // the output path, "careers/x/team.jpg"
	Career *Career // the career it is published for
}

// ResourceAt returns the resource published at p, a path below the base.
func (s *Site) ResourceAt(p string) *Resource { return s.resources[strings.TrimPrefix(p, "/")] }

// indexResources publishes the careers' files: every file of a career's
// own folder (content/careers/<slug>/index.md and what is beside and
// below it) under the career's URL, and each file among the careers'
// Markdown files under the URL of every career whose body links to it. A
// file that no career links to is a warning, as it is not published.
func (s *Site) indexResources(all []model.Resource, ds *diag.List) {
	s.resources = map[string]*Resource{}
	bundles := map[string]*Career{}
	for _, c := range s.Careers {
		if path.Base(c.Source) == "index.md" {
			bundles[path.Dir(c.Source)] = c
		}
	}
	loose := map[string]*model.Resource{}
	used := map[string]bool{}
	for i := range all {
		r := &all[i]
		if r.Bundle == "" {
			loose[r.Path] = r
			continue
		}
		if c := bundles[r.Bundle]; c != nil { // else a draft's, or one with errors
			s.addResource(r, c, strings.TrimPrefix(r.Path, r.Bundle+"/"))
		}
	}
	for _, c := range s.Careers {
		for _, ref := range c.Refs {
			file := path.Join(path.Dir(c.Source), ref)
			if r := loose[file]; r != nil {
				s.addResource(r, c, ref)
				used[file] = true
			}
		}
	}
	for _, r := range all {
		if r.Bundle == "" && !used[r.Path] {
			dir := path.Dir(r.Path)
			ds.Warnf(r.Path, 0, 0, "", "no career in %s/ links to this file, so it is not published; link it from a career's Markdown, such as ![Team](%s), or keep a career and its files in a folder of their own: %s/<slug>/index.md", dir, path.Base(r.Path), dir)
		}
	}
	sort.Slice(s.Resources, func(i, j int) bool { return s.Resources[i].URL < s.Resources[j].URL })
}

func (s *Site) addResource(r *model.Resource, c *Career, rel string) {
	res := &Resource{Resource: r, URL: c.URL + rel, Career: c}
	if _, dup := s.resources[res.URL]; dup {
		return // the checks of the layout name clashes; links to the same file are one
	}
	s.resources[res.URL] = res
	s.paths[res.URL] = true
	s.Resources = append(s.Resources, res)
}
