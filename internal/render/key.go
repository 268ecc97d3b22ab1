package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"regexp"
	"sort"
	"strconv"

	"github.com/careerguide/careerguide/internal/load"
	"github.com/careerguide/careerguide/internal/model"
)

// Keys: every job has a key that sums up everything its output depends
// on. A build reuses the file of an earlier build whose key is the same,
// without rendering it, which makes warm builds and the dev server's
// rebuilds fast. A key that misses an input would leave a stale page, so
// they err on the side of including too much:
//
//   - every key has the theme files the job's template uses, the site
//     configuration, the render options and careerguide's own build;
//   - pages that link to other pages have the site's whole URL map;
//   - a career page has its file and the frontmatter of its related
//     careers; a skill page the frontmatter of its careers;
//   - the indexes, feed, sitemap and JSON have every career's frontmatter.
//
// A site template that reads parts of .Site the default theme does not
// gets the frontmatter of every career in its key.

// keyer computes job keys for one render.
type keyer struct {
	theme   map[string]string // page template → digest of the theme files it uses
	wide    map[string]bool   // page templates that read all of .Site
	global  string            // configuration, options and build
	paths   string            // every URL and the pages' titles
	allMeta string            // every career's frontmatter
	statics map[string]string // static file → digest
}

var siteField = regexp.MustCompile(`\.Site\.(\w+)`)

// narrowSite lists the parts of .Site that page keys always cover.
var narrowSite = map[string]bool{"Config": true, "Pages": true}

func (r *Renderer) prepareKeys(templates []load.File) {
	k := &keyer{theme: map[string]string{}, wide: map[string]bool{}, statics: map[string]string{}}
	shared := sha256.New()
	sharedWide := false
	for _, f := range templates {
		if !isPageTemplate(f.Path) {
			shared.Write([]byte(f.Path + "\x00"))
			shared.Write(f.Data)
			sharedWide = sharedWide || readsWideSite(f.Data)
		}
	}
	sharedSum := shared.Sum(nil)
	for _, f := range templates {
		if isPageTemplate(f.Path) {
			h := sha256.New()
			h.Write(sharedSum)
			h.Write(f.Data)
			k.theme[f.Path] = hex.EncodeToString(h.Sum(nil)[:12])
			k.wide[f.Path] = sharedWide || readsWideSite(f.Data)
		}
	}
	g := sha256.New()
	cfg := r.site.Config
	write(g, r.opts.BuildID, cfg.Title, cfg.Description, cfg.BaseURL, cfg.Language, cfg.Currency, cfg.Author,
		strconv.FormatBool(cfg.UnsafeHTML), strconv.FormatBool(r.opts.Minify), strconv.FormatBool(r.opts.LiveReload), r.basePath, r.absBase)
	params := make([]string, 0, len(cfg.Params))
	for p := range cfg.Params {
		params = append(params, p)
	}
	sort.Strings(params)
	for _, p := range params {
		write(g, p, fmt.Sprint(cfg.Params[p])) // fmt prints maps in key order
	}
	assets := make([]string, 0, len(r.assets))
	for p := range r.assets {
		assets = append(assets, p)
	}
	sort.Strings(assets)
	for _, p := range assets {
		write(g, p, r.assets[p])
	}
	k.global = hex.EncodeToString(g.Sum(nil)[:12])

	ph := sha256.New()
	for _, p := range r.site.Paths() {
		write(ph, p)
	}
	for _, p := range r.site.Pages {
		write(ph, p.Source, p.URL, p.Title)
	}
	for _, c := range r.site.Careers {
		write(ph, c.Source, c.URL)
	}
	k.paths = hex.EncodeToString(ph.Sum(nil)[:12])

	mh := sha256.New()
	for _, c := range r.site.Careers {
		write(mh, c.Source, c.MetaSum)
		for _, sk := range c.Skills {
			write(mh, sk.Name)
		}
	}
	k.allMeta = hex.EncodeToString(mh.Sum(nil)[:12])
	for p, data := range r.static {
		k.statics[p] = "static:" + model.Fingerprint(data)
	}
	r.keys = k
}

func readsWideSite(tmpl []byte) bool {
	for _, m := range siteField.FindAllSubmatch(tmpl, -1) {
		if !narrowSite[string(m[1])] {
			return true
		}
	}
	return false
}

func write(h hash.Hash, parts ...string) {
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
}

// cachedKey is a job's key and, for a career, the file it was made from.
type cachedKey struct{ sum, key string }

// Key returns the key of job j: equal keys mean equal output. Keys are
// kept for the renderer's life: only a career's own file can change under
// a renderer (the dev server reuses it while only bodies change).
func (r *Renderer) Key(j Job) string {
	sum := ""
	if j.Kind == KindCareer && r.opts.Reused {
		if c := r.site.CareerBySlug(j.Key); c != nil {
			sum = c.Sum
		}
	}
	if !r.opts.Reused {
		return r.key(j)
	}
	if v, ok := r.keyCache.Load(j.Path); ok && v.(cachedKey).sum == sum {
		return v.(cachedKey).key
	}
	key := r.key(j)
	r.keyCache.Store(j.Path, cachedKey{sum, key})
	return key
}

func (r *Renderer) key(j Job) string {
	k := r.keys
	if j.Kind == KindStatic {
		return k.statics[j.Key]
	}
	h := sha256.New()
	write(h, string(j.Kind), j.Path, k.global, k.paths)
	tmpl := ""
	switch j.Kind {
	case KindCareer:
		tmpl = "career.html"
		c := r.site.CareerBySlug(j.Key)
		if c == nil {
			return ""
		}
		write(h, c.Sum)
		for _, sk := range c.Skills {
			write(h, sk.Name, sk.URL)
		}
		for _, rel := range c.Related {
			write(h, rel.Slug, rel.MetaSum)
			for _, sk := range rel.Shared {
				write(h, sk.Name)
			}
		}
	case KindSkill:
		tmpl = "skill.html"
		sk := r.site.SkillBySlug(j.Key)
		if sk == nil {
			return ""
		}
		write(h, sk.Name)
		for _, c := range sk.Careers {
			write(h, c.Slug, c.MetaSum)
		}
	case KindPage:
		tmpl = "page.html"
		for _, p := range r.site.Pages {
			if p.URL == j.Key {
				write(h, p.Sum)
			}
		}
	case KindAlias:
		tmpl = "alias.html"
		write(h, j.Key)
	case Kind404:
		tmpl = "404.html"
	case KindHome, KindCareers, KindSkills, KindSalaries:
		tmpl = string(j.Kind) + ".html"
		write(h, k.allMeta)
	default: // feed, sitemap, robots, API: data, no template
		write(h, k.allMeta)
	}
	if tmpl != "" {
		write(h, k.theme[tmpl])
		if k.wide[tmpl] {
			write(h, k.allMeta)
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
