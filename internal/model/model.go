// Package model owns the data a site is made of: careers, plain pages and
// the site configuration, with the small value types they use (levels and
// salaries). It holds no logic beyond what those values need to describe
// themselves; parsing, indexing and rendering live in later stages.
package model

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
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
	// The facts a source may give beside the pay: the projected outlook
	// (nil when not given), the O*NET-SOC code, the typical entry-level
	// education (one of Educations) and where the demand and AI impact
	// judgments come from.
	Outlook        *Outlook
	SOC            string
	Education      string
	DemandSource   Source
	AIImpactSource Source
	Updated        time.Time
	Draft          bool
	Aliases        []string // slash-rooted paths ending in /
	Related        []string // slugs of pinned related careers
	// Refs are the files the body links to by a relative path without
	// ".md", such as "team.jpg": the page resources it may use, cleaned,
	// sorted, each once.
	Refs     []string
	Body     []byte // Markdown after the frontmatter; nil once released
	BodyLine int    // line of the file on which Body starts
	BodyAt   int    // byte offset of Body in the file, to read it again
	// Sum, MetaSum and BodySum fingerprint the whole file (after any
	// byte-order mark), its frontmatter and its body.
	Sum, MetaSum, BodySum string

	// Pos records where the fields that later stages report on were written.
	Pos Positions
}

// Resource is a file beside a career's Markdown, published under the
// career's URL: an image the page shows, a PDF it links to.
type Resource struct {
	Path          string // below the site folder, "content/careers/x/team.jpg"
	Sum           string // Fingerprint of its bytes
	Size          int64
	Width, Height int // an image's size in pixels, from its header; 0 when not known
	// Bundle is the folder of the career whose index.md is beside it or
	// above it, "content/careers/x"; "" for a file among careers' .md
	// files, published for each career that links to it.
	Bundle string
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
	Pos         Positions
}

// Positions are where a file's fields were written, for the messages of
// stages after parsing: the slug, and each item of skills, aliases and
// related.
type Positions struct {
	Title, Slug, Category, Salary Pos
	Skills, Aliases, Related      []Pos
}

// At returns the position of key: "slug", or a list item such as
// "skills[2]". It is line 1 when unknown.
func (p Positions) At(key string) Pos {
	var list []Pos
	switch {
	case key == "title":
		if p.Title.Line > 0 {
			return p.Title
		}
	case key == "slug":
		if p.Slug.Line > 0 {
			return p.Slug
		}
	case key == "category":
		if p.Category.Line > 0 {
			return p.Category
		}
	case key == "salary":
		if p.Salary.Line > 0 {
			return p.Salary
		}
	case strings.HasPrefix(key, "skills["):
		list = p.Skills
	case strings.HasPrefix(key, "aliases["):
		list = p.Aliases
	case strings.HasPrefix(key, "related["):
		list = p.Related
	}
	if i := strings.IndexByte(key, '['); i >= 0 && strings.HasSuffix(key, "]") {
		if n, err := strconv.Atoi(key[i+1 : len(key)-1]); err == nil && n >= 0 && n < len(list) {
			return list[n]
		}
	}
	return Pos{Line: 1, Col: 1}
}

// At returns where the career's field key was written.
func (c *Career) At(key string) Pos { return c.Pos.At(key) }

// At returns where the page's field key was written.
func (p *Page) At(key string) Pos { return p.Pos.At(key) }

// Config is the optional site.yaml.
type Config struct {
	Title       string `yaml:"title"`       // the site's name
	Description string `yaml:"description"` // the home page's description, and the default meta description
	BaseURL     string `yaml:"base_url"`    // where the site is published, with --base-url applied; "" for root-relative links
	Language    string `yaml:"language"`    // every page's lang, such as "en"
	Currency    string `yaml:"currency"`    // the ISO 4217 code of salaries that name none
	Author      string `yaml:"author"`      // shown in the footer and the feed
	UnsafeHTML  bool   `yaml:"unsafe_html"` // raw HTML written in Markdown is rendered
	Paginate    int    `yaml:"paginate"`    // careers per list page
	// SocialCards draws each career's og:image. Unless site.yaml names
	// it (CardsSet), Defaults turns it on exactly when BaseURL is
	// absolute: Open Graph needs a full URL, so a card without one is
	// never shown and drawing it is wasted work.
	SocialCards bool           `yaml:"social_cards"`
	CardsSet    bool           `yaml:"-"`            // site.yaml names social_cards
	Country     string         `yaml:"country"`      // ISO 3166-1 alpha-2 code of the country the figures are for
	ThemeColor  string         `yaml:"theme_color"`  // CSS hex colour of the browser's chrome, light scheme
	AccentColor string         `yaml:"accent_color"` // CSS hex colour of links, buttons and bars, light scheme
	Params      map[string]any `yaml:"params"`       // anything else, for the site's own templates
}

// Locale is the site's locale in Open Graph's form, language_TERRITORY:
// "en" and country "US" give "en_US"; a language that names its region,
// "en-GB" or "zh-Hant-TW", keeps it. Without a country, English is "en_US", as Open
// Graph assumes, and another language is left as it is.
func (c Config) Locale() string {
	tags := strings.Split(strings.ReplaceAll(c.Language, "_", "-"), "-")
	lang, region := strings.ToLower(tags[0]), ""
	for _, t := range tags[1:] {
		if len(t) == 2 {
			region = t
			break
		}
	}
	switch {
	case region != "":
		return lang + "_" + strings.ToUpper(region)
	case c.Country != "":
		return lang + "_" + c.Country
	case lang == "en":
		return "en_US"
	}
	return lang
}

// DefaultPaginate is how many careers a list page shows unless site.yaml
// says otherwise: a page of 500 rows stays well under a megabyte.
const DefaultPaginate = 500

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
	if c.Paginate == 0 {
		c.Paginate = DefaultPaginate
	}
	if !c.CardsSet {
		c.SocialCards = c.AbsoluteURL()
	}
}

// AbsoluteURL reports whether BaseURL is a full URL (http or https), as
// sitemaps, feeds and Open Graph need.
func (c *Config) AbsoluteURL() bool {
	return strings.HasPrefix(c.BaseURL, "http://") || strings.HasPrefix(c.BaseURL, "https://")
}
