package main

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/parse"
)

// TestSkeletonSettings checks that init's site.yaml shows every setting
// and that each commented one is valid once its # is removed.
func TestSkeletonSettings(t *testing.T) {
	files, err := skeletonFiles(time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(files, func(f skeletonFile) bool { return f.path == "site.yaml" })
	if i < 0 {
		t.Fatal("the skeleton has no site.yaml")
	}
	data := files[i].data
	setting := regexp.MustCompile(`(?m)^(?:# )?([a-z_]+):(?: |$)`)
	var shown []string
	for _, m := range setting.FindAllSubmatch(data, -1) {
		shown = append(shown, string(m[1]))
	}
	for _, f := range parse.ConfigFields {
		if !slices.Contains(shown, f) {
			t.Errorf("site.yaml does not show %s", f)
		}
	}
	// Remove the # of every commented setting and of the lines under it.
	names := strings.Join(parse.ConfigFields, "|")
	uncommented := regexp.MustCompile(`(?m)^# ((?:`+names+`):.*|  .*)$`).ReplaceAll(data, []byte("$1"))
	var ds diag.List
	cfg := parse.Config("site.yaml", uncommented, &ds)
	if len(ds) > 0 {
		t.Fatalf("site.yaml with every setting on:\n%s\n%s", ds, uncommented)
	}
	if cfg.BaseURL == "" || cfg.Author == "" || len(cfg.Params) == 0 {
		t.Errorf("the commented settings were not read: %+v", cfg)
	}
}
