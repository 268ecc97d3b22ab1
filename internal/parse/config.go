package parse

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/model"
)

// ConfigFields lists the fields of site.yaml.
var ConfigFields = []string{"title", "description", "base_url", "language", "currency", "country", "author", "unsafe_html", "paginate", "social_cards",
	"theme_color", "accent_color", "params"}

// MaxPaginate bounds how many careers one list page may show.
const MaxPaginate = 5000

// Config parses site.yaml (file is its name for messages). A nil data is
// an absent file: the defaults.
func Config(file string, data []byte, ds *diag.List) (cfg model.Config) {
	defer cfg.Defaults()
	if len(strings.TrimSpace(string(data))) == 0 {
		return cfg
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, _, msg := errorPos(err)
		line, col, msg := yamlFix(data, max(line, 1), msg, 1)
		ds.Errorf(file, line, col, "", "malformed YAML: %s", msg)
		return cfg
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		ds.Errorf(file, root.Line, root.Column, "", "site.yaml must be a set of fields (key: value), not a %s", kindName(root))
		return cfg
	}
	f := &fields{path: file, base: 1, open: 1, ds: ds, pos: map[string]model.Pos{}, keys: map[string]model.Pos{}, seen: map[string]*yaml.Node{}}
	f.mapping(root, "", ConfigFields, func(key string, v *yaml.Node) {
		switch key {
		case "title":
			cfg.Title, _ = f.text(v, key, false)
		case "description":
			cfg.Description, _ = f.text(v, key, false)
		case "base_url":
			if s, ok := f.text(v, key, false); ok && s != "" {
				if norm, err := BaseURL(s); err != nil {
					f.errorf(v, key, "%v", err)
				} else {
					cfg.BaseURL = norm
				}
			}
		case "language":
			cfg.Language, _ = f.text(v, key, false)
		case "currency":
			if s, ok := f.text(v, key, false); ok && s != "" {
				cfg.Currency = strings.ToUpper(s)
				if !knownCurrency(cfg.Currency) {
					f.errorf(v, key, "%q is not an ISO 4217 currency code such as USD, EUR or GBP", s)
				}
			}
		case "country":
			if s, ok := f.text(v, key, false); ok && s != "" {
				if r, err := language.ParseRegion(s); err != nil || len(s) != 2 || !r.IsCountry() {
					f.errorf(v, key, "%q is not an ISO 3166-1 country code such as US, GB or DE", clip(s))
				} else {
					cfg.Country = r.Canonicalize().String()
				}
			}
		case "author":
			cfg.Author, _ = f.text(v, key, false)
		case "unsafe_html":
			cfg.UnsafeHTML, _ = f.boolean(v, key)
		case "social_cards":
			if v.Kind == yaml.ScalarNode && (v.Tag == "!!null" || strings.TrimSpace(v.Value) == "") {
				break // no value: the default, as if the line were not there
			}
			if b, ok := f.boolean(v, key); ok {
				cfg.SocialCards, cfg.CardsSet = b, true
			}
		case "paginate":
			if n, ok := f.number(v, key); ok {
				if n < 1 || n > MaxPaginate || n != float64(int(n)) {
					f.errorf(v, key, "must be a whole number of careers per list page from 1 to %d, not %s", MaxPaginate, show(v))
				} else {
					cfg.Paginate = int(n)
				}
			}
		case "theme_color":
			cfg.ThemeColor = f.color(v, key, lineComment(root, v))
		case "accent_color":
			cfg.AccentColor = f.color(v, key, lineComment(root, v))
		case "params":
			if err := v.Decode(&cfg.Params); err != nil {
				f.errorf(v, key, "must be a set of fields: %v", err)
			}
		}
	})
	return cfg
}

var hexColor = regexp.MustCompile(`^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$`)

// color reads a CSS hex colour, "#0d6e63". Written without quotes, YAML
// reads "#0d6e63" as a comment: that is an error saying to quote it.
func (f *fields) color(v *yaml.Node, key, comment string) string {
	if isNull(v) {
		if c := strings.TrimSpace(comment); hexColor.MatchString(c) {
			at := *v
			at.Column++ // the empty value is before the space, the comment after
			f.errorf(&at, key, "%s is read as a comment; quote the colour: %s: %q", c, key, c)
		}
		return ""
	}
	s, ok := f.text(v, key, false)
	if ok && s != "" && !hexColor.MatchString(s) {
		f.errorf(v, key, "%q is not a CSS hex colour; write it as \"#rgb\" or \"#rrggbb\", such as \"#0d6e63\"", clip(s))
		return ""
	}
	return strings.ToLower(s)
}

// lineComment returns the comment on the line of v, a value of the
// mapping m, which YAML keeps with the value or its key.
func lineComment(m, v *yaml.Node) string {
	for i := 1; i < len(m.Content); i += 2 {
		if m.Content[i] == v {
			return v.LineComment + m.Content[i-1].LineComment
		}
	}
	return v.LineComment
}

// BaseURL checks a base URL and returns it with a trailing slash. It must
// be absolute (https://example.org/guide/) or a path (/guide/).
func BaseURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || (u.Scheme != "") != (u.Host != "") || (u.Scheme == "" && !strings.HasPrefix(u.Path, "/")) || u.RawQuery != "" || u.Fragment != "" {
		return "", &baseURLError{s}
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), nil
}

type baseURLError struct{ s string }

func (e *baseURLError) Error() string {
	return "\"" + e.s + "\" is not a base URL; write an absolute URL such as https://example.org/guide/ or a path such as /guide/"
}
