package parse

import (
	"strings"
	"testing"

	"github.com/careerguide/careerguide/internal/diag"
)

func TestSocialCardsSetting(t *testing.T) {
	for src, want := range map[string]bool{
		"":                                       false, // no base URL: a card could not be shown
		"title: T\n":                             false,
		"base_url: https://example.org/guide/\n": true,
		"base_url: /guide/\n":                    false,
		"social_cards: true\n":                   true,
		"base_url: https://example.org/\nsocial_cards: false\n": false,
		"base_url: https://example.org/\nsocial_cards:\n":       true, // no value: the default
		"social_cards: ~\n": false,
	} {
		var ds diag.List
		if got := Config("site.yaml", []byte(src), &ds).SocialCards; got != want || len(ds) > 0 {
			t.Errorf("%q: social cards %v, want %v (%s)", src, got, want, ds)
		}
	}
	var ds diag.List
	Config("site.yaml", []byte("social_cards: often\n"), &ds)
	if !strings.Contains(ds.String(), "site.yaml:1:15: social_cards:") {
		t.Errorf("a setting that is not true or false: %q", ds.String())
	}
}
