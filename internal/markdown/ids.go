package markdown

import (
	"strconv"

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
}

func newHeadingIDs() *headingIDs { return &headingIDs{seen: map[string]bool{}} }

// Generate returns the id of a heading whose text is value.
func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := slug.Make(string(value))
	if base == "" {
		base = "heading"
	}
	id := base
	// Each id taken is in seen, so this ends within len(seen)+1 steps.
	for i := 1; h.seen[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	h.seen[id] = true
	return []byte(id)
}

// Put records an id given by the author ({#id}), so no heading repeats it.
func (h *headingIDs) Put(value []byte) { h.seen[string(value)] = true }
