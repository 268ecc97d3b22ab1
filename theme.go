// Package careerguide holds the default theme: the repository's own
// templates/ and static/ folders, embedded in the binary so that
// `careerguide build` works in a folder that has only content/.
package careerguide

import "embed"

// Theme is the default theme, with templates/ and static/ at its root.
//
//go:embed templates static
var Theme embed.FS
