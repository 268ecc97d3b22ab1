package markdown

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/careerguide/careerguide/internal/slug"
	"github.com/yuin/goldmark/ast"
)

// headingIDs gives a page's headings their ids the way names get their
// slugs (slug.Make: accents folded, symbols spelled out), so that
// "Über die Rolle" is #uber-die-rolle as a file of that name is
// uber-die-rolle, and makes each id unique on the page with -1, -2, ….
// It implements goldmark's parser.IDs for one conversion.
type headingIDs struct {
	seen map[string]bool
	next map[string]int // for each base, the number to try next
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{seen: map[string]bool{}, next: map[string]int{}}
}

// maxID bounds an id's length before its number: a heading of a
// thousand words gets an id of its first words.
const maxID = 80

// Generate returns the id of a heading whose text is value.
func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := slug.Make(string(value))
	if len(base) > maxID {
		cut := maxID
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut-- // not inside a letter
		}
		base = strings.TrimRight(base[:cut], "-")
	}
	if base == "" {
		base = "heading"
	}
	id := base
	// Numbers go up from where the last heading of this base stopped, so
	// n equal headings cost n steps, not n²; each step passes an id
	// taken, so this ends within len(seen)+1 steps.
	for h.seen[id] {
		h.next[base]++
		id = base + "-" + strconv.Itoa(h.next[base])
	}
	h.seen[id] = true
	return []byte(id)
}

// Put records an id given by the author ({#id}), so no heading repeats it.
func (h *headingIDs) Put(value []byte) { h.seen[string(value)] = true }
