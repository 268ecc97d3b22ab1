package serve

import (
	"os"
	"testing"
)

// TestMemDir: the user's TMPDIR is kept; otherwise the folder found, if
// any, is one the server can make its folder in.
func TestMemDir(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	if d := MemDir(); d != "" {
		t.Errorf("with TMPDIR set, MemDir = %q, want the temporary folder", d)
	}
	t.Setenv("TMPDIR", "")
	if d := MemDir(); d != "" {
		dir, err := os.MkdirTemp(d, "memdir-test-*")
		if err != nil {
			t.Fatalf("MemDir = %q, where no folder can be made: %v", d, err)
		}
		os.RemoveAll(dir)
	}
}
