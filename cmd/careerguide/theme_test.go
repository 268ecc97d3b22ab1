package main

import (
	"bytes"
	"context"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/careerguide/careerguide"
)

// TestThemeCopiesEveryFile checks that theme writes each file of the
// embedded theme with its bytes, and nothing else.
func TestThemeCopiesEveryFile(t *testing.T) {
	site := t.TempDir()
	c := &themeCommand{stdout: io.Discard, stderr: io.Discard}
	if err := c.Run(context.Background(), []string{"--source", site}); err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{}
	iofs.WalkDir(careerguide.Theme, ".", func(p string, d iofs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			want[p], err = iofs.ReadFile(careerguide.Theme, p)
		}
		return err
	})
	got := map[string][]byte{}
	filepath.WalkDir(site, func(p string, d iofs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(site, p)
			got[filepath.ToSlash(rel)], err = os.ReadFile(p)
		}
		return err
	})
	if len(want) == 0 {
		t.Fatal("the embedded theme is empty")
	}
	for p, data := range want {
		if !bytes.Equal(got[p], data) {
			t.Errorf("%s: not copied as it is in the theme", p)
		}
	}
	for p := range got {
		if want[p] == nil {
			t.Errorf("%s: written, but not in the theme", p)
		}
	}
}
