package parse

import (
	"net/url"
	"strings"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/model"
)

// ConfigFields lists the fields of site.yaml.
var ConfigFields = []string{"title", "description", "base_url", "language", "currency", "country", "author", "unsafe_html", "paginate", "params"}

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
		line, col, msg := errorPos(err)
		line, col, msg = yamlFix(data, max(line, 1), msg)
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
		case "paginate":
			if n, ok := f.number(v, key); ok {
				if n < 1 || n > MaxPaginate || n != float64(int(n)) {
					f.errorf(v, key, "must be a whole number of careers per list page from 1 to %d, not %s", MaxPaginate, show(v))
				} else {
					cfg.Paginate = int(n)
				}
			}
		case "params":
			if err := v.Decode(&cfg.Params); err != nil {
				f.errorf(v, key, "must be a set of fields: %v", err)
			}
		}
	})
	return cfg
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
