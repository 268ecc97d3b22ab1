package parse

import (
	"fmt"
	"strconv"
	"strings"
)

// Limits on what one content file may hold, so that the work a file
// causes in every later stage stays in proportion to its size, and every
// path it makes can be written on any file system. docs/security.md
// lists them; MaxDepth and MaxFrontmatter are beside the frontmatter
// scanner.
const (
	MaxSkills  = 50  // skills of a career
	MaxAliases = 20  // aliases of a career or page
	MaxRelated = 20  // pinned related careers of a career (MaxRelated of index shows 5)
	MaxSegment = 100 // bytes of one URL path segment an author names: a slug, a folder of an alias or a page
	MaxPath    = 512 // bytes of a whole URL path below the base that an author names
	// MaxAnnualPay is the highest salary figure accepted, converted to a
	// year: a trillion, enough for a yearly pay in any currency (10,000
	// times a top salary in dollars, 100 times one in Vietnamese dong),
	// far from the overflow of a float64.
	MaxAnnualPay = 1e12
	// MinAnnualPay is the least yearly pay that is plausible for a job in
	// any currency; pay below it, converted to a year, is a warning: most
	// likely "45" meant 45K, or an hourly rate lacks its "/hour".
	MinAnnualPay = 1000
)

// clip shortens s for a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

// thousands formats n with thousands separators: 20000 → "20,000".
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// pathProblem reports why p, a slash-separated URL path, is too long to
// publish, or "" when it is fine.
func pathProblem(p string) string {
	if len(p) > MaxPath {
		return fmt.Sprintf("is %s bytes long; the limit is %d", thousands(len(p)), MaxPath)
	}
	for _, seg := range strings.Split(p, "/") {
		if len(seg) > MaxSegment {
			return fmt.Sprintf("has a segment of %s bytes (%s); the limit is %d", thousands(len(seg)), clip(seg), MaxSegment)
		}
	}
	return ""
}
