package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestLasting: a rebuild's summary names the files that changed, not
// the temporary files a tool made and removed while saving.
func TestLasting(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "careers"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "careers", "a.md"), []byte("x"), 0o644)
	for _, tt := range []struct{ changed, want []string }{
		{[]string{"content/careers/a.md", "content/careers/sedK3x9Qa"}, []string{"content/careers/a.md"}},
		{[]string{"content/careers/gone.md"}, []string{"content/careers/gone.md"}}, // a deleted page
		{[]string{"content/careers/a.md", "static/assets/old.css"}, []string{"content/careers/a.md", "static/assets/old.css"}},
		{[]string{"content/careers/sedK3x9Qa"}, []string{"content/careers/sedK3x9Qa"}}, // nothing else to name
	} {
		if got := lasting(dir, tt.changed); !slices.Equal(got, tt.want) {
			t.Errorf("lasting(%v) = %v, want %v", tt.changed, got, tt.want)
		}
	}
}
