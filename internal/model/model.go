// Package model owns the data a site is made of: careers, plain pages and
// the site configuration, with the small value types they use (levels and
// salaries). It holds no logic beyond what those values need to describe
// themselves; parsing, indexing and rendering live in later stages.
package model

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Fingerprint returns a short, stable digest of data.
func Fingerprint(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:12])
}

// Pos is a position in a source file, 1-based.
type Pos struct{ Line, Col int }

// Career is one career page, as its author wrote it.
type Career struct {
	Source   string // path relative to the site folder, slash-separated
	Slug     string
	Title    string
	Summary  string
	Category string
	Salary   Salary
	Demand   Level
	AIImpact Level
	Skills   []string // as written, in the author's order
	Updated  time.Time
	Draft    bool
	Aliases  []string // slash-rooted paths ending in /
	Related  []string // slugs of pinned related careers
	Body     []byte   // Markdown after the frontmatter; nil once released
	BodyLine int      // line of the file on which Body starts
	BodyAt   int      // byte offset of Body in the file, to read it again
	// Sum and MetaSum fingerprint the whole file and its frontmatter, so
	// later stages can tell what an edit changed.
	Sum, MetaSum string

	// Pos records where the fields that later stages report on were
	// written: "slug", and "skills[i]", "aliases[i]" and "related[i]".
	Pos map[string]Pos
}

// Page is a plain page such as content/about.md.
type Page struct {
	Source      string
	Path        string // URL path below the base, such as "about/"
	Title       string
	Description string
	Updated     time.Time
	Draft       bool
	Aliases     []string
	Body        []byte
	BodyLine    int
	Sum         string // fingerprint of the whole file
	Pos         map[string]Pos
}

// At returns the recorded position of key, or line 1 when unknown.
func at(pos map[string]Pos, key string) Pos {
	if p, ok := pos[key]; ok {
		return p
	}
	return Pos{Line: 1, Col: 1}
}

// At returns where the career's field key was written.
func (c *Career) At(key string) Pos { return at(c.Pos, key) }

// At returns where the page's field key was written.
func (p *Page) At(key string) Pos { return at(p.Pos, key) }

// Config is the optional site.yaml.
type Config struct {
	Title       string         `yaml:"title"`
	Description string         `yaml:"description"`
	BaseURL     string         `yaml:"base_url"`
	Language    string         `yaml:"language"`
	Currency    string         `yaml:"currency"`
	Author      string         `yaml:"author"`
	UnsafeHTML  bool           `yaml:"unsafe_html"`
	Params      map[string]any `yaml:"params"`
}

// Defaults fills in what site.yaml left out.
func (c *Config) Defaults() {
	if c.Title == "" {
		c.Title = "Career Guide"
	}
	if c.Language == "" {
		c.Language = "en"
	}
	if c.Currency == "" {
		c.Currency = "USD"
	}
}
