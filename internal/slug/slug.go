// Package slug owns the identity of names in URLs: it turns a skill or a
// title into the lower-case, hyphenated form used in paths, so that
// different names never share a slug (C, C++ and C# become c, c-plus-plus
// and c-sharp) and spellings that differ only in case, accents or
// apostrophes ("AI's", "AIs") do.
package slug

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// words spell out symbols that carry meaning in technical names.
var words = map[rune]string{
	'+': "plus",
	'#': "sharp",
	'&': "and",
	'@': "at",
	'%': "percent",
}

// Make returns the slug of s: accents folded, letters lower-cased, digits
// kept, '+', '#', '&', '@' and '%' spelled out, a leading '.' spelled "dot"
// (".NET" → "dotnet"), apostrophes dropped ("AI's" → "ais"), and every
// other run of characters turned into one hyphen. It returns "" when s
// has nothing to keep.
func Make(s string) string {
	s = strings.TrimSpace(Fold(strings.ToLower(strings.ToValidUTF8(s, ""))))
	var parts []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			parts = append(parts, cur.String())
			cur.Reset()
		}
	}
	if len(s) > 1 && s[0] == '.' && isWord(rune(s[1])) {
		cur.WriteString("dot")
		s = s[1:]
	}
	for _, r := range s {
		switch {
		case isWord(r):
			cur.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’':
			// Inside a word, as in "AI's": the word goes on.
		case words[r] != "":
			flush()
			parts = append(parts, words[r])
		default:
			flush()
		}
	}
	flush()
	return strings.Join(parts, "-")
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Fold removes accents: "Café" → "Cafe". Letters with no ASCII base, such as
// "ß" or "ø", are mapped by a small table; others are left for Make to drop.
func Fold(s string) string {
	if ascii(s) {
		return s
	}
	// A transform.Chain keeps state, so each call needs its own.
	folder := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(folder, s)
	if err != nil {
		return s
	}
	return strings.Map(func(r rune) rune {
		if m, ok := extra[r]; ok {
			return m
		}
		return r
	}, strings.NewReplacer("ß", "ss", "æ", "ae", "Æ", "AE", "œ", "oe", "Œ", "OE").Replace(out))
}

var extra = map[rune]rune{'ø': 'o', 'Ø': 'O', 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ı': 'i'}

// Valid reports whether s is already a slug, as Make would write it.
func Valid(s string) bool { return s != "" && Make(s) == s }

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
