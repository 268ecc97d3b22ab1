package model

import "strings"

// Level is a four-step judgment used for demand and AI impact.
// The zero Level means "not set".
type Level int

// The levels, lowest first.
const (
	Low Level = iota + 1
	Moderate
	High
	VeryHigh
)

// LevelNames lists the canonical spellings, lowest first.
var LevelNames = []string{"Low", "Moderate", "High", "Very High"}

// levelWords are the short forms authors write for a level's words.
var levelWords = map[string]string{
	"v": "very", "vry": "very", "veryhigh": "very high",
	"med": "moderate", "medium": "moderate", "mid": "moderate", "mod": "moderate",
	"hi": "high", "lo": "low",
}

// ParseLevel matches s case-insensitively, ignoring extra spaces, dots,
// hyphens and underscores between words ("very_high", "Very  high"), and
// reads the short forms authors write: "V. High" and "v high" are Very
// High, "medium" and "med" Moderate.
func ParseLevel(s string) (Level, bool) {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '.'
	})
	for i, w := range f {
		if long, ok := levelWords[w]; ok {
			f[i] = long
		}
	}
	key := strings.Join(f, " ")
	for i, n := range LevelNames {
		if strings.ToLower(n) == key {
			return Level(i + 1), true
		}
	}
	return 0, false
}

// String returns the canonical spelling.
func (l Level) String() string {
	if l < Low || l > VeryHigh {
		return ""
	}
	return LevelNames[l-1]
}

// Key returns a lower-case, hyphenated form for CSS classes and data attributes.
func (l Level) Key() string {
	return strings.ReplaceAll(strings.ToLower(l.String()), " ", "-")
}
